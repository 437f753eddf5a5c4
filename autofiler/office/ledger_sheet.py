"""The office's ledger of ethics-approved projects: the template, and reading an office's own sheet.

An office's sheet may add columns or order them differently: columns are found by their header text, in the
first rows of the first sheet that has a 项目名称 header. Every problem names the row and column as Excel shows
them.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from autofiler.errors import AutofilerError
from autofiler.sheet_tables import header_columns

SHEET = "项目台账"
GUIDE = "填写说明"
# key -> header text; the order is the template's
COLUMNS = {
    "project_name": "项目名称",
    "ethics_no": "伦理审查批件号",
    "ethics_date": "伦理批准日期",
    "pi": "项目负责人",
    "department": "科室",
    "role": "本院角色",
    "lead_unit": "牵头单位",
    "remark": "备注",
}
ROLES = ("牵头", "参与")
HEADER_ROWS = 10  # the header is looked for in this many top rows (a title may stand above it)
GUIDE_LINES = (
    ("项目名称", "与伦理批件及网站上的「项目名称 / 医学研究题目」一致；必填"),
    ("伦理审查批件号", "伦理委员会批件上的编号"),
    ("伦理批准日期", "日期格式，如 2025-03-01；超过期限仍未备案的项目标为「逾期」"),
    ("项目负责人", "本院项目负责人姓名"),
    ("科室", "项目负责人所在科室"),
    ("本院角色", "牵头：本院为牵头单位，由本院备案；参与：本院为参与单位，由牵头单位备案（应出现在「分中心项目」）"),
    ("牵头单位", "本院角色为「参与」时填写牵头单位名称"),
    ("备注", "自由填写"),
    ("其他列", "可以增加列、调整列的顺序：autofiler 按表头文字读取"),
)


class LedgerError(AutofilerError):
    """The ledger cannot be read, or a cell is wrong; the message names the row and column."""


@dataclass
class LedgerRow:
    row: int  # the row number as Excel shows it
    project_name: str
    role: str  # 牵头 or 参与
    ethics_no: str = ""
    ethics_date: dt.date | None = None
    pi: str = ""
    department: str = ""
    lead_unit: str = ""
    remark: str = ""


def write_template(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(list(COLUMNS.values()))
    bold = Font(bold=True)
    for i, header in enumerate(COLUMNS.values(), start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.column_dimensions[get_column_letter(i)].width = 36 if header == "项目名称" else 16
    role_col = get_column_letter(list(COLUMNS).index("role") + 1)
    rule = DataValidation(type="list", formula1=f'"{",".join(ROLES)}"', allow_blank=False,
                          error="请选择 牵头 或 参与", errorTitle="本院角色")
    ws.add_data_validation(rule)
    rule.add(f"{role_col}2:{role_col}2000")
    date_col = get_column_letter(list(COLUMNS).index("ethics_date") + 1)
    ws.column_dimensions[date_col].number_format = "yyyy-mm-dd"  # a style of the column: no empty cells made
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}1"
    guide = wb.create_sheet(GUIDE)
    guide.append(["列", "说明"])
    for line in GUIDE_LINES:
        guide.append(list(line))
    guide.column_dimensions["A"].width = 16
    guide.column_dimensions["B"].width = 90
    for row in guide.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(path)


def _where(row: int, col: int, header: str) -> str:
    return f"第 {row} 行 {get_column_letter(col)} 列（{header}）/ row {row}, column {get_column_letter(col)}"


def _date(value: object, row: int, col: int) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-").replace("年", "-").replace("月", "-").rstrip("日")
    try:
        return dt.date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
    except ValueError:
        raise LedgerError(f"{_where(row, col, COLUMNS['ethics_date'])}: 「{value}」不是日期 / not a date",
                          hint="写成 2025-03-01 / write it as 2025-03-01") from None


def read_ledger(path: Path) -> list[LedgerRow]:
    """Every filled row of the ledger, in sheet order."""
    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except FileNotFoundError:
        raise LedgerError(f"找不到台账 {path} / no such file: {path}") from None
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise LedgerError(f"{path} 不是可读的 xlsx 文件 / not a readable .xlsx file ({exc})") from None
    try:
        for ws in wb.worksheets:
            rows = list(ws.iter_rows(values_only=True))
            for index, values in enumerate(rows[:HEADER_ROWS]):
                col = header_columns(values, COLUMNS)
                if "project_name" in col:
                    return _rows(col, rows[index + 1:], first_row=index + 2)
    finally:
        wb.close()
    raise LedgerError(f"{path}: 前 {HEADER_ROWS} 行中没有「项目名称」表头 / no 项目名称 header in the first "
                      f"{HEADER_ROWS} rows", hint="autofiler ledger template 台账.xlsx 生成模板 / writes a template")


def _rows(col: dict[str, int], body: list[tuple], first_row: int) -> list[LedgerRow]:
    out = []
    for offset, values in enumerate(body):
        number = first_row + offset

        def cell(key: str, values: tuple = values) -> object:
            i = col.get(key)
            return values[i] if i is not None and i < len(values) else None

        name = str(cell("project_name") or "").strip()
        if not name:
            if any(v not in (None, "") for v in values):
                where = _where(number, col["project_name"] + 1, COLUMNS["project_name"])
                raise LedgerError(f"{where}: 项目名称为空 / the project name is empty")
            continue
        role = "".join(str(cell("role") or "").split()) or ROLES[0]
        if role not in ROLES:
            raise LedgerError(f"{_where(number, col['role'] + 1, COLUMNS['role'])}: 「{role}」应为 牵头 或 参与 / "
                              f"must be 牵头 or 参与")
        out.append(LedgerRow(
            row=number, project_name=name, role=role,
            ethics_no=str(cell("ethics_no") or "").strip(),
            ethics_date=_date(cell("ethics_date"), number, col.get("ethics_date", 0) + 1),
            pi=str(cell("pi") or "").strip(), department=str(cell("department") or "").strip(),
            lead_unit=str(cell("lead_unit") or "").strip(), remark=str(cell("remark") or "").strip(),
        ))
    return out
