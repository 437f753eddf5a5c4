"""The empty template: 14 text columns in the SOP's order, frozen header, widths, and the 填写说明 sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from autofiler.accounts.template import write_template
from autofiler.errors import AutofilerError

SOP_COLUMNS = [
    "姓名", "证件号码", "院系/科室", "职务", "性别", "固定电话", "移动电话",
    "邮箱", "邮编", "地址", "研究领域", "密码", "工作经历", "教育背景",
]


@pytest.fixture
def book(tmp_path: Path):
    path = tmp_path / "附件1.xlsx"
    write_template(path)
    return load_workbook(path)


def test_header_is_the_sops_fourteen_columns(book) -> None:
    ws = book.worksheets[0]
    assert [c.value for c in ws[1]] == SOP_COLUMNS
    assert ws.freeze_panes == "A2"


def test_every_cell_of_header_and_500_rows_is_text(book) -> None:
    ws = book.worksheets[0]
    formats = {ws.cell(r, c).number_format for r in range(1, 502) for c in range(1, 15)}
    assert formats == {"@"}


def test_columns_are_wide_enough_for_their_content(book) -> None:
    ws = book.worksheets[0]
    widths = {ws.cell(1, c).value: ws.column_dimensions[ws.cell(1, c).column_letter].width
              for c in range(1, 15)}
    assert widths["证件号码"] >= 20  # 18 characters
    assert widths["邮箱"] >= 20
    assert widths["工作经历"] >= 40 and widths["教育背景"] >= 40


def test_guide_sheet_has_one_rule_per_column_and_the_password_reminder(book) -> None:
    assert book.sheetnames[1] == "填写说明"
    guide = book["填写说明"]
    rows = {r[0]: r for r in guide.iter_rows(min_row=2, values_only=True) if r[0] in SOP_COLUMNS}
    assert list(rows) == SOP_COLUMNS
    required = {name for name, row in rows.items() if row[1] == "必填"}
    assert required == {"姓名", "证件号码", "移动电话", "邮箱"}
    assert "zs_123456" in rows["密码"][2]
    assert "英文分号" in rows["研究领域"][2]
    text = "\n".join(str(v) for r in guide.iter_rows(values_only=True) for v in r if v)
    assert "首次登录后必须立即修改" in text


def test_the_template_itself_has_no_merged_cells(book) -> None:
    assert not book.worksheets[0].merged_cells.ranges


def test_template_name_must_end_in_xlsx(tmp_path: Path) -> None:
    with pytest.raises(AutofilerError, match=r"\.xlsx"):
        write_template(tmp_path / "附件1.xls")
