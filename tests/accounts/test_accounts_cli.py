"""`autofiler accounts template|check` as a user runs them: exit codes, the report, --json and --fill."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from autofiler.main import main
from tests.accounts.sheets import applicant, write_sheet
from tests.support import ROOT


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["accounts", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_template_command_writes_the_template(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "template", str(tmp_path / "附件1.xlsx"))
    assert code == 0 and "附件1.xlsx" in out
    book = load_workbook(tmp_path / "附件1.xlsx")
    assert book.sheetnames[1] == "填写说明" and book.worksheets[0]["A1"].value == "姓名"


def test_clean_sheet_exits_0_and_prints_default_passwords_only(tmp_path: Path, capsys) -> None:
    typed = applicant(1, 姓名="单雄信", 密码="Typed-Secret-9")
    path = write_sheet(tmp_path / "ok.xlsx", [applicant(0), typed])
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0
    assert "错误 0 条" in out
    assert "zs_123456" in out
    assert "Typed-Secret-9" not in out and "自设密码" in out
    assert "首次登录后立即修改密码" in out


def test_errors_exit_1_with_row_column_severity_rule_and_message(tmp_path: Path, capsys) -> None:
    path = write_sheet(tmp_path / "bad.xlsx", [applicant(0), applicant(1, 研究领域="心血管病学；老年医学")])
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    [line] = [ln for ln in out.splitlines() if "fields.full_width_semicolon" in ln]
    assert "第 3 行" in line and "K列「研究领域」" in line and "错误" in line and "中文分号「；」" in line
    assert "错误 1 条" in out


def test_warnings_alone_exit_0(tmp_path: Path, capsys) -> None:
    path = write_sheet(tmp_path / "warn.xlsx", [applicant(0, 证件号码="E12345678")])
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0 and "警告 1 条" in out and "非居民身份证，请人工核对" in out


def test_json_shape(tmp_path: Path, capsys) -> None:
    typed = applicant(1, 姓名="李四", 邮编="10003", 密码="Typed-Secret-9")
    path = write_sheet(tmp_path / "j.xlsx", [applicant(0), typed])
    code, out, _ = run(capsys, "check", str(path), "--json")
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"findings", "accounts"}
    assert data["findings"] == [{"row": 3, "column": "邮编", "column_letter": "I", "severity": "error",
                                 "rule": "postcode.format", "message": "邮编「10003」应为 6 位数字"}]
    assert data["accounts"] == [
        {"row": 2, "name": "张三", "password": "zs_123456", "password_is_default": True},
        {"row": 3, "name": "李四", "password": "Typed-Secret-9", "password_is_default": False},
    ]


def test_fill_writes_defaults_and_a_result_column(tmp_path: Path, capsys) -> None:
    source = write_sheet(tmp_path / "in.xlsx", [
        applicant(0),
        applicant(1, 姓名="欧阳修", 密码="Typed-Secret-9"),
        applicant(2, 姓名="曾国藩", 移动电话="1381234567"),
    ])
    out_path = tmp_path / "out.xlsx"
    code, _, err = run(capsys, "check", str(source), "--fill", str(out_path))
    assert code == 1 and "out.xlsx" in err
    ws = load_workbook(out_path).worksheets[0]
    assert ws.cell(1, 15).value == "检查结果" and ws.max_column == 15
    assert [ws.cell(r, 12).value for r in (2, 3, 4)] == ["zs_123456", "Typed-Secret-9", "zgf_123456"]
    assert ws.cell(2, 15).value == "通过" and ws.cell(3, 15).value == "通过"
    assert "「移动电话」" in ws.cell(4, 15).value and "1381234567" in ws.cell(4, 15).value
    # the PI's own sheet is left as it was
    assert load_workbook(source).worksheets[0].cell(2, 12).value is None


def test_fill_with_merged_password_cells(tmp_path: Path, capsys) -> None:
    source = write_sheet(tmp_path / "in.xlsx", [applicant(0), applicant(1, 姓名="李四")],
                         change=lambda ws: ws.merge_cells("K2:L3"))
    code, _, _ = run(capsys, "check", str(source), "--fill", str(tmp_path / "out.xlsx"))
    assert code == 1
    ws = load_workbook(tmp_path / "out.xlsx").worksheets[0]
    assert "K2:L3" in ws.cell(2, 15).value


def test_a_filled_copy_can_be_checked_again(tmp_path: Path, capsys) -> None:
    source = write_sheet(tmp_path / "in.xlsx", [applicant(0)])
    run(capsys, "check", str(source), "--fill", str(tmp_path / "round1.xlsx"))
    code, out, _ = run(capsys, "check", str(tmp_path / "round1.xlsx"), "--json")
    assert code == 0
    assert json.loads(out)["accounts"][0]["password_is_default"] is True


def test_not_an_xlsx_is_one_clear_error(tmp_path: Path, capsys) -> None:
    fake = tmp_path / "申请表.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    code, out, err = run(capsys, "check", str(fake))
    assert code == 1 and out == ""
    assert "申请表.xlsx" in err and "Traceback" not in err and "bug" not in err.lower()


def test_real_process_exit_code_and_json(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "p.xlsx", [applicant(0), applicant(1, 移动电话=applicant(0)["移动电话"])])
    done = subprocess.run([sys.executable, "-m", "autofiler", "accounts", "check", str(path), "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    [finding] = json.loads(done.stdout)["findings"]
    assert finding["rule"] == "duplicate" and "与第 2 行重复" in finding["message"]


def test_the_column_letter_is_where_the_column_stands_in_the_file(tmp_path: Path, capsys) -> None:
    def move_postcode_to_the_end(ws) -> None:  # 邮编 (I) cut and pasted after the last column (O)
        for row in ws.iter_rows(min_row=1, max_row=3):
            row[0].parent.cell(row[0].row, 15).value = row[8].value
        ws.delete_cols(9)

    path = write_sheet(tmp_path / "moved.xlsx", [applicant(0, 邮编="10003")], change=move_postcode_to_the_end)
    code, out, _ = run(capsys, "check", str(path), "--json")
    assert code == 1
    found = {(f["rule"], f["column"]): f["column_letter"] for f in json.loads(out)["findings"]}
    assert found[("postcode.format", "邮编")] == "N"
