"""Writing the empty Appendix-1 template: 14 text columns, a frozen header, and the 填写说明 sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from autofiler.accounts.columns import COLUMNS, DATA_ROWS, DATA_SHEET, GENERAL_RULES, GUIDE_SHEET
from autofiler.errors import AutofilerError

TEXT = "@"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FONT = Font(bold=True, color="C00000")
HEADER_FONT = Font(bold=True)


def build_template() -> Workbook:
    book = Workbook()
    ws = book.active
    ws.title = DATA_SHEET
    for c, column in enumerate(COLUMNS, 1):
        cell = ws.cell(1, c, column.name)
        cell.number_format = TEXT
        cell.font = REQUIRED_FONT if column.required else HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = column.width
        for r in range(2, DATA_ROWS + 2):
            ws.cell(r, c).number_format = TEXT
    ws.freeze_panes = "A2"
    # A drop-down for 性别 that still accepts male / female: a hint, not a barrier.
    sexes = DataValidation(type="list", formula1='"男,女"', allow_blank=True, showErrorMessage=False)
    sex_col = get_column_letter(1 + [c.name for c in COLUMNS].index("性别"))
    sexes.add(f"{sex_col}2:{sex_col}{DATA_ROWS + 1}")
    ws.add_data_validation(sexes)
    _guide(book.create_sheet(GUIDE_SHEET))
    return book


def _guide(ws: Worksheet) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.append(["列名", "是否必填", "填写要求", "示例"])
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for column in COLUMNS:
        need = "必填" if column.required else "选填"
        ws.append([column.name, need, column.rule, column.example or "（留空）"])
    ws.append([])
    ws.append(["通用要求"])
    ws.cell(ws.max_row, 1).font = HEADER_FONT
    # this sheet is only read by people, so a rule may span the four columns
    for i, rule in enumerate(GENERAL_RULES, 1):
        ws.append([f"{i}. {rule}"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=4)
    ws.append(["重要：默认密码只用于首次登录，首次登录后必须立即修改密码。"])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=4)
    ws.cell(ws.max_row, 1).font = REQUIRED_FONT
    for row in ws.iter_rows():
        for cell in row:
            cell.number_format = TEXT
            cell.alignment = wrap
    for letter, width in zip("ABCD", (12, 10, 60, 50), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"


def write_template(out: Path) -> None:
    if out.suffix.lower() != ".xlsx":
        raise AutofilerError(f"模板文件名应以 .xlsx 结尾：{out.name} / the template must be an .xlsx file")
    try:
        build_template().save(out)
    except OSError as e:
        raise AutofilerError(f"无法写入 {out}：{e.strerror} / cannot write the template") from None
