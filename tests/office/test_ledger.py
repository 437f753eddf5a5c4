"""The ledger template, and an office's own sheet read by header names with row and column in every error."""

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from autofiler.main import main
from autofiler.office.ledger_sheet import COLUMNS, GUIDE, SHEET, LedgerError, read_ledger, write_template


def test_template_has_the_columns_a_role_dropdown_and_a_guide(tmp_path):
    out = tmp_path / "台账.xlsx"
    assert main(["ledger", "template", str(out)]) == 0
    wb = load_workbook(out)
    ws = wb[SHEET]
    assert [c.value for c in ws[1]] == list(COLUMNS.values())
    rules = ws.data_validations.dataValidation
    assert any('"牵头,参与"' == r.formula1 for r in rules)
    assert GUIDE in wb.sheetnames and wb[GUIDE].max_row > len(COLUMNS)


def test_template_is_not_overwritten_without_force(tmp_path, capsys):
    out = tmp_path / "台账.xlsx"
    out.write_bytes(b"keep")
    assert main(["ledger", "template", str(out)]) == 1
    assert out.read_bytes() == b"keep"
    assert "--force" in capsys.readouterr().err


def test_the_filled_template_reads_back(tmp_path):
    out = tmp_path / "台账.xlsx"
    write_template(out)
    wb = load_workbook(out)
    ws = wb[SHEET]
    ws.append(["研究甲", "伦2025-001", dt.datetime(2025, 3, 1), "张三", "心内科", "牵头", "", ""])
    ws.append(["研究乙", "", "2025/04/02", "", "", "参与", "北京大学第一医院", "分中心"])
    wb.save(out)
    rows = read_ledger(out)
    assert [(r.row, r.project_name, r.role, r.ethics_date) for r in rows] == [
        (2, "研究甲", "牵头", dt.date(2025, 3, 1)), (3, "研究乙", "参与", dt.date(2025, 4, 2))]
    assert rows[1].lead_unit == "北京大学第一医院"


def test_an_offices_own_sheet_with_a_title_extra_columns_and_another_order(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["2025 年度 IIT 台账"])
    ws.append(["序号", "本院角色", "经费", "项目名称 ", "伦理批准日期"])
    ws.append([1, "牵头", "10万", "研究丙", "2025-01-02"])
    ws.append([None, None, None, None, None])
    ws.append([2, None, None, "研究丁", None])
    wb.save(tmp_path / "own.xlsx")
    rows = read_ledger(tmp_path / "own.xlsx")
    assert [(r.row, r.project_name, r.role) for r in rows] == [(3, "研究丙", "牵头"), (5, "研究丁", "牵头")]


def test_headers_retyped_with_stars_full_width_spaces_and_slashes_are_still_found(tmp_path):
    wb = Workbook()
    wb.active.append(["＊项目名称", "本院\u3000角色", "*伦理批准日期"])
    wb.active.append(["研究戊", "参与", "2025-02-03"])
    wb.save(tmp_path / "starred.xlsx")
    [row] = read_ledger(tmp_path / "starred.xlsx")
    assert (row.project_name, row.role, row.ethics_date) == ("研究戊", "参与", dt.date(2025, 2, 3))


@pytest.mark.parametrize(("cells", "where", "what"), [
    ({"E": "明年"}, "第 2 行 E 列", "不是日期"),
    ({"B": "协作"}, "第 2 行 B 列", "牵头 或 参与"),
    ({"D": None}, "第 2 行 D 列", "项目名称为空"),
])
def test_a_wrong_cell_names_row_and_column(tmp_path, cells, where, what):
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "本院角色", "经费", "项目名称", "伦理批准日期"])
    ws.append([1, "牵头", "", "研究丙", "2025-01-02"])
    for col, value in cells.items():
        ws[f"{col}2"] = value
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(LedgerError) as err:
        read_ledger(tmp_path / "bad.xlsx")
    assert where in err.value.message and what in err.value.message


def test_a_sheet_without_the_header_or_not_a_workbook(tmp_path):
    wb = Workbook()
    wb.active.append(["名称", "日期"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(LedgerError, match="项目名称"):
        read_ledger(tmp_path / "x.xlsx")
    (tmp_path / "y.xlsx").write_text("not a workbook")
    with pytest.raises(LedgerError, match="xlsx"):
        read_ledger(tmp_path / "y.xlsx")
