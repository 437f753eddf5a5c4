"""Checking whole sheets: the round trip, structure problems, numeric cells, duplicates, accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from autofiler.accounts.check import check_file
from autofiler.accounts.sheet_reading import SheetError
from autofiler.accounts.template import write_template
from tests.accounts.sheets import applicant, fill_rows, write_sheet


def rules(result) -> list[tuple[int | None, str | None, str]]:
    return [(f.row, f.column, f.rule) for f in result.findings]


def test_round_trip_template_filled_by_openpyxl_has_no_findings(tmp_path: Path) -> None:
    path = tmp_path / "附件1.xlsx"
    write_template(path)
    book = load_workbook(path)
    fill_rows(book.worksheets[0], [
        applicant(0),
        applicant(1, 姓名="欧阳修", 性别="female", 固定电话="", 工作经历="", 密码="Pi-Secret-2025"),
        applicant(2, 姓名="John Smith", 证件号码="11010519491231002X"),
    ])
    book.save(path)
    result = check_file(path)
    assert result.findings == []
    assert [(a.row, a.name, a.password, a.password_is_default) for a in result.accounts] == [
        (2, "张三", "zs_123456", True),
        (3, "欧阳修", "Pi-Secret-2025", False),
        (4, "John Smith", "js_123456", True),
    ]


def test_empty_rows_are_ignored(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "gaps.xlsx", [applicant(0), {}, {}, applicant(1)])
    result = check_file(path)
    assert result.findings == []
    assert [a.row for a in result.accounts] == [2, 5]


def test_an_empty_sheet_is_an_error(tmp_path: Path) -> None:
    result = check_file(write_sheet(tmp_path / "empty.xlsx", []))
    assert rules(result) == [(None, None, "sheet.empty")]


def test_required_columns(tmp_path: Path) -> None:
    blank = applicant(0, 姓名="", 证件号码="", 移动电话="", 邮箱="", 性别="")
    path = write_sheet(tmp_path / "req.xlsx", [blank])
    assert rules(check_file(path)) == [
        (2, "姓名", "required"), (2, "证件号码", "required"),
        (2, "移动电话", "required"), (2, "邮箱", "required"),
    ]


def test_merged_cells_are_named(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "m.xlsx", [applicant(0), applicant(1)],
                       change=lambda ws: ws.merge_cells("C2:D3"))
    [finding] = check_file(path).findings
    assert (finding.row, finding.column, finding.rule) == (2, "院系/科室", "structure.merged")
    assert "C2:D3" in finding.message


def test_numeric_id_number_is_an_error_that_explains_the_lost_digits(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "n.xlsx", [applicant(0, 证件号码=110105194912310020)])
    [finding] = check_file(path).findings
    assert (finding.row, finding.column, finding.rule) == (2, "证件号码", "cell.numeric")
    assert finding.severity == "error"
    assert "1.10105E+17" in finding.message and "文本" in finding.message


def test_numeric_phone_and_postcode_cells(tmp_path: Path) -> None:
    numbers = applicant(0, 移动电话=13812345678, 邮编=10034, 固定电话=1012345678)
    path = write_sheet(tmp_path / "n.xlsx", [numbers])
    found = {(f.column, f.rule) for f in check_file(path).findings}
    assert found == {("移动电话", "cell.numeric"), ("邮编", "cell.numeric"), ("固定电话", "cell.numeric")}


@pytest.mark.parametrize(("cell", "typed", "column", "number"), [
    ("E1", "性别 ", "性别", 5),   # a space crept in
    ("H1", "*邮箱", "邮箱", 8),   # marked required with a star: still the column, the star asked away
])
def test_a_retyped_header_is_the_column_and_is_named_with_both_texts(tmp_path: Path, cell: str, typed: str,
                                                                      column: str, number: int) -> None:
    path = write_sheet(tmp_path / "h.xlsx", [applicant(0)], change=lambda ws: setattr(ws[cell], "value", typed))
    [finding] = check_file(path).findings
    assert (finding.row, finding.column, finding.rule) == (1, column, "structure.header")
    assert finding.message.startswith(f"第 {number} 列应为「{column}」，实际为「{typed}」")


def test_a_different_header_text(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "h.xlsx", [applicant(0)],
                       change=lambda ws: setattr(ws["G1"], "value", "手机"))
    messages = [f.message for f in check_file(path).findings if f.rule == "structure.header"]
    assert messages == ["第 7 列应为「移动电话」，实际为「手机」"]


def test_added_column(tmp_path: Path) -> None:
    def add(ws) -> None:
        ws.insert_cols(3)
        ws["C1"] = "民族"
        ws["C2"] = "汉"

    result = check_file(write_sheet(tmp_path / "a.xlsx", [applicant(0)], change=add))
    assert [(f.rule, f.message) for f in result.findings] == [
        ("structure.header", "第 3 列「民族」不是模板中的列，请删除该列"),
    ]


def test_duplicated_column(tmp_path: Path) -> None:
    result = check_file(write_sheet(tmp_path / "dup.xlsx", [applicant(0)],
                                    change=lambda ws: setattr(ws["O1"], "value", "邮箱")))
    assert [(f.column, f.message) for f in result.findings] == [
        ("邮箱", "第 15 列「邮箱」与第 8 列重复，请删除其中一列"),
    ]


def test_removed_column(tmp_path: Path) -> None:
    result = check_file(write_sheet(tmp_path / "r.xlsx", [applicant(0)], change=lambda ws: ws.delete_cols(4)))
    assert [(f.column, f.message) for f in result.findings] == [
        ("职务", "缺少「职务」列（模板第 4 列），请从模板复制该列"),
    ]


def test_moved_column_is_reported_once_and_its_cells_still_checked(tmp_path: Path) -> None:
    def swap(ws) -> None:
        for r in (1, 2):
            ws.cell(r, 3).value, ws.cell(r, 4).value = ws.cell(r, 4).value, ws.cell(r, 3).value
        ws["G2"] = "123"

    result = check_file(write_sheet(tmp_path / "mv.xlsx", [applicant(0)], change=swap))
    headers = [f.message for f in result.findings if f.rule == "structure.header"]
    assert any("位置不对" in m for m in headers)
    assert (2, "移动电话", "mobile.format") in rules(result)


def test_title_row_above_the_header(tmp_path: Path) -> None:
    result = check_file(write_sheet(tmp_path / "t.xlsx", [applicant(0)], change=lambda ws: ws.insert_rows(1)))
    assert rules(result) == [(1, None, "structure.header_row")]
    assert [a.row for a in result.accounts] == [3]


def test_a_value_outside_the_columns(tmp_path: Path) -> None:
    result = check_file(write_sheet(tmp_path / "x.xlsx", [applicant(0)],
                                    change=lambda ws: setattr(ws["P2"], "value", "备注")))
    [finding] = result.findings
    assert finding.rule == "structure.extra_cell" and "P2" in finding.message


def test_duplicates_name_the_earlier_row(tmp_path: Path) -> None:
    first = applicant(0)
    path = write_sheet(tmp_path / "d.xlsx", [
        first,
        applicant(1, 证件号码=str(first["证件号码"]).lower()),
        applicant(2, 移动电话=first["移动电话"]),
        applicant(3, 邮箱=str(first["邮箱"]).upper()),
    ])
    found = [(f.row, f.column, f.message) for f in check_file(path).findings if f.rule == "duplicate"]
    assert [(row, column) for row, column, _ in found] == [(3, "证件号码"), (4, "移动电话"), (5, "邮箱")]
    assert all("与第 2 行重复" in message for _, _, message in found)


def test_a_returned_copy_with_the_default_filled_in_still_counts_as_default(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "p.xlsx", [applicant(0, 密码="zs_123456")])
    [account] = check_file(path).accounts
    assert account.password == "zs_123456" and account.password_is_default


def test_not_an_xlsx_is_one_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "sheet.xlsx"
    fake.write_text("姓名,证件号码\n张三,1\n", encoding="utf-8")
    with pytest.raises(SheetError, match="不是 Excel 工作簿"):
        check_file(fake)
    old = tmp_path / "sheet.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(SheetError, match=r"不是 \.xlsx 文件"):
        check_file(old)
    with pytest.raises(SheetError, match="找不到文件"):
        check_file(tmp_path / "missing.xlsx")


def test_a_workbook_not_made_from_the_template(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["name", "id"])
    book.active.append(["张三", "11010519491231002X"])
    book.save(tmp_path / "other.xlsx")
    result = check_file(tmp_path / "other.xlsx")
    assert result.errors >= 14 and all(f.rule in ("structure.header", "structure.extra_cell")
                                        for f in result.findings)
