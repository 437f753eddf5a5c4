"""The classic face's project list: one JSON answer with every project of the account (the site map's
`projects_json`), read one way for finding a project and for reading its state after 提交. A busy answer (5xx)
is asked again (`retry_busy`); an answer that is not the mapped list raises, never counts as "no projects"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from autofiler.errors import SiteError
from autofiler.site.maps.state_labels import state_key
from autofiler.site.policies import SiteBusyError, retry_busy


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    state: str | None  # the site map's state key; None when the label is unknown
    label: str


def rows(session: Any) -> list[Row]:
    """Every project of the account, from the list JSON the site map names (`session`: a ClassicSession)."""
    m = session.smap
    r = m.routes
    if not r.projects_json:
        raise SiteError("站点地图没有项目列表地址 / the site map names no projects_json: projects cannot be found")

    def once() -> Any:
        resp = session.page.request.get(session.url(r.projects_json))
        if resp.status >= 500:
            raise SiteBusyError(f"项目列表 HTTP {resp.status} / the project list answered HTTP {resp.status}")
        return resp

    resp = retry_busy(once)
    try:
        data = resp.json() if resp.ok else None
    except ValueError:
        data = None
    listed = data.get(r.projects_rows) if isinstance(data, dict) else None
    if not isinstance(listed, list):
        raise SiteError(f"无法读取项目列表 / could not read the project list (HTTP {resp.status})",
                        hint="run `autofiler doctor` to compare the site with the site map")
    out = []
    for row in listed:
        label = str(row.get(r.projects_state) or "")
        out.append(Row(str(row.get(r.projects_id)), str(row.get(r.projects_name) or "").strip(),
                       state_key(m.states, label), label))
    return out
