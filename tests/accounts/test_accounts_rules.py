"""Each cell rule with a value that fails it and one that passes."""

from __future__ import annotations

import pytest

from autofiler.accounts.cell_rules import check_value

PASSING = [
    ("姓名", "张三"), ("姓名", "John Smith"), ("姓名", "阿依古丽·买买提"),
    ("移动电话", "13812345678"), ("移动电话", "19912345678"),
    ("固定电话", "010-12345678"), ("固定电话", "0571-87654321"), ("固定电话", "0571-8765432"),
    ("固定电话", "010-12345678-801"),
    ("邮箱", "zhang.san+irb@hospital.edu.cn"),
    ("邮编", "100034"), ("邮编", "010010"),
    ("性别", "男"), ("性别", "女"), ("性别", "Male"), ("性别", "FEMALE"),
    ("研究领域", "心血管病学"), ("研究领域", "心血管病学;老年医学"),
    ("密码", "Str0ngPass"),
    ("院系/科室", "任意内容；都可以"),
]

FAILING = [
    ("姓名", "张三2", "name.format"),
    ("移动电话", "1381234567", "mobile.format"),
    ("移动电话", "12812345678", "mobile.format"),
    ("移动电话", "138-1234-5678", "mobile.format"),
    ("移动电话", "+8613812345678", "mobile.format"),
    ("固定电话", "12345678", "landline.format"),
    ("固定电话", "010-1234567", "landline.format"),
    ("固定电话", "(010)12345678", "landline.format"),
    ("固定电话", "010-8888888", "landline.format"),  # 010 and 02x take 8 digits
    ("固定电话", "021-1234567", "landline.format"),
    ("固定电话", "011-12345678", "landline.format"),  # not an area code
    ("固定电话", "0571-123456", "landline.format"),
    ("姓名", "张 三", "name.space"),
    ("姓名", "张　三", "name.space"),  # a full-width space
    ("姓名", "阿依古丽 买买提", "name.space"),
    ("邮箱", "zhangsan.example.com", "email.format"),
    ("邮箱", "zhangsan@example", "email.format"),
    ("邮箱", "zhang san@example.com", "email.format"),
    ("邮编", "10003", "postcode.format"),
    ("邮编", "10003A", "postcode.format"),
    ("性别", "M", "sex.option"),
    ("性别", "男性", "sex.option"),
    ("研究领域", "心血管病学；老年医学", "fields.full_width_semicolon"),
    ("研究领域", "心血管病学;;老年医学", "fields.empty_item"),
    ("研究领域", ";心血管病学", "fields.empty_item"),
    ("研究领域", "心血管病学;", "fields.empty_item"),
]


@pytest.mark.parametrize(("column", "value"), PASSING)
def test_passing_values(column: str, value: str) -> None:
    assert check_value(column, value) == []


@pytest.mark.parametrize(("column", "value", "rule"), FAILING)
def test_failing_values(column: str, value: str, rule: str) -> None:
    problems = check_value(column, value)
    assert rule in [p.rule for p in problems]
    assert all(p.severity == "error" for p in problems if p.rule == rule)


def test_full_width_semicolon_message_says_so() -> None:
    [problem] = check_value("研究领域", "心血管病学；老年医学")
    assert "中文分号「；」" in problem.message and "英文分号「;」" in problem.message


def test_empty_item_message_names_the_item() -> None:
    [problem] = check_value("研究领域", "心血管病学;;老年医学")
    assert "第 2 项" in problem.message


def test_mobile_with_spaces_suggests_the_clean_number() -> None:
    [problem] = check_value("移动电话", "138 1234 5678")
    assert "13812345678" in problem.message


def test_full_width_at_sign_is_named() -> None:
    [problem] = check_value("邮箱", "zhangsan＠example.com")
    assert "「＠」" in problem.message


def test_comma_in_research_fields_is_only_a_warning() -> None:
    [problem] = check_value("研究领域", "心血管病学、老年医学")
    assert problem.severity == "warning" and problem.rule == "fields.separator"


def test_short_password_is_a_warning_that_does_not_show_it() -> None:
    [problem] = check_value("密码", "abc123")
    assert problem.severity == "warning" and problem.rule == "password.weak"
    assert "abc123" not in problem.message and "6 位" in problem.message


def test_a_space_inside_a_chinese_name_says_to_remove_it() -> None:
    [problem] = check_value("姓名", "张 三")
    assert problem.rule == "name.space" and "张三" in problem.message
