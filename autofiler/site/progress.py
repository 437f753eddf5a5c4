"""Reading review progress from the registry: the project lists, the 分中心项目 list and a 备案进度 timeline.

Lists are read page by page with one `evaluate` per page (the largest page size first); a project's own page
is opened only for its timeline. Every label, class and text comes from the site map.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from autofiler.errors import SiteError
from autofiler.site.ui import exact

if TYPE_CHECKING:
    from autofiler.site.session import Site

UNKNOWN = "unknown"
# Columns a list must show; the others (备案号, 项目类型, 更新时间) are read where the list has them.
REQUIRED_COLUMNS = ("project_name", "status")


@dataclass
class Event:
    """One entry of the 备案进度 timeline."""

    time: str | None = None
    step: str | None = None
    reviewer: str | None = None
    opinion: str | None = None
    result: str | None = None


@dataclass
class Project:
    """What a check knows of one project. `status` is a state key of the site map, or "unknown"."""

    id: str
    project_name: str
    status: str
    status_label: str
    filing_no: str | None = None
    updated_at: str | None = None
    project_type: str | None = None
    opinion: str | None = None
    timeline: list[Event] | None = None
    # A list row carries no opinion: "opinion" is exported only when it was read (None then means "none given").
    opinion_read: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["opinion_read"]
        if not self.opinion_read:
            del data["opinion"]
        for key in ("timeline", "project_type"):
            if data[key] is None:
                del data[key]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Project:
        known = {k: data.get(k) for k in ("id", "project_name", "status", "status_label", "filing_no",
                                           "updated_at", "project_type", "opinion")}
        timeline = data.get("timeline")
        events = [Event(**e) for e in timeline] if timeline is not None else None
        return cls(**known, timeline=events, opinion_read="opinion" in data)  # type: ignore[arg-type]


def status_key(label: str, states: dict[str, str]) -> str:
    """The state key whose label the site shows; labels the site map does not know give "unknown"."""
    label = label.strip()
    for key, text in states.items():
        if text == label:
            return key
    return UNKNOWN


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


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
  return {heads, rows, missing: Object.keys(index).filter(k => index[k] < 0),
          total: total ? total.textContent : null, page: active ? active.textContent.trim() : null};
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
        self.size_option: str = lst.page_size_option
        self.args = {
            "table": self.ui.table, "header": self.ui.table_header_cell, "row": self.ui.table_row,
            "columns": {k: v for k, v in self.columns.items() if k != "actions"},
            "idPattern": m.project_id_pattern, "total": self.ui.pagination_total,
            "active": self.ui.pager_active,
        }

    def read(self, menu: str) -> list[Project]:
        """Every row of the list the left-menu entry `menu` (a site-map key) opens."""
        self.site.menu(menu)
        self.page.wait_for_selector(self.ui.table, state="attached")
        first = self._extract()
        total = _count(first["total"]) if first["total"] is not None else len(first["rows"])
        if total > len(first["rows"]) and self._set_largest_size(total):
            first = self._extract()
        rows = list(first["rows"])
        page_no = _page_no(first["page"])
        while len(rows) < total:
            page_no += 1
            self._next(page_no, expected=min(len(first["rows"]), total - len(rows)))
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
        if sizes.count() == 0:
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

    def _next(self, page_no: int, expected: int) -> None:
        button = self.page.locator(self.ui.pagination_next).first
        if button.count() == 0 or button.is_disabled():
            raise SiteError(f"无法翻到第 {page_no} 页 / the list has no next page {page_no}")
        first_href = self.page.locator(f"{self.ui.table} {self.ui.table_row}").first.locator("a[href]").first
        href = first_href.get_attribute("href") if first_href.count() else None
        button.click()
        self._wait(page=str(page_no), rows=expected, first=href)

    def _wait(self, *, page: str | None, rows: int | None, first: str | None) -> None:
        args = {"table": self.ui.table, "row": self.ui.table_row, "active": self.ui.pager_active,
                "page": page, "rows": rows, "notFirst": first}
        self.page.wait_for_function(_PAGE_READY_JS, arg=args)

    def _projects(self, rows: list[dict[str, Any]], total: int, where: str) -> list[Project]:
        seen: dict[str, Project] = {}
        for n, row in enumerate(rows, 1):
            if not row["id"]:
                raise SiteError(f"{where}第 {n} 行没有项目编号 / row {n} of {where} has no project link",
                                hint="check site.project_id_pattern in the site map")
            label = row.get("status") or ""
            seen[row["id"]] = Project(
                id=row["id"], project_name=row.get("project_name") or "", status=status_key(label, self.states),
                status_label=label, filing_no=_blank(row.get("filing_no")), updated_at=_blank(row.get("updated_at")),
                project_type=_blank(row.get("project_type")),
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


# The 备案进度 page: the descriptions block and the timeline, lines read as "<label>：<value>".
_TIMELINE_JS = """
(a) => {
  const desc = {};
  const labels = document.querySelectorAll(a.dLabel);
  for (const l of labels) {
    const c = l.nextElementSibling && l.nextElementSibling.matches(a.dContent) ? l.nextElementSibling
      : l.parentElement.querySelector(a.dContent);
    desc[l.textContent.trim()] = c ? c.textContent.trim() : '';
  }
  const events = [...document.querySelectorAll(a.item)].map(li => {
    const ts = li.querySelector(a.time);
    const content = li.querySelector(a.content);
    const lines = {};
    for (const p of content ? content.querySelectorAll(a.line) : []) {
      const text = p.textContent.trim();
      const i = text.indexOf(a.sep);
      if (i > 0) lines[text.slice(0, i).trim()] = text.slice(i + a.sep.length).trim();
    }
    return {time: ts ? ts.textContent.trim() : null, lines};
  });
  return {desc, events, found: labels.length > 0};
}
"""


def read_timeline(site: Site, project_id: str) -> Project:
    """Open one project's 备案进度 page and read its state and every review step."""
    m = site.map
    ui, labels = m.ui, m.progress_page
    resp = site.goto(m.progress_url.format(id=project_id))
    if resp is not None and resp.status in (403, 404):
        raise SiteError(f"项目 {project_id} 不存在或无权查看 / project {project_id} does not exist or is not "
                        f"yours to see (HTTP {resp.status})")
    try:
        site.page.wait_for_selector(ui.descriptions_label, state="attached")
    except PlaywrightTimeout:
        raise SiteError(f"项目 {project_id} 的备案进度页无法读取 / the progress page of project {project_id} "
                        f"shows no project details ({site.page.url})") from None
    args = {"dLabel": ui.descriptions_label, "dContent": ui.descriptions_content, "item": ui.timeline_item,
            "time": ui.timeline_time, "content": ui.timeline_content, "line": ui.line,
            "sep": ui.line_separator}
    data = site.page.evaluate(_TIMELINE_JS, args)
    desc = data["desc"]
    if labels.status not in desc:
        raise SiteError(f"备案进度页无法读取 / the progress page of project {project_id} shows no "
                        f"{labels.status}", hint=f"found: {', '.join(desc) or 'nothing'}")
    events = [
        Event(time=_blank(e["time"]), step=_blank(e["lines"].get(labels.step)),
              reviewer=_blank(e["lines"].get(labels.reviewer)), opinion=_blank(e["lines"].get(labels.opinion)),
              result=_blank(e["lines"].get(labels.result)))
        for e in data["events"]
    ]
    opinions = [e.opinion for e in events if e.opinion]
    label = desc[labels.status]
    return Project(
        id=str(project_id), project_name=desc.get(labels.project_name, ""),
        status=status_key(label, dict(m.states)), status_label=label,
        filing_no=_blank(desc.get(labels.filing_no)), updated_at=events[-1].time if events else None,
        opinion=opinions[-1] if opinions else None, timeline=events, opinion_read=True,
    )
