"""Reading a project list from the JSON its page is built from (the site map's `list_api`).

The browser context's own request client sends the session's cookies, so no page is rendered: 1,000 projects
are ten small answers. An answer that does not have the mapped shape raises ListJsonError, and the caller
reads the rendered pages instead; an expired session raises SessionExpired, as a page would.
"""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING, Any

from autofiler.errors import SessionExpired, SiteError

if TYPE_CHECKING:
    from autofiler.site.session import Site
    from autofiler.site.sitemap import ListApi

MAX_PAGES = 1000
ATTEMPTS = 3  # a 5xx answer is the site's own "try again"


class ListJsonError(SiteError):
    """The list's JSON is not what the site map describes."""


def read_or_none(site: Site, menu: str) -> tuple[list[dict[str, Any]], int] | None:
    """The list `menu` (a site-map menu key) from its JSON, or None when the site map has no JSON for it or the
    site answers otherwise (said on stderr), so that the caller reads the pages. An expired session means one
    new login and one more try."""
    api = site.map.list_api
    if not api or menu not in api.paths:
        return None
    try:
        try:
            return read_rows(site, api, menu)
        except SessionExpired:
            site.login()
            return read_rows(site, api, menu)
    except ListJsonError as e:
        print(f"注意 / note: {e}; reading the list pages instead (check list_api in the site map)", file=sys.stderr)
        return None


def read_rows(site: Site, api: ListApi, menu: str) -> tuple[list[dict[str, Any]], int]:
    """Every row of the list `menu` as {column key: text, "id": ...}, and the count the site gave."""
    path = api.paths[menu]
    rows: list[dict[str, Any]] = []
    total = None
    page = 1
    while page <= MAX_PAGES:
        data = _get(site, path, {api.page_param: page, api.size_param: api.page_size})
        chunk, count = _dig(data, api.rows), _dig(data, api.total)
        if not isinstance(chunk, list) or not isinstance(count, int):
            raise ListJsonError(f"{path}: the answer has no list at {api.rows!r} or no count at {api.total!r}")
        total = count if total is None else total
        rows += [_row(r, api, path) for r in chunk]
        if len(rows) >= total or not chunk or page >= math.ceil(total / api.page_size):
            break
        page += 1
    return rows, total or 0


def _get(site: Site, path: str, params: dict[str, Any]) -> Any:
    for _ in range(ATTEMPTS):
        resp = site.page.request.get(site.url(path), params=params, max_redirects=0, fail_on_status_code=False)
        if resp.status < 500:
            break
    if resp.status == 401 or 300 <= resp.status < 400:
        raise SessionExpired("登录已过期 / the session expired while the list was read")
    if resp.status != 200:
        raise ListJsonError(f"{path}: HTTP {resp.status}")
    try:
        return resp.json()
    except ValueError:
        raise ListJsonError(f"{path}: the answer is not JSON") from None


def _dig(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _row(raw: Any, api: ListApi, path: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ListJsonError(f"{path}: a row is not an object")
    out = {}
    for key, name in api.fields.items():
        value = raw.get(name)
        out[key] = None if value is None else str(value).strip()
    if not out["id"]:
        raise ListJsonError(f"{path}: a row has no {api.fields['id']!r}")
    return out
