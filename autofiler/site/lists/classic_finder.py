"""Which project on a classic face a spec files into, by the same rules as everywhere: the spec's own
`site_project_id`, then the id this machine recorded for the spec file, then the project this machine filed
under the title, then the title on the site, then a draft without a title that no filing of this machine knows
(a run that stopped after 研究类别, before the title's tab, left it; maybe on another computer). A project found
by id keeps it when its title changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from autofiler.errors import SiteError
from autofiler.site.lists.classic_list import Row, rows
from autofiler.site.lists.unnamed_drafts import unknown_drafts
from autofiler.site.session.classic_session import ClassicSession


@dataclass(frozen=True)
class Found:
    project_id: str | None  # None: not on the site yet
    state: str | None = None
    label: str = ""
    note: str = ""  # a rename, or a remembered project gone


def find(session: ClassicSession, store: Any, name: str, spec_path: str, spec_id: object = None) -> Found:
    base, user = session.settings.site, session.settings.require_user()
    try:
        listed = rows(session)
    except SiteError as e:
        e.message += "；未新建任何项目 / nothing was created"
        raise
    by_id = {r.id: r for r in listed}
    written = str(spec_id).strip() if spec_id not in (None, "") else None
    if written and written not in by_id:
        raise SiteError(
            f"规格中的 site_project_id {written} 不在本账号的项目列表中，未新建任何项目 / the spec's "
            f"site_project_id {written} is not among this account's projects; nothing was created",
            hint="check the id, or remove site_project_id to find the project by its title")
    record = store.filing(base, user, name)
    known = [written, store.spec_project(base, user, spec_path) if spec_path else None,
             record.project_id if record else None]
    note = ""
    for pid in known:
        if pid and pid in by_id:
            row = by_id[pid]
            if row.name and row.name != name:
                note = (f"医学研究题目将由“{row.name}”改为“{name}”（同一项目 {row.id}） / the title changes from "
                        f"“{row.name}” to “{name}” in the same project {row.id}")
            return Found(row.id, row.state, row.label, note)
        if pid:
            note = f"本地记录的项目 {pid} 在站点上不存在 / the remembered project {pid} is gone"
    named = [r for r in listed if r.name == name]
    editable = [r for r in named if r.state in session.smap.editable_states]
    if len(editable) > 1:
        raise SiteError(f"站点上有多个同名草稿 / several editable projects are titled “{name}”: "
                        + ", ".join(r.id for r in editable),
                        hint="write the one to use as site_project_id in the spec")
    row = editable[0] if editable else (named[0] if named else None)
    if row is None:
        row = adopt_unnamed(listed, store.known_project_ids(base, user))
        if row is not None:  # the service records it under the spec's title before anything is filled
            note = (f"沿用中断时新建、尚无题目的项目 {row.id} / reusing project {row.id}: a draft without a title, "
                    "left by a run that stopped")
    return Found(row.id, row.state, row.label, note) if row else Found(None, note=note)


def adopt_unnamed(listed: list[Row], known: set[str]) -> Row | None:
    """A draft with an empty title that no filing of ours knows: what a run leaves when it dies after the first
    tab's save created the draft and before the title's tab was saved. The list JSON carries the title."""
    return next((r for r in unknown_drafts(listed, known) if not r.name), None)
