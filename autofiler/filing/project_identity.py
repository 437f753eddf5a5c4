"""Which project on the site a spec files into: one found by name, one the local store remembers, or a new one.

A draft or a returned (退回修改) project is reused. One under review, published or rejected stops the run with its
state. The store's record counts too: a project created by a run that crashed before it saved 基本信息 has no name
on the site yet, and must be reused rather than duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from autofiler.errors import SiteError
from autofiler.site.lists import element_projects
from autofiler.site.lists.element_projects import ProjectRow
from autofiler.site.lists.unnamed_drafts import unknown_drafts
from autofiler.site.session.site_session import Site
from autofiler.store import Store

EDITABLE = ("draft", "returned")
CREATING = "creating"  # the store's status while 新增 is being clicked
@dataclass
class ProjectTarget:
    project_id: str | None  # None: nothing on the site yet
    state: str | None
    status_label: str
    created: bool = False
    note: str = ""


class Locked(SiteError):
    """The spec's project is under review, published or rejected: it cannot be edited now."""

    def __init__(self, row: ProjectRow) -> None:
        super().__init__(
            f"项目“{row.name}”（{row.id}）当前状态为 {row.status_label}，不能修改 / project {row.id} is "
            f"{row.state or row.status_label} and cannot be edited now",
            hint="wait for the review to finish; a project returned for changes (退回修改) can be filed again",
        )
        self.row = row


def find(site: Site, store: Store, name: str) -> ProjectTarget:
    """The project to file into, or Target(None, ...) when the site has none; raises for a locked one."""
    user = site.settings.require_user()
    record = store.filing(site.base_url, user, name)
    remembered = record.project_id if record else None
    rows = [r for r in element_projects.list_projects(site, name) if r.name == name]
    if remembered and not any(r.id == remembered for r in rows):
        # The remembered project may not carry the name yet (created, then the run stopped): look it up by id.
        every = element_projects.list_projects(site)
        rows += [r for r in every if r.id == remembered]
    chosen = next((r for r in rows if r.id == remembered), None)
    note = ""
    if chosen is None and not rows and record is not None and record.status == CREATING:
        chosen = adopt_unnamed(site, store)  # the last run died between creating and recording
        if chosen is not None:
            store.save_filing(site.base_url, user, name, project_id=chosen.id, status=chosen.state)
            note = f"沿用上次中断时新建的项目 / reusing project {chosen.id}, created by a run that stopped"
    if chosen is None:
        editable = [r for r in rows if r.state in EDITABLE]
        if len(editable) > 1:
            ids = ", ".join(r.id for r in editable)
            raise SiteError(f"站点上有多个同名草稿 / several editable projects are named “{name}”: {ids}",
                            hint="delete the extra ones on the site, or rename the spec's project_name")
        if editable:
            chosen = editable[0]
        elif rows:
            raise Locked(rows[0])
        if remembered:
            note = f"本地记录的项目 {remembered} 在站点上不存在 / the remembered project {remembered} is gone"
    if chosen is None:
        return ProjectTarget(None, None, "", note=note)
    if chosen.state not in EDITABLE:
        raise Locked(chosen)
    return ProjectTarget(chosen.id, chosen.state, chosen.status_label, note=note)


def adopt_unnamed(site: Site, store: Store) -> ProjectRow | None:
    """A draft with an empty 项目名称 that no filing of ours knows: what a run leaves when it dies right after
    新增. The newest few unknown drafts are opened to check that their name is empty."""
    from autofiler.site.flows_element.element_editor import Editor

    known = store.known_project_ids(site.base_url, site.settings.require_user())
    basic = site.map.module("basic_info")
    for row in unknown_drafts(element_projects.list_projects(site), known):
        editor = Editor(site, row.id)
        editor.load()
        pane = editor.read([basic])[basic.key]
        if pane.found and pane.values.get("project_name") is None:
            return row
    return None


def create(site: Site, store: Store, name: str, spec_path: str) -> ProjectTarget:
    """Create the project and record its id at once, before anything is filled. A marker written before the
    click lets the next run find a project created by a run that died before it could record the id."""
    user = site.settings.require_user()
    store.save_filing(site.base_url, user, name, project_id=None, status=CREATING, spec_path=spec_path)
    project_id = element_projects.create(site)
    record = store.save_filing(site.base_url, user, name, project_id=project_id, status="draft",
                               spec_path=spec_path)
    store.forget_modules(record.id)
    return ProjectTarget(project_id, "draft", site.map.states.draft, created=True)


def find_for_spec(site: Site, store: Any, name: str, spec_path: str, spec_id: object = None) -> ProjectTarget:
    """The project a spec files into (a Target), found in this order: the site project id written in the
    spec (`site_project_id`), the id this machine recorded for the spec file, then the title. A project found by
    id keeps it when its title changes: a rename is a change of 项目名称, never a new project."""
    user = site.settings.require_user()
    written = str(spec_id).strip() if spec_id not in (None, "") else None
    known = written or (store.spec_project(site.base_url, user, spec_path) if spec_path else None)
    if known is not None:
        row = next((r for r in element_projects.list_projects(site) if r.id == known), None)
        if row is None and written:
            raise SiteError(
                f"规格中的 site_project_id {known} 不在本账号的项目列表中，未新建任何项目 / the spec's "
                f"site_project_id {known} is not among this account's projects; nothing was created",
                hint="check the id (`autofiler progress --all` lists them), or remove site_project_id to find "
                     "the project by its title")
        if row is not None:
            if row.state not in EDITABLE:
                raise Locked(row)
            note = ""
            if row.name and row.name != name:
                note = (f"项目名称将由“{row.name}”改为“{name}”（同一项目 {row.id}） / the title changes from "
                        f"“{row.name}” to “{name}” in the same project {row.id}")
            return ProjectTarget(row.id, row.state, row.status_label, note=note)
    return find(site, store, name)
