"""Output of a progress check: a Rich table on the terminal, or JSON, CSV and XLSX for scripts and the office.

CSV and XLSX have one row per project with the time of the check, so sheets of several checks can be stacked.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from autofiler.errors import ConfigError

if TYPE_CHECKING:
    from autofiler.tracking.changes import CheckResult

# Export columns: key (CSV header, JSON key) and the heading of the office's spreadsheet.
COLUMNS = [
    ("checked_at", "检查时间"),
    ("id", "项目编号"),
    ("project_name", "项目名称"),
    ("status", "状态代码"),
    ("status_label", "状态"),
    ("filing_no", "备案号"),
    ("updated_at", "更新时间"),
    ("pi", "负责人"),
    ("unit", "单位"),
    ("opinion", "审核意见"),
]
DATE_COLUMNS = ("checked_at", "updated_at")
CHANGE_COLUMNS = [("project_id", "项目编号"), ("project_name", "项目名称"), ("kind", "变化"),
                  ("before", "原值"), ("after", "新值"), ("opinion", "审核意见")]


def rows(result: CheckResult) -> list[dict[str, Any]]:
    out = []
    for p in result.projects:
        data = p.to_dict()
        out.append({key: result.checked_at if key == "checked_at" else data.get(key) for key, _ in COLUMNS})
    return out


def to_json(result: CheckResult, *, one_line: bool = False) -> str:
    doc = {
        "scope": result.scope,
        "checked_at": result.checked_at,
        "baseline": result.baseline,
        "projects": [p.to_dict() for p in result.projects],
        "changes": [c.to_dict() for c in result.changes],
    }
    return json.dumps(doc, ensure_ascii=False, indent=None if one_line else 2) + "\n"


def write_csv(result: CheckResult, stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=[k for k, _ in COLUMNS], lineterminator="\n")
    writer.writeheader()
    for row in rows(result):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})


def write_xlsx(result: CheckResult, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from autofiler.sheet_tables import fill_table

    book = Workbook()
    sheet = book.active
    sheet.title = "备案进度"
    fill_table(sheet, [label for _, label in COLUMNS], ([_cell(k, v) for k, v in row.items()] for row in rows(result)))
    for n, (key, _) in enumerate(COLUMNS):
        if key in DATE_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=n + 1, max_col=n + 1):
                cell.number_format = "yyyy-mm-dd hh:mm"
    fill_table(book.create_sheet("变化"), [label for _, label in CHANGE_COLUMNS],
               ([_text(c.to_dict()[k]) for k, _ in CHANGE_COLUMNS] for c in result.changes))
    widths = {"项目名称": 50, "审核意见": 40, "检查时间": 20, "更新时间": 20, "备案号": 20}
    for n, (_, label) in enumerate(COLUMNS):
        sheet.column_dimensions[get_column_letter(n + 1)].width = widths.get(label, 14)
    book.save(path)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _cell(key: str, value: Any) -> Any:
    """A spreadsheet cell: a time as a real date-time (sortable, filterable), anything else as text."""
    if value is None:
        return ""
    if key in DATE_COLUMNS:
        import datetime as dt

        with contextlib.suppress(ValueError):
            return dt.datetime.fromisoformat(str(value).replace("/", "-"))
    return str(value)


def print_table(result: CheckResult, stream: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    # A log file or a pipe gets a wide table: folding ids and filing numbers would break searching them.
    console = Console(file=stream, width=None if stream.isatty() else 200)
    table = Table(title=f"备案进度 · {result.scope} · {result.checked_at}", show_lines=False)
    # On a narrow terminal the project name keeps most of the room: the less needed columns give way first.
    wide = console.width >= 120
    headings = ["项目编号", "项目名称", "状态", "备案号"] + (["更新时间", "负责人", "单位"] if wide else []) + ["审核意见"]
    for heading in headings:
        if heading == "项目名称":
            table.add_column(heading, overflow="fold", ratio=3, min_width=16)
        elif heading == "审核意见":
            table.add_column(heading, overflow="fold", ratio=2, min_width=8)
        else:
            table.add_column(heading, overflow="fold", no_wrap=heading != "单位")
    for p in result.projects:
        style = "red" if p.status in ("returned", "rejected") else "yellow" if p.status == "unknown" else None
        cells = [p.id, p.project_name, p.status_label, p.filing_no or ""]
        if wide:
            cells += [p.updated_at or "", p.pi or "", p.unit or ""]
        table.add_row(*cells, p.opinion or "", style=style)
    console.print(table)
    for p in result.projects:
        if not p.timeline:
            continue
        steps = Table(title=f"{p.project_name}（{p.id}）：{p.status_label}", title_justify="left")
        for heading in ("时间", "环节", "审核人", "结果", "审核意见"):
            steps.add_column(heading, overflow="fold")
        for e in p.timeline:
            steps.add_row(e.time or "", e.step or "", e.reviewer or "", e.result or "", e.opinion or "")
        console.print(steps)


def print_changes(result: CheckResult, stream: TextIO) -> None:
    if result.baseline:
        print(f"首次检查（{result.scope}）：已记录 {len(result.projects)} 个项目作为基线，不报告变化 / first check "
              f"of {result.scope}: baseline of {len(result.projects)} projects recorded, no changes reported",
              file=stream)
    elif not result.changes:
        print("与上次检查相比无变化 / no changes since the last check", file=stream)
    else:
        print(f"{len(result.changes)} 项变化 / changes:", file=stream)
        for c in result.changes:
            print(f"  - {c.describe()}", file=stream)


def write_excel_text(stdout: TextIO, text: str) -> None:
    """CSV on stdout as UTF-8 with a BOM, whatever the console's code page: `> x.csv` then opens in Excel."""
    binary = getattr(stdout, "buffer", None)
    if binary is None:
        stdout.write("\ufeff" + text)
        return
    stdout.flush()
    binary.write(("\ufeff" + text).encode("utf-8"))
    binary.flush()


def check_output(fmt: str, out: str | None) -> None:
    """Refuse an impossible output before any browsing."""
    if fmt == "xlsx" and not out:
        raise ConfigError("--format xlsx 需要 --out 文件 / --format xlsx needs --out FILE")
    if out and not Path(out).resolve().parent.is_dir():
        raise ConfigError(f"--out {out}: 目录不存在 / its folder does not exist")


def emit(result: CheckResult, fmt: str, out: str | None, stdout: TextIO | None = None,
         stderr: TextIO | None = None, *, one_line: bool = False) -> None:
    """Write the report; the list of changes goes to stdout unless the report itself is on stdout. `one_line`:
    JSON on stdout as one line per check (watch prints a stream of them: JSON Lines)."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    check_output(fmt, out)
    try:
        _write(result, fmt, out, stdout, one_line)
    except OSError as e:
        raise ConfigError(f"--out {out}: 无法写入 / cannot write it ({e.strerror})") from None
    report_on_stdout = fmt in ("json", "csv", "html") and not out
    print_changes(result, stderr if report_on_stdout else stdout)


def _write(result: CheckResult, fmt: str, out: str | None, stdout: TextIO, one_line: bool = False) -> None:
    if fmt == "table":
        if out:
            with open(out, "w", encoding="utf-8") as f:
                print_table(result, f)
        else:
            print_table(result, stdout)
    elif fmt == "json":
        text = to_json(result, one_line=one_line and not out)
        if out:
            Path(out).write_text(text, encoding="utf-8")
        else:
            stdout.write(text)
    elif fmt == "csv":
        buffer = io.StringIO()
        write_csv(result, buffer)
        if out:
            # with a BOM so that Excel opens the Chinese text correctly
            Path(out).write_text(buffer.getvalue(), encoding="utf-8-sig")
        else:
            write_excel_text(stdout, buffer.getvalue())
    elif fmt == "xlsx":
        write_xlsx(result, Path(out))  # type: ignore[arg-type]
    elif fmt == "html":
        from autofiler.office.status_pages import progress_html

        text = progress_html(result)
        if out:
            Path(out).write_text(text, encoding="utf-8")
        else:
            stdout.write(text)
