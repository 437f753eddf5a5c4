"""The 临床研究项目备案 list: finding a project by name (every page of it), and creating a new one.

"Could not read" never counts as "absent": when the list does not look like a list, this raises instead of
reporting no match, so that a re-run can never file a duplicate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from autofiler.errors import SiteError
from autofiler.site import list_json
from autofiler.site import ui as U
from autofiler.site.session import Site

MAX_PAGES = 50

ROWS_JS = """
([ui, cols, idPattern]) => {
  const norm = (t) => (t || '').replace(/\\s+/g, ' ').trim();
  const table = document.querySelector(ui.table);
  if (!table) return null;
  const heads = [...table.querySelectorAll(ui.table_header_cell)].map((h) => norm(h.textContent));
  const at = {};
  for (const [key, label] of Object.entries(cols)) at[key] = heads.indexOf(label);
  if (at.project_name < 0 || at.status < 0) return null;
  const re = new RegExp(idPattern);
  const rows = [...table.querySelectorAll(ui.table_row)].map((tr) => {
    const cells = [...tr.children];
    let id = null;
    for (const a of tr.querySelectorAll('a[href]')) {
      const m = re.exec(a.getAttribute('href'));
      if (m) { id = m[1]; break; }
    }
    const cell = (k) => (at[k] >= 0 && cells[at[k]] ? norm(cells[at[k]].textContent) : '');
    return {id, name: cell('project_name'), status: cell('status'), filing_no: cell('filing_no')};
  });
  const totalEl = document.querySelector(ui.pagination_total);
  const total = totalEl ? Number((norm(totalEl.textContent).match(/\\d+/) || [null])[0]) : rows.length;
  const next = document.querySelector(ui.pagination_next);
  return {rows, total, hasNext: !!next && !next.disabled};
}
"""


@dataclass(frozen=True)
class ProjectRow:
    id: str
    name: str
    status_label: str
    state: str | None  # the site map's state key, None when the label is unknown
    filing_no: str = ""


def _read_page(site: Site) -> dict:
    m = site.map
    cols = {k: v for k, v in m.project_list.columns.items()}
    data = site.page.evaluate(ROWS_JS, [m.ui.as_dict(), cols, m.project_id_pattern])
    if data is None or any(r["id"] is None for r in data["rows"]):
        raise SiteError(
            "无法读取项目列表 / could not read the project list (临床研究项目备案); nothing was created",
            hint="the page may have changed: run `autofiler doctor`",
        )
    return data


def list_projects(site: Site, name: str | None = None) -> list[ProjectRow]:
    """Every row of the project list (those whose name contains `name`, when given): from the list's JSON when
    the site map knows it, else from every page of the list."""
    m = site.map
    got = list_json.read_or_none(site, "projects")
    if got is not None:
        rows = [ProjectRow(r["id"], r["project_name"] or "", r["status"] or "", m.state_key(r["status"] or ""),
                           r.get("filing_no") or "") for r in got[0]]
        return [r for r in rows if not name or name in r.name]
    site.menu("projects")
    if name:
        box = U.form_item(site.page, m.ui, m.project_list.name_filter).locator("input").first
        box.fill(name)
        with site.page.expect_navigation():
            U.activate(U.visible_button(site.page, m.ui, m.buttons.search))
    rows: list[dict] = []
    for _ in range(MAX_PAGES):
        data = _read_page(site)
        rows += data["rows"]
        if len(rows) >= data["total"] or not data["hasNext"] or not data["rows"]:
            break
        with site.page.expect_navigation():
            site.page.locator(m.ui.pagination_next).first.click()
    else:
        raise SiteError("项目列表页数过多 / the project list has too many pages to read")
    if len(rows) < data["total"]:
        raise SiteError(f"项目列表不完整 / read {len(rows)} of {data['total']} projects; nothing was created")
    return [ProjectRow(r["id"], r["name"], r["status"], m.state_key(r["status"]), r["filing_no"]) for r in rows]


def find_for_spec(site: Site, store: Any, name: str, spec_path: str, spec_id: object = None) -> Any:
    """The project a spec files into (a locate.Target), found in this order: the site project id written in the
    spec (`site_project_id`), the id this machine recorded for the spec file, then the title. A project found by
    id keeps it when its title changes: a rename is a change of 项目名称, never a new project."""
    from autofiler.site import locate

    user = site.settings.require_user()
    written = str(spec_id).strip() if spec_id not in (None, "") else None
    known = written or (store.spec_project(site.base_url, user, spec_path) if spec_path else None)
    if known is not None:
        row = next((r for r in list_projects(site) if r.id == known), None)
        if row is None and written:
            raise SiteError(
                f"规格中的 site_project_id {known} 不在本账号的项目列表中，未新建任何项目 / the spec's "
                f"site_project_id {known} is not among this account's projects; nothing was created",
                hint="check the id (`autofiler progress --all` lists them), or remove site_project_id to find "
                     "the project by its title")
        if row is not None:
            if row.state not in locate.EDITABLE:
                raise locate.Locked(row)
            note = ""
            if row.name and row.name != name:
                note = (f"项目名称将由“{row.name}”改为“{name}”（同一项目 {row.id}） / the title changes from "
                        f"“{row.name}” to “{name}” in the same project {row.id}")
            return locate.Target(row.id, row.state, row.status_label, note=note)
    return locate.find(site, store, name)


def create(site: Site) -> str:
    """快速开始 -> 新增临床研究项目备案; returns the new project's id, read from the editor's address."""
    m = site.map
    if not U.visible_button(site.page, m.ui, m.buttons.new_project).count():
        site.menu("quick_start")
    # The id is known as soon as the editor's address commits: no waiting for its page to load.
    with site.page.expect_navigation(url=re.compile(m.project_id_pattern), wait_until="commit"):
        U.activate(U.visible_button(site.page, m.ui, m.buttons.new_project))
    project_id = m.project_id(site.page.url)
    if not project_id:
        raise SiteError(f"新项目的编号无法识别 / no project id in {site.page.url}")
    return project_id


def status_from_progress(site: Site) -> str | None:
    """The 当前状态 shown on a project's 备案进度 page."""
    m = site.map
    js = """([labelSel, contentSel, want]) => {
      for (const l of document.querySelectorAll(labelSel)) {
        if (l.textContent.trim() === want) {
          const n = l.nextElementSibling;
          const c = n && n.matches(contentSel) ? n : l.parentElement.querySelector(contentSel);
          return c ? c.textContent.trim() : null;
        }
      }
      return null;
    }"""
    return site.page.evaluate(js, [m.ui.descriptions_label, m.ui.descriptions_content, m.progress_page.status])
