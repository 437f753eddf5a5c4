"""工作经历 and 教育背景: items joined by ||, parts by +, months YYYY-MM, allowed 学历 and 学位."""

from __future__ import annotations

import pytest

from autofiler.accounts.history import check_education, check_work

WORK_OK = [
    "2005-04+2010-03+A医院外科+主治医师",
    "2005-04+2010-03+A医院外科+主治医师||2010-04+2020-12+B医院心内科+副主任医师",
    "2010-04+2010-04+B医院+进修",  # same month: an end not before its start
]
WORK_BAD = [
    ("2005-04+2010-03+A医院外科", "work.format"),
    ("2005-04+2010-03+A医院+主治医师+多余", "work.format"),
    ("2005-04+2010-03+A医院外科+主治医师||", "work.format"),
    ("2005-04+2010-03++主治医师", "work.format"),
    ("2005-4+2010-03+A医院+主治医师", "history.month"),
    ("2005.04+2010-03+A医院+主治医师", "history.month"),
    ("2005-13+2010-03+A医院+主治医师", "history.month"),
    ("2010-04+2005-03+A医院+主治医师", "history.order"),
    ("2005-04＋2010-03＋A医院＋主治医师", "history.full_width"),
]
EDU_OK = [
    "1995-09+2000-07+北京大学医学部+临床医学+本科+学士",
    "2000-09+2005-07+北京大学医学部+内科学+博士研究生+博士||2005-09+2007-07+协和+内科学+硕士研究生+硕士",
    "1992-09+1995-07+某中学+理科+高中+无",
    "1995-09+1998-07+某卫校+护理+专科+无",
]
EDU_BAD = [
    ("1995-09+2000-07+北京大学医学部+临床医学+本科", "education.format"),
    ("1995-09+2000-07+北京大学医学部+临床医学+大专+学士", "education.level"),
    ("1995-09+2000-07+北京大学医学部+临床医学+本科+学士学位", "education.degree"),
    ("1995-09+2000-07+北京大学医学部+临床医学+本科+无", "education.degree"),
    ("1995-09+1998-07+某卫校+护理+专科+学士", "education.degree"),
    ("2000-07+1995-09+北京大学医学部+临床医学+本科+学士", "history.order"),
    ("1995-09+2000-7+北京大学医学部+临床医学+本科+学士", "history.month"),
]


@pytest.mark.parametrize("value", WORK_OK)
def test_work_passes(value: str) -> None:
    assert check_work(value) == []


@pytest.mark.parametrize(("value", "rule"), WORK_BAD)
def test_work_fails(value: str, rule: str) -> None:
    assert rule in [p.rule for p in check_work(value)]


@pytest.mark.parametrize("value", EDU_OK)
def test_education_passes(value: str) -> None:
    assert check_education(value) == []


@pytest.mark.parametrize(("value", "rule"), EDU_BAD)
def test_education_fails(value: str, rule: str) -> None:
    assert rule in [p.rule for p in check_education(value)]


def test_messages_name_the_item_and_the_fix() -> None:
    [problem] = check_work("2005-04+2010-03+A医院+主治医师||2005.4+2010-03+B医院+主任医师")
    assert "第 2 段" in problem.message and "2005-04" in problem.message
    [problem] = check_education("1995-09+1998-07+某卫校+护理+专科+学士")
    assert "「无」" in problem.message


def test_a_single_bar_between_items_is_explained() -> None:
    [problem] = check_work("2005-04+2010-03+A医院+主治医师|2010-04+2020-12+B医院+副主任医师")
    assert "||" in problem.message
