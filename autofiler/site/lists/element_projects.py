"""The 临床研究项目备案 list: finding a project by name (the whole list), and creating a new one.

"Could not read" never counts as "absent": when the list does not look like a list, this raises instead of
reporting no match, so that a re-run can never file a duplicate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from autofiler.errors import SessionExpired, SiteError
from autofiler.site import page_actions
from autofiler.site.flows_element import save_answers
from autofiler.site.lists import list_json
from autofiler.site.lists.list_reading import ListReader
from autofiler.site.lists.progress_page import UNKNOWN
from autofiler.site.session.site_session import Site


@dataclass(frozen=True)
class ProjectRow:
    id: str
    name: str
    status_label: str
    state: str | None  # the site map's state key, None when the label is unknown
    filing_no: str = ""


def list_projects(site: Site, name: str | None = None) -> list[ProjectRow]:
    """Every row of the PI's project list (those whose name contains `name`, when given), read the one way
    every list is read (`list_reading`: the list's JSON when the site map knows it, else every page)."""
    projects = ListReader(site).read("projects")
    rows = [ProjectRow(p.id, p.project_name, p.status_label, None if p.status == UNKNOWN else p.status,
                       p.filing_no or "") for p in projects]
    return [r for r in rows if not name or name in r.name]


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
                label = save_answers.dig(resp.json(), api.state)
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
