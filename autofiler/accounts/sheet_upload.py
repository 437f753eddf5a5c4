"""Uploading a checked Appendix-1 sheet through the site's 账号管理 page, as an institution admin would.

The page takes the xlsx on its upload input, sends it at once, and shows a per-row result table (行号, 姓名,
结果, 说明). That table is the site's own verdict, so it is what this module reports, row by row.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from playwright.sync_api import Locator, Page, Response

from autofiler.accounts.check_output import REMINDER
from autofiler.accounts.sheet_reading import data_sheet, open_workbook, read_sheet
from autofiler.config import Settings
from autofiler.errors import ConfigError, SessionExpired, SiteError
from autofiler.sheet_tables import header_columns
from autofiler.site import page_actions
from autofiler.site.session.site_session import Site, open_site
from autofiler.site.sitemap import Section, SiteMap

# Creating accounts hashes each password on the server: a sheet of several hundred rows takes a while.
UPLOAD_TIMEOUT_MS = 180_000
SECTION = "admin_accounts"
NEEDED = ("result_columns", "result_ok")


@dataclass(frozen=True)
class RowResult:
    row: str
    name: str
    result: str
    note: str
    ok: bool


@dataclass
class UploadOutcome:
    sheet: str
    site: str
    rows: list[RowResult] = field(default_factory=list)

    @property
    def all_ok(self) -> bool:
        return bool(self.rows) and all(r.ok for r in self.rows)

    def render(self) -> str:
        lines = [f"已上传 {self.sheet} 到 {self.site}，站点返回的逐行结果："]
        for r in self.rows:
            note = f"  {r.note}" if r.note else ""
            lines.append(f"  第 {r.row} 行  {r.name}  {r.result}{note}")
        good = sum(r.ok for r in self.rows)
        lines.append(f"成功 {good} 行，未成功 {len(self.rows) - good} 行。")
        if good:
            lines.append(REMINDER)
        return "\n".join(lines)


def page_texts(site_map: SiteMap) -> Section:
    """The `admin_accounts` section of the site map (read from the same file the site map came from)."""
    try:
        data = yaml.safe_load(site_map.source.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"site map {site_map.source}: cannot read it ({e})") from None
    raw = data.get(SECTION) if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        raise ConfigError(f"site map {site_map.source}: section {SECTION} is missing")
    for key in NEEDED:
        if key not in raw:
            raise ConfigError(f"site map: {SECTION}.{key} is missing")
    for key in ("row", "name", "result", "note"):
        if key not in (raw["result_columns"] or {}):
            raise ConfigError(f"site map: {SECTION}.result_columns.{key} is missing")
    return Section(SECTION, raw)


def _result_table(page: Page, ui: Section, columns: Mapping[str, str]) -> Locator:
    """The table whose header names the result columns (the page also lists existing accounts)."""
    header = page.locator(ui.table_header_cell).filter(has_text=page_actions.exact(columns["result"]))
    return page.locator(ui.table).filter(has=header).first


def _is_upload(response: Response) -> bool:
    return response.request.method == "POST" and response.request.resource_type in ("xhr", "fetch")


def _send(site: Site, texts: Section, sheet: Path) -> Locator:
    """Put the file on the upload input and wait for the site's answer: result rows, or an error toast."""
    page, ui = site.page, site.map.ui
    page_actions.mark_toasts(page, ui)
    table = _result_table(page, ui, texts.result_columns)
    with page.expect_response(_is_upload, timeout=UPLOAD_TIMEOUT_MS):
        page.locator(ui.upload_input).first.set_input_files(str(sheet))
    rows = table.locator(ui.table_row)
    refused = page_actions.new_toast(page, ui, "message_error")
    rows.first.or_(refused.first).wait_for(state="visible", timeout=UPLOAD_TIMEOUT_MS)
    return rows


def _read_rows(page: Page, ui: Section, texts: Section, rows: Locator) -> list[RowResult]:
    columns = texts.result_columns
    table = _result_table(page, ui, columns)
    headers = table.locator(ui.table_header_cell).all_inner_texts()
    where = header_columns(headers, {key: columns[key] for key in ("row", "name", "result", "note")})
    for key in ("row", "name", "result", "note"):
        if key not in where:
            raise SiteError(f"结果表缺少「{columns[key]}」列 / the result table has no {columns[key]} column")
    ok_texts = set(texts.result_ok)
    out = []
    for row in rows.all():
        cells = [c.strip() for c in row.locator("td").all_inner_texts()]
        if len(cells) < len(headers):
            continue
        result = cells[where["result"]]
        out.append(RowResult(cells[where["row"]], cells[where["name"]], result, cells[where["note"]],
                             result in ok_texts))
    return out


@contextlib.contextmanager
def upload_copy(sheet: Path) -> Iterator[Path]:
    """The file to send: the sheet itself, or a copy without the 检查结果 column that --fill added (the
    site knows only the template's columns). The copy keeps the name, in a private temporary folder."""
    book = open_workbook(sheet)
    ws = data_sheet(book)
    column = read_sheet(ws).result_column
    if not column:
        yield sheet
        return
    ws.delete_cols(column)
    with tempfile.TemporaryDirectory(prefix="autofiler-accounts-") as folder:
        copy = Path(folder) / sheet.name
        book.save(copy)
        yield copy


def upload_sheet(settings: Settings, sheet: Path) -> UploadOutcome:
    """Log in as the admin, open 账号管理, upload the sheet and return the site's per-row results."""
    with upload_copy(sheet) as path, open_site(settings) as site:
        texts = page_texts(site.map)
        ui = site.map.ui
        for attempt in range(2):
            site.menu("admin_accounts")
            rows = _send(site, texts, path)
            refused = page_actions.toast_text(site.page, ui, "message_error")
            if refused is None:
                return UploadOutcome(sheet.name, settings.site, _read_rows(site.page, ui, texts, rows))
            if site.map.signals.session_expired in refused and attempt == 0:
                site.login()  # the upload was refused before anything was created: send it again
                continue
            raise SiteError(f"站点拒绝了上传的表格：{refused} / the site refused the sheet")
    raise SessionExpired("登录状态无法保持，表格未上传 / the session keeps expiring; nothing was uploaded")
