"""Every rule through a real sheet: one row that breaks it (and nothing else), beside rows that pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from autofiler.accounts.check import SheetCheck, check_file
from tests.accounts.sheets import applicant, resident_id, write_sheet

GOOD_ID = resident_id("32010219900307123")
BAD_CHECK_DIGIT = GOOD_ID[:17] + ("0" if GOOD_ID[17] != "0" else "1")

# (rule, severity, column, the changes that make an otherwise valid row break only that rule)
CASES = [
    ("required", "error", "邮箱", {"邮箱": ""}),
    ("name.format", "error", "姓名", {"姓名": "张三2"}),
    ("cell.whitespace", "warning", "姓名", {"姓名": " 张三"}),
    ("cell.numeric", "error", "证件号码", {"证件号码": 320102199003071230}),
    ("id.check_digit", "error", "证件号码", {"证件号码": BAD_CHECK_DIGIT}),
    ("id.birth_date", "error", "证件号码", {"证件号码": resident_id("32010219901307123")}),
    ("id.region", "error", "证件号码", {"证件号码": resident_id("00010219900307123")}),
    ("id.length", "error", "证件号码", {"证件号码": GOOD_ID[:17]}),
    ("id.not_resident", "warning", "证件号码", {"证件号码": "E98765432"}),
    ("id.lower_x", "warning", "证件号码", {"证件号码": "11010519491231002x"}),
    ("sex.option", "error", "性别", {"性别": "M"}),
    ("landline.format", "error", "固定电话", {"固定电话": "12345678"}),
    ("mobile.format", "error", "移动电话", {"移动电话": "1391234567"}),
    ("email.format", "error", "邮箱", {"邮箱": "pi.example.com"}),
    ("postcode.format", "error", "邮编", {"邮编": "1000"}),
    ("fields.full_width_semicolon", "error", "研究领域", {"研究领域": "心血管病学；老年医学"}),
    ("fields.empty_item", "error", "研究领域", {"研究领域": "心血管病学;"}),
    ("fields.separator", "warning", "研究领域", {"研究领域": "心血管病学、老年医学"}),
    ("password.weak", "warning", "密码", {"密码": "abc12"}),
    ("work.format", "error", "工作经历", {"工作经历": "2005-04+2010-03+A医院外科"}),
    ("history.month", "error", "工作经历", {"工作经历": "2005/04+2010-03+A医院外科+主治医师"}),
    ("history.order", "error", "工作经历", {"工作经历": "2010-04+2005-03+A医院外科+主治医师"}),
    ("history.full_width", "error", "工作经历", {"工作经历": "2005-04+2010-03+A医院外科+主治医师｜｜"}),
    ("education.format", "error", "教育背景", {"教育背景": "1995-09+2000-07+北医+临床医学+本科"}),
    ("education.level", "error", "教育背景", {"教育背景": "1995-09+2000-07+北医+临床医学+大学+学士"}),
    ("education.degree", "error", "教育背景", {"教育背景": "1995-09+2000-07+北医+临床医学+本科+医学学士"}),
]


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> SheetCheck:
    rows = [applicant(0)] + [applicant(i + 1, **changes) for i, (*_, changes) in enumerate(CASES)]
    rows.append(applicant(len(CASES) + 1, 邮箱=applicant(0)["邮箱"]))  # duplicate of the first row
    rows.append(applicant(len(CASES) + 2))
    return check_file(write_sheet(Path(tmp_path_factory.mktemp("rows")) / "rules.xlsx", rows))


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=[c[0] for c in CASES])
def test_the_row_breaks_exactly_its_rule(result: SheetCheck, index: int, case) -> None:
    rule, severity, column, _ = case
    found = [(f.rule, f.severity, f.column) for f in result.row_findings(index + 3)]
    assert found == [(rule, severity, column)]


def test_valid_rows_pass(result: SheetCheck) -> None:
    assert result.row_findings(2) == []
    assert result.row_findings(len(CASES) + 4) == []


def test_duplicate_row(result: SheetCheck) -> None:
    [finding] = result.row_findings(len(CASES) + 3)
    assert (finding.rule, finding.column) == ("duplicate", "邮箱") and "第 2 行" in finding.message
