"""Reading a project list from the JSON its page is built from (the site map's `list_api`).

The browser context's own request client sends the session's cookies, so no page is rendered: 1,000 projects
are ten small answers. After the first answer gives the count, the other pages are asked for a few at a time
(IN_FLIGHT) from the page itself, so a distant site's latency is paid once per batch, not once per page. An answer that does not have the mapped shape raises ListJsonError, and the caller
reads the rendered pages instead; an expired session raises SessionExpired, as a page would.
"""

from __future__ import annotations

import functools
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from autofiler.errors import SessionExpired, SiteError
from autofiler.site.policies import SiteBusyError, retry_busy

if TYPE_CHECKING:
    from playwright.sync_api import APIResponse

    from autofiler.site.session.site_session import Site
    from autofiler.site.sitemap import ListApi

MAX_PAGES = 1000
IN_FLIGHT = 4  # list requests at once: quick for a large office, still polite to the site
FETCH_JS = Path(__file__).with_name("fetch_pages.js")


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
    first = _page(path, api, _get(site, path, _params(api, 1)))
    total = first[1]
    rows = first[0]
    pages = min(MAX_PAGES, math.ceil(total / api.page_size)) if rows else 1
    for data in _get_many(site, path, [_params(api, n) for n in range(2, pages + 1)]):
        chunk, _ = _page(path, api, data)
        rows += chunk
        if not chunk:
            break
    return rows, total


def _params(api: ListApi, page: int) -> dict[str, Any]:
    return {api.page_param: page, api.size_param: api.page_size}


def _page(path: str, api: ListApi, data: Any) -> tuple[list[dict[str, Any]], int]:
    chunk, count = _dig(data, api.rows), _dig(data, api.total)
    if not isinstance(chunk, list) or not isinstance(count, int):
        raise ListJsonError(f"{path}: the answer has no list at {api.rows!r} or no count at {api.total!r}")
    return [_row(r, api, path) for r in chunk], count


@functools.cache
def _fetch_js() -> str:
    return FETCH_JS.read_text(encoding="utf-8")


def _get_many(site: Site, path: str, params: list[dict[str, Any]]) -> list[Any]:
    """The answers to several pages of one list, IN_FLIGHT at a time from the page when it is on the site's
    origin (else one by one); a page that failed is asked for again on its own, with the usual retries."""
    if not params:
        return []
    here, there = urlsplit(site.page.url), urlsplit(site.url(path))
    if (here.scheme, here.netloc) != (there.scheme, there.netloc):
        return [_get(site, path, p) for p in params]
    urls = [f"{site.url(path)}?{urlencode(p)}" for p in params]
    answers = site.page.evaluate(_fetch_js(), {"urls": urls, "limit": IN_FLIGHT})
    out = []
    for p, answer in zip(params, answers, strict=True):
        status = answer["status"]
        if status == 401 or status == 0 or 300 <= status < 400:
            raise SessionExpired("登录已过期 / the session expired while the list was read")
        if status != 200:
            out.append(_get(site, path, p))
            continue
        try:
            out.append(json.loads(answer["text"]))
        except ValueError:
            raise ListJsonError(f"{path}: the answer is not JSON") from None
    return out


def _get(site: Site, path: str, params: dict[str, Any]) -> Any:
    def once() -> APIResponse:
        resp = site.page.request.get(site.url(path), params=params, max_redirects=0, fail_on_status_code=False)
        if resp.status >= 500:
            raise SiteBusyError(f"{path}: HTTP {resp.status}")
        return resp

    resp = retry_busy(once, spent=ListJsonError)  # still busy: the caller reads the pages instead
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
