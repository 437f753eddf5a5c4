"""The 临床研究项目备案 list: finding a project by name (every page of it), and creating a new one.

"Could not read" never counts as "absent": when the list does not look like a list, this raises instead of
reporting no match, so that a re-run can never file a duplicate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from autofiler.errors import SessionExpired, SiteError
from autofiler.site import answers, list_json, page_actions
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
    site.wait_list()
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
    searched = bool(name and m.project_list.name_filter and m.buttons.search)
    if searched:
        box = page_actions.form_item(site.page, m.ui, m.project_list.name_filter).locator("input").first
        box.fill(name)
        with site.page.expect_navigation():
            page_actions.activate(page_actions.visible_button(site.page, m.ui, m.buttons.search))
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
    out = [ProjectRow(r["id"], r["name"], r["status"], m.state_key(r["status"]), r["filing_no"]) for r in rows]
    return [r for r in out if searched or not name or name in r.name]  # without the site's search: filtered here


def create(site: Site) -> str:
    """快速开始 -> 新增临床研究项目备案; returns the new project's id, read from the editor's address."""
    m = site.map
    if not page_actions.visible_button(site.page, m.ui, m.buttons.new_project).count():
        site.menu("quick_start")
    # The id is known as soon as the editor's address commits: no waiting for its page to load.
    with site.page.expect_navigation(url=re.compile(m.project_id_pattern), wait_until="commit"):
        page_actions.activate(page_actions.visible_button(site.page, m.ui, m.buttons.new_project))
    project_id = m.project_id(site.page.url)
    if not project_id:
        raise SiteError(f"新项目的编号无法识别 / no project id in {site.page.url}")
    return project_id


def state_label(site: Site, project_id: str) -> str | None:
    """The state label the server holds for a project now: from the project's JSON (`project_api`), else the
    list's JSON, else its 备案进度 page. Never from the page's memory."""
    api = site.map.project_api
    if api:
        resp = site.page.request.get(site.url(api.path.format(id=project_id)), max_redirects=0,
                                     fail_on_status_code=False)
        if resp.status == 401:
            raise SessionExpired("登录已过期 / the session expired while the project's state was read")
        if resp.ok:
            try:
                label = answers.dig(resp.json(), api.state)
            except ValueError:
                label = None
            if isinstance(label, str) and label.strip():
                return label.strip()
    got = list_json.read_or_none(site, "projects")
    if got is not None:
        row = next((r for r in got[0] if r["id"] == str(project_id)), None)
        if row and row.get("status"):
            return str(row["status"])
    site.goto(site.map.progress_url.format(id=project_id))
    site.page.locator(site.map.ui.descriptions_label).first.wait_for(state="attached")
    return status_from_progress(site)


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
