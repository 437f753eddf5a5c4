"""`autofiler reconcile` against the mock: the office's ledger beside what the registry lists."""

import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from autofiler.office.ledger_sheet import SHEET, write_template
from tests.support import DEMO_PI
from tests.tracking.cli import autofiler

pytestmark = pytest.mark.e2e

LEAD_PI = {"phone": "13900000077", "password": "Lead@2025"}
LEAD_UNIT = "北京大学第一医院"


def ledger(tmp_path, rows):
    path = tmp_path / "台账.xlsx"
    write_template(path)
    wb = load_workbook(path)
    for r in rows:
        wb[SHEET].append(r)
    wb.save(path)
    return path


def test_filed_missing_overdue_and_subcenters(mock, tmp_path):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 10})
    mock.control("POST", "users", {**LEAD_PI, "name": "赵牵头", "institution": LEAD_UNIT, "role": "pi"})
    mock.control("POST", "seed", {"owner": LEAD_PI["phone"], "projects": 2, "participant": "示例医院"})
    ours = [p for p in mock.projects() if p["owner"] == DEMO_PI["phone"]]
    theirs = [p for p in mock.projects() if p["owner"] == LEAD_PI["phone"]]
    published = next(p for p in ours if p["status"] == "published")
    draft = next(p for p in ours if p["status"] == "draft")
    name = published["modules"]["basic_info"]["project_name"]
    # typed as people do: half-width brackets and a space
    typed = name.replace("（", "(").replace("）", ")").replace("患者", "患者 ")
    old = dt.datetime(2025, 1, 2)
    path = ledger(tmp_path, [
        [typed, "伦-1", old, "张医生", "心内科", "牵头", "", ""],
        [draft["modules"]["basic_info"]["project_name"], "伦-2", old, "张医生", "心内科", "牵头", "", ""],
        ["尚未备案的新研究", "伦-3", dt.datetime.now(), "张医生", "心内科", "牵头", "", ""],
        [theirs[0]["modules"]["basic_info"]["project_name"], "伦-4", old, "", "", "参与", LEAD_UNIT, ""],
        ["牵头单位还没有备案的研究", "伦-5", old, "", "", "参与", LEAD_UNIT, ""],
    ])
    result = autofiler(mock, "reconcile", str(path), "--format", "json", "--exit-code-on-gap", "4")
    assert result.returncode == 4, result.stderr
    doc = json.loads(result.stdout)
    got = [(r["row"], r["finding"], r["site_project_id"]) for r in doc["rows"]]
    assert got == [
        (2, "filed", str(published["id"])), (3, "overdue", str(draft["id"])), (4, "not_filed", None),
        (5, "subcenter_visible", str(theirs[0]["id"])), (6, "subcenter_missing", None),
    ]
    assert doc["rows"][0]["filing_no"] == published["filing_no"]
    in_rows = {published["id"], draft["id"]}
    assert {int(p["site_project_id"]) for p in doc["not_in_ledger"]} == {p["id"] for p in ours} - in_rows


def test_a_bad_ledger_is_reported_before_any_browser_starts(mock, tmp_path):
    path = ledger(tmp_path, [["研究", "", "去年", "", "", "牵头", "", ""]])
    result = autofiler(mock, "reconcile", str(path), "--site", "http://127.0.0.1:9")
    assert result.returncode == 1
    assert "第 2 行 C 列" in result.stderr and "不是日期" in result.stderr


def test_progress_html_page_from_the_site_with_the_check_history(mock, tmp_path):
    import re

    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 10})
    out = tmp_path / "进度.html"
    assert autofiler(mock, "progress", "--all", "--format", "html", "--out", str(out)).returncode == 0
    moving = next(p for p in mock.projects() if p["status"] == "academic_review")
    mock.control("POST", f"projects/{moving['id']}/review", {"decision": "approve", "opinion": "同意"})
    result = autofiler(mock, "progress", "--all", "--format", "html", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    blob = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', text).group(1))
    shown = {p["id"]: p["status_label"] for p in blob["projects"]}
    assert shown[str(moving["id"])] == "伦理审查中"
    assert len(shown) == 10
    assert "历次检查记录" in text  # the time in 学术审查中 comes from the two recorded checks
