import csv
import datetime as dt
import io
import json
import re

import pytest
from openpyxl import load_workbook

from autofiler.errors import ConfigError
from autofiler.tracking import progress_output as report
from autofiler.tracking.changes import Change
from tests.tracking.factory import project, result, returned


def sample():
    projects = [project("3", "已公开", "published", filing_no="MR-11-25-000003", updated_at="2025-05-01 10:00:00"),
                returned("7", "请补充伦理批件"), project("8", "补充材料中", "unknown")]
    changes = [Change("7", "项目7", "status", "学术审查中", "退回修改", "请补充伦理批件")]
    return result(projects, changes)


def test_json_has_the_documented_keys():
    doc = json.loads(report.to_json(sample()))
    assert set(doc) == {"scope", "checked_at", "baseline", "projects", "changes"}
    first, back, odd = doc["projects"]
    assert {"id", "project_name", "status", "status_label", "filing_no", "updated_at"} <= set(first)
    assert "opinion" not in first and "timeline" not in first  # a list row carries neither
    assert (back["status"], back["opinion"]) == ("returned", "请补充伦理批件")
    assert back["timeline"][1] == {"time": "2025-01-03 09:30:00", "step": "学术审查", "reviewer": "李审核",
                                   "opinion": "请补充伦理批件", "result": "退回修改"}
    assert (odd["status"], odd["status_label"]) == ("unknown", "补充材料中")
    assert doc["changes"][0]["kind"] == "status"


def test_csv_has_one_row_per_project_with_the_check_time():
    buffer = io.StringIO()
    report.write_csv(sample(), buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows[0] == ["checked_at", "id", "project_name", "status", "status_label", "filing_no", "updated_at",
                       "pi", "unit", "opinion"]
    assert [r[1] for r in rows[1:]] == ["3", "7", "8"]
    assert {r[0] for r in rows[1:]} == {"2025-06-01T08:00:00"}
    assert rows[2][9] == "请补充伦理批件" and rows[1][5] == "MR-11-25-000003"


def test_xlsx_reads_back(tmp_path):
    out = tmp_path / "进度.xlsx"
    report.write_xlsx(sample(), out)
    book = load_workbook(out, read_only=True)
    rows = [list(r) for r in book["备案进度"].iter_rows(values_only=True)]
    assert rows[0] == ["检查时间", "项目编号", "项目名称", "状态代码", "状态", "备案号", "更新时间", "负责人", "单位",
                       "审核意见"]
    assert len(rows) == 4
    # times are real date-times in the sheet, so that the office can sort and filter them
    assert rows[1][:6] == [dt.datetime(2025, 6, 1, 8), "3", "项目3", "published", "已公开", "MR-11-25-000003"]
    assert rows[2][9] == "请补充伦理批件"
    full = load_workbook(out)
    assert full["备案进度"].auto_filter.ref == "A1:J4"
    assert full["备案进度"]["A2"].number_format == "yyyy-mm-dd hh:mm"
    changes = [list(r) for r in book["变化"].iter_rows(values_only=True)]
    assert changes[1][:5] == ["7", "项目7", "status", "学术审查中", "退回修改"]


def test_emit_json_keeps_stdout_parseable_and_lists_changes_on_stderr():
    out, err = io.StringIO(), io.StringIO()
    report.emit(sample(), "json", None, stdout=out, stderr=err)
    assert json.loads(out.getvalue())["scope"] == "all"
    assert "1 项变化" in err.getvalue() and "退回修改" in err.getvalue()


def test_emit_table_shows_projects_timeline_and_changes():
    out, err = io.StringIO(), io.StringIO()
    report.emit(sample(), "table", None, stdout=out, stderr=err)
    text = out.getvalue()
    for expected in ("MR-11-25-000003", "补充材料中", "李审核", "请补充伦理批件", "1 项变化"):
        assert expected in text
    assert err.getvalue() == ""


def test_csv_file_gets_a_bom_for_excel(tmp_path):
    out = tmp_path / "p.csv"
    report.emit(sample(), "csv", str(out), stdout=io.StringIO(), stderr=io.StringIO())
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_impossible_outputs_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="--out"):
        report.check_output("xlsx", None)
    with pytest.raises(ConfigError, match="folder"):
        report.check_output("json", str(tmp_path / "nowhere" / "x.json"))


def test_baseline_is_said_as_such():
    first = result([project("1")])
    first.baseline = True
    buffer = io.StringIO()
    report.print_changes(first, buffer)
    assert "baseline of 1 projects" in buffer.getvalue()


def test_csv_on_stdout_carries_a_bom_for_excel():
    out = io.TextIOWrapper(io.BytesIO(), encoding="gbk")  # a Chinese Windows console's code page
    report.emit(sample(), "csv", None, stdout=out, stderr=io.StringIO())
    out.flush()
    data = out.buffer.getvalue()
    assert data.startswith(b"\xef\xbb\xbf") and "项目3".encode() in data


def test_table_stays_readable_at_80_columns(monkeypatch):
    from rich.cells import cell_len

    long_name = "超说明书使用利妥昔单抗治疗难治性肾病综合征的多中心随机对照研究"
    projects = [project(str(100 + i), f"伦理审查中{i}", "ethics_review") for i in range(11)]
    for p in projects:
        p.project_name = long_name
    monkeypatch.setenv("COLUMNS", "80")
    narrow = io.StringIO()
    narrow.isatty = lambda: True  # type: ignore[method-assign]
    report.print_table(result(projects), narrow)
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in narrow.getvalue().splitlines()]  # colours off
    assert max(cell_len(line) for line in lines) <= 80
    assert len(lines) <= 11 * 3 + 6  # at most three lines a project (221 lines before)
    assert "超说明书使用利妥" in narrow.getvalue()  # names are not cut to two characters
