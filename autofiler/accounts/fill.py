"""The copy an office sends back to the PI: default passwords filled in and a 检查结果 column per row."""

from __future__ import annotations

from pathlib import Path

from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

from autofiler.accounts.check import SheetCheck, check_sheet
from autofiler.accounts.columns import RESULT_HEADER
from autofiler.accounts.sheet_findings import ERROR, SEVERITY_LABELS, SheetFinding
from autofiler.accounts.sheet_reading import data_sheet, open_workbook, read_sheet
from autofiler.errors import AutofilerError
from autofiler.sheet_tables import header_text

ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")
OK_TEXT = "通过"


def _line(f: SheetFinding) -> str:
    where = f"「{f.column}」" if f.column else ""
    return f"[{SEVERITY_LABELS[f.severity]}] {where}{f.message}"


def fill_copy(source: Path, out: Path) -> SheetCheck:
    """Check `source` and write the annotated copy to `out`; returns the check's result."""
    if out.resolve() == source.resolve():
        raise AutofilerError("--fill 的输出文件不能与被检查的文件相同 / --fill must name a new file")
    if out.suffix.lower() != ".xlsx":
        raise AutofilerError(f"输出文件名应以 .xlsx 结尾：{out.name} / the copy must be an .xlsx file")
    book = open_workbook(source)
    ws = data_sheet(book)
    sheet = read_sheet(ws)
    result = check_sheet(sheet)

    # reuse the 检查结果 column of a sheet that already went round once; never write over a PI's cells
    col = sheet.width + 1
    if col > ws.max_column or header_text(ws.cell(sheet.header_row, col).value) != RESULT_HEADER:
        col = ws.max_column + 1
    ws.cell(sheet.header_row, col, RESULT_HEADER).font = Font(bold=True)
    ws.column_dimensions[ws.cell(sheet.header_row, col).column_letter].width = 60
    whole = [f for f in result.findings if f.row is None or f.row <= sheet.header_row]
    if whole:
        ws.cell(sheet.header_row, col).comment = Comment("\n".join(_line(f) for f in whole), "autofiler")

    password_col = sheet.columns.get("密码")
    defaults = {a.row: a.password for a in result.accounts if a.password_is_default and a.password}
    for row in sheet.rows:
        target = ws.cell(row.number, password_col) if password_col else None
        # a cell inside a merged range cannot take a value (the merge is reported anyway)
        if target is not None and row.number in defaults and not isinstance(target, MergedCell):
            target.value = defaults[row.number]
            target.number_format = "@"
        found = result.row_findings(row.number)
        cell = ws.cell(row.number, col, "\n".join(_line(f) for f in found) or OK_TEXT)
        cell.number_format = "@"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if found:
            cell.fill = ERROR_FILL if any(f.severity == ERROR for f in found) else WARNING_FILL
    # merged cells reported on a row that holds no data still need a place the PI sees
    for f in result.findings:
        if f.row and f.row > sheet.header_row and f.row not in {r.number for r in sheet.rows}:
            cell = ws.cell(f.row, col)
            cell.value = "\n".join(filter(None, [_text_of(cell.value), _line(f)]))
            cell.fill = ERROR_FILL
    try:
        book.save(out)
    except OSError as e:
        raise AutofilerError(f"无法写入 {out}：{e.strerror} / cannot write the copy") from None
    return result


def _text_of(value: object) -> str:
    return "" if value is None else str(value)
