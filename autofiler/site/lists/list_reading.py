"""Reading a project list of the registry (临床研究项目备案, 分中心项目, 项目审核) in as few page loads as it allows.

Where the site map knows the JSON behind the list (`list_api`), that is read (list_json.py). Otherwise, or
when that JSON is not as mapped, the rendered pages: the largest page size first (100条/页 through the page's
own size select), then page after page with the next button, each page's rows taken with one `evaluate`:
header cells give the columns, row links give the ids.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from autofiler.errors import SessionExpired, SiteError
from autofiler.site.lists import list_json
from autofiler.site.lists.progress_page import Project, blank, status_key
from autofiler.site.page_actions import exact

if TYPE_CHECKING:
    from autofiler.site.session.site_session import Site

# Columns a list must show; the others (备案号, 项目类型, 更新时间) are read where the list has them.
REQUIRED_COLUMNS = ("project_name", "status")


# One page of a list: header cells give each column's index; ids come from the row's links.
_ROWS_JS = r"""
(a) => {
  const text = e => e.textContent.replace(/\s+/g, ' ').trim();
  const table = document.querySelector(a.table);
  if (!table) return null;
  const heads = [...table.querySelectorAll(a.header)].map(text);
  const index = {};
  for (const [key, label] of Object.entries(a.columns)) index[key] = heads.indexOf(label);
  const re = new RegExp(a.idPattern);
  const total = document.querySelector(a.total);
  const active = document.querySelector(a.active);
  const rows = [...table.querySelectorAll(a.row)].map(tr => {
    const cells = [...tr.children];
    const out = {};
    for (const [key, i] of Object.entries(index)) out[key] = i >= 0 && cells[i] ? text(cells[i]) : null;
    let id = null;
    for (const link of tr.querySelectorAll('a[href]')) {
      const m = re.exec(link.getAttribute('href'));
      if (m) { id = m[1]; break; }
    }
    out.id = id;
    return out;
  });
  const next = document.querySelector(a.next);
  const first = table.querySelector(a.row + ' a[href]');
  return {heads, rows, missing: Object.keys(index).filter(k => index[k] < 0),
          total: total ? total.textContent : null, page: active ? active.textContent.trim() : null,
          nextDisabled: !next || next.disabled, firstHref: first ? first.getAttribute('href') : null};
}
"""

# The list has moved on to the page we asked for (works across a full reload and an in-place re-render).
_PAGE_READY_JS = """
(a) => {
  const active = document.querySelector(a.active);
  const rows = document.querySelectorAll(a.table + ' ' + a.row);
  if (a.page !== null && (!active || active.textContent.trim() !== a.page)) return false;
  if (a.rows !== null && rows.length !== a.rows) return false;
  if (a.notFirst !== null && rows.length) {
    const link = rows[0].querySelector('a[href]');
    if (link && link.getAttribute('href') === a.notFirst) return false;
  }
  return true;
}
"""


class ListReader:
    """Reads every row of a project list page of the site (临床研究项目备案, 分中心项目, 项目审核)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.page = site.page
        m = site.map
        self.ui = m.ui
        self.states: dict[str, str] = dict(m.states)
        lst = m.project_list
        self.columns: dict[str, str] = dict(lst.columns)
        self.size_option: str | None = lst.page_size_option
        self.args = {
            "table": self.ui.table, "header": self.ui.table_header_cell, "row": self.ui.table_row,
            "columns": {k: v for k, v in self.columns.items() if k != "actions"},
            "idPattern": m.project_id_pattern, "total": self.ui.pagination_total,
            "active": self.ui.pager_active, "next": self.ui.pagination_next,
        }

    def read(self, menu: str) -> list[Project]:
        """Every row of the list the left-menu entry `menu` (a site-map key) opens; a session that expires
        on the way means one new login and one new read from the first page."""
        try:
            return self._read(menu)
        except SessionExpired:
            self.site.login()
            return self._read(menu)

    def _read(self, menu: str) -> list[Project]:
        got = list_json.read_or_none(self.site, menu)  # no page needs to load for it
        if got is not None:
            return self._projects(*got, self.site.map.menu[menu])
        self.site.menu(menu)
        self.site.wait_list()
        first = self._extract()
        total = _count(first["total"]) if first["total"] is not None else len(first["rows"])
        if total > len(first["rows"]) and self._set_largest_size(total):
            first = self._extract()
        rows = list(first["rows"])
        page_no = _page_no(first["page"])
        chunk = first
        while len(rows) < total:
            page_no += 1
            self._next(page_no, chunk, expected=min(len(first["rows"]), total - len(rows)))
            chunk = self._extract()
            if not chunk["rows"]:
                break
            rows.extend(chunk["rows"])
        return self._projects(rows, total, self.site.map.menu[menu])

    def _extract(self) -> dict[str, Any]:
        data = self.page.evaluate(_ROWS_JS, self.args)
        if data is None:
            raise SiteError(f"项目列表无法读取 / the project list could not be read ({self.page.url})")
        missing = [k for k in data["missing"] if k in REQUIRED_COLUMNS]
        if missing:
            labels = "、".join(self.columns[k] for k in missing)
            raise SiteError(f"项目列表缺少列 / the project list lacks the columns: {labels}",
                            hint=f"the header reads: {' | '.join(data['heads'])}; adjust project_list.columns")
        return data

    def _set_largest_size(self, total: int) -> bool:
        """Pick the page size option of the site map; False when the site does not offer it."""
        sizes = self.page.locator(self.ui.pagination_sizes).first
        if not self.size_option or sizes.count() == 0:  # no size option in the map: the site's own size
            return False
        box = sizes.locator(self.ui.select_input).first
        if box.input_value() == self.size_option:
            return False
        box.click()
        option = self.page.locator(f"{self.ui.dropdown} {self.ui.option}:visible").filter(
            has_text=exact(self.size_option))
        if option.count() == 0:
            self.page.keyboard.press("Escape")
            return False
        option.first.click()
        size = _count(self.size_option)
        self._wait(page="1", rows=min(size, total), first=None)
        return True

    def _next(self, page_no: int, current: dict[str, Any], expected: int) -> None:
        """Click the next button; `current` is the extraction of the page shown now."""
        if current["nextDisabled"]:
            raise SiteError(f"无法翻到第 {page_no} 页 / the list has no next page {page_no}")
        self.page.locator(self.ui.pagination_next).first.click()
        self._wait(page=str(page_no), rows=expected, first=current["firstHref"])

    def _wait(self, *, page: str | None, rows: int | None, first: str | None) -> None:
        args = {"table": self.ui.table, "row": self.ui.table_row, "active": self.ui.pager_active,
                "page": page, "rows": rows, "notFirst": first}
        try:
            self.page.wait_for_function(_PAGE_READY_JS, arg=args)
            # rows can show before the page's scripts run; a click on the pager before then would be lost
            self.page.wait_for_load_state("domcontentloaded")
        except PlaywrightTimeout:
            if self.site.on_login_page():
                raise SessionExpired("登录已过期 / the session expired while the list was read") from None
            raise SiteError(f"列表第 {page} 页没有出现 / page {page} of the list did not appear "
                            f"({self.page.url})") from None

    def _projects(self, rows: list[dict[str, Any]], total: int, where: str) -> list[Project]:
        seen: dict[str, Project] = {}
        for n, row in enumerate(rows, 1):
            if not row["id"]:
                raise SiteError(f"{where}第 {n} 行没有项目编号 / row {n} of {where} has no project link",
                                hint="check site.project_id_pattern in the site map")
            label = row.get("status") or ""
            seen[row["id"]] = Project(
                id=row["id"], project_name=row.get("project_name") or "", status=status_key(label, self.states),
                status_label=label, filing_no=blank(row.get("filing_no")), updated_at=blank(row.get("updated_at")),
                project_type=blank(row.get("project_type")), pi=blank(row.get("pi")), unit=blank(row.get("unit")),
            )
        if len(seen) != total:
            raise SiteError(f"{where}读取不完整 / read {len(seen)} of {total} projects from {where}",
                            hint="the list changed while it was read; run the check again")
        return list(seen.values())


def list_menu(site: Site, *, subcenters: bool) -> str:
    """The menu entry whose list shows every project this account may follow: 分中心项目, or for an
    institution admin 项目审核 (every project of the institution), else the PI's own 临床研究项目备案."""
    if subcenters:
        return "subcenters"
    admin = site.map.menu.as_dict().get("admin_review")  # Section.get raises on a missing key
    if admin and site.page.locator(site.map.ui.menu_item).filter(has_text=exact(admin)).count():
        return "admin_review"
    return "projects"


def _count(text: str) -> int:
    m = re.search(r"\d+", text or "")
    if not m:
        raise SiteError(f"无法读取数字 / no number in {text!r}")
    return int(m.group())


def _page_no(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 1
