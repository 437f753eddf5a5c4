"""Reading a filled Appendix-1 sheet: open it, find the data sheet, check its shape, read the rows as text.

The header is compared with the template's; columns are then found by their (cleaned) header, so that a moved
column is reported once and its cells are still checked.
"""

from __future__ import annotations

import difflib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from autofiler.accounts.columns import GUIDE_SHEET, HEADERS, RESULT_HEADER
from autofiler.accounts.sheet_findings import ERROR, SheetFinding
from autofiler.errors import AutofilerError
from autofiler.sheet_tables import header_columns, header_text


class SheetError(AutofilerError):
    """The file cannot be read as an Appendix-1 workbook at all."""


@dataclass
class Row:
    number: int  # the Excel row number
    values: dict[str, str]  # template header -> stripped text ('' when empty)
    raw: dict[str, object]  # template header -> the cell's value as stored
    numeric: set[str] = field(default_factory=set)  # headers whose cell holds a number, not text


@dataclass
class Sheet:
    title: str
    columns: dict[str, int]  # template header -> 1-based column index where it was found
    rows: list[Row] = field(default_factory=list)
    findings: list[SheetFinding] = field(default_factory=list)
    width: int = 0  # the number of header cells, a trailing 检查结果 left out
    header_row: int = 1
    result_column: int = 0  # the column of a 检查结果 left by --fill, 0 when there is none


def open_workbook(path: Path) -> Workbook:
    if not path.is_file():
        raise SheetError(f"找不到文件 {path} / file not found")
    try:
        return load_workbook(path, data_only=True)
    except InvalidFileException as e:
        raise SheetError(
            f"{path.name} 不是 .xlsx 文件，请在 Excel 中用“另存为 → Excel 工作簿 (*.xlsx)”保存后再检查"
            " / not an xlsx file",
            hint=str(e),
        ) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        raise SheetError(
            f"无法读取 {path.name}：文件已损坏或不是 Excel 工作簿 / cannot read the workbook", hint=str(e),
        ) from None


def data_sheet(book: Workbook) -> Worksheet:
    """The first sheet that is not our 填写说明."""
    for ws in book.worksheets:
        if ws.title != GUIDE_SHEET:
            return ws
    raise SheetError("工作簿中没有申请表工作表 / the workbook has no data sheet")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header_findings(actual: list[str], top: int) -> list[SheetFinding]:
    """Align the header with the template's and describe each difference."""
    found: list[SheetFinding] = []
    clean = [header_text(a) for a in actual]

    def add(column: str | None, message: str) -> None:
        found.append(SheetFinding(top, column, ERROR, "structure.header", message))

    ops = difflib.SequenceMatcher(None, list(HEADERS), clean, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag in ("replace", "delete"):
            for k, name in enumerate(HEADERS[i1:i2]):
                j = j1 + k
                if name in clean:
                    add(name, f"「{name}」列的位置不对：应在第 {HEADERS.index(name) + 1} 列，实际在第 "
                        f"{clean.index(name) + 1} 列；请按模板顺序排列各列")
                elif tag == "replace" and j < j2:
                    add(name, f"第 {j + 1} 列应为「{name}」，实际为「{actual[j]}」")
                else:
                    add(name, f"缺少「{name}」列（模板第 {HEADERS.index(name) + 1} 列），请从模板复制该列")
        if tag in ("replace", "insert"):
            start = j1 + (i2 - i1 if tag == "replace" else 0)
            for j in range(start, j2):
                name = clean[j]
                if name in HEADERS and clean.index(name) != j:
                    first = clean.index(name) + 1
                    add(name, f"第 {j + 1} 列「{actual[j]}」与第 {first} 列重复，请删除其中一列")
                elif name not in HEADERS:  # a template column here was reported above as moved
                    label = f"「{actual[j]}」" if actual[j] else "（无表头）"
                    add(None, f"第 {j + 1} 列{label}不是模板中的列，请删除该列")
    # same cleaned header, different text: spaces or a full-width character crept in
    for j, (raw, name) in enumerate(zip(actual, clean, strict=True)):
        if name in HEADERS and raw != name and clean.index(name) == HEADERS.index(name) == j:
            add(name, f"第 {j + 1} 列应为「{name}」，实际为「{raw}」，请删除多余的空格或字符")
    return found


def _is_numeric(cell: Cell) -> bool:
    return cell.data_type == "n" and isinstance(cell.value, int | float) and not isinstance(cell.value, bool)


def _header_row(ws: Worksheet, width: int) -> int:
    """The row that holds the header: 1, unless title rows were put above it."""
    for r in range(1, min(ws.max_row, 10) + 1):
        names = {header_text(ws.cell(r, c).value) for c in range(1, width + 1)}
        if len(names & set(HEADERS)) * 2 >= len(HEADERS):
            return r
    return 1


def read_sheet(ws: Worksheet) -> Sheet:
    width = max(ws.max_column, 1)
    top = _header_row(ws, width)
    header_raw = [_text(ws.cell(top, c).value) for c in range(1, width + 1)]
    while header_raw and not header_raw[-1]:
        header_raw.pop()
    # a trailing 检查结果 column is what --fill added: a returned sheet may come back with it
    if header_raw and header_text(header_raw[-1]) == RESULT_HEADER:
        header_raw.pop()
    # (ws.cell creates a cell it is asked for, so never ask beyond the sheet's width)
    result_col = len(header_raw) + 1
    if result_col > width or header_text(ws.cell(top, result_col).value) != RESULT_HEADER:
        result_col = 0

    findings = _header_findings(header_raw, top)
    if top != 1:
        findings.insert(0, SheetFinding(
            1, None, ERROR, "structure.header_row",
            f"表头应在第 1 行，实际在第 {top} 行：请删除表头上方的 {top - 1} 行（如标题行）",
        ))
    columns = {name: index + 1 for name, index in header_columns(header_raw, {h: h for h in HEADERS}).items()}
    sheet = Sheet(ws.title, columns, findings=findings, width=len(header_raw), header_row=top,
                  result_column=result_col)
    by_index = {index: name for name, index in columns.items()}

    for rng in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        sheet.findings.append(SheetFinding(
            rng.min_row, by_index.get(rng.min_col), ERROR, "structure.merged",
            f"单元格 {rng.coord} 被合并了，请取消合并，每个单元格只填一个值",
        ))

    for r in range(top + 1, ws.max_row + 1):
        cells = {c: ws.cell(r, c) for c in range(1, width + 1) if c != result_col}
        if all(_text(cell.value).strip() == "" for cell in cells.values()):
            continue
        for c, cell in cells.items():
            if c > len(header_raw) and _text(cell.value).strip():
                sheet.findings.append(SheetFinding(
                    r, None, ERROR, "structure.extra_cell",
                    f"{get_column_letter(c)}{r} 在表格的列之外，却填了内容「{_text(cell.value)}」，"
                    "请删除或移到对应的列",
                ))
        raw = {name: cells[index].value for name, index in columns.items()}
        values = {name: _text(value).strip() for name, value in raw.items()}
        numeric = {name for name, index in columns.items() if _is_numeric(cells[index])}
        sheet.rows.append(Row(r, values, raw, numeric))
    return sheet
