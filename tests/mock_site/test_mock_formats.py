"""Pure parts of the mock: value formats, ID check digits, pinyin initials for default passwords, PDF checks."""

from __future__ import annotations

import pytest

from mock_site import formats, pdf
from mock_site.served_catalog import province_code
from mock_site.sheet import default_password


@pytest.mark.parametrize(("name", "password"), [
    ("张三", "zs_123456"), ("单雄信", "sxx_123456"), ("曾国藩", "zgf_123456"), ("解缙", "xj_123456"),
    ("仇英", "qy_123456"), ("朴槿惠", "pjh_123456"), ("区志坚", "ozj_123456"), ("查良镛", "zly_123456"),
    ("覃明", "qm_123456"), ("欧阳修", "oyx_123456"), ("司马光", "smg_123456"), ("诸葛亮", "zgl_123456"),
    ("长孙无忌", "zswj_123456"), ("尉缭", "wl_123456"), ("澹台灭明", "ttmm_123456"), ("阿卜杜拉·艾则孜", "abdlazz_123456"),
])
def test_default_password_reads_surnames_right(name, password):
    assert default_password(name) == password


@pytest.mark.parametrize(("text", "ok"), [
    ("11010519491231002X", True), ("11010519491231002x", True), ("110105194912310021", False),
    ("110105194902300038", False), ("1101051949123100", False),
])
def test_id_numbers(text, ok):
    assert formats.is_id_number(text) is ok


@pytest.mark.parametrize(("text", "ok"), [
    ("13800000000", True), ("010-83572211", True), ("0571-87236666", True), ("01083572211", True),
    ("12800000000", False), ("1380000000", False), ("83572211", False), ("phone", False),
])
def test_phones(text, ok):
    assert formats.is_phone(text) is ok


@pytest.mark.parametrize(("text", "ok"), [
    ("2024-02-29", True), ("2023-02-29", False), ("2025-1-5", False), ("2025-13-01", False),
])
def test_dates_are_real_calendar_dates(text, ok):
    assert formats.is_date(text) is ok


def test_pdf_checks():
    good = pdf.minimal_pdf("x")
    assert pdf.problem(good, 2**20) is None
    assert pdf.problem(b"", 2**20) == "文件为空"
    assert pdf.problem(good + b"x" * 2**20, 2**20) == "文件超过 1 MB"
    assert pdf.problem(good + b"x" * 2**20, 2**19) == "文件超过 0.5 MB"
    assert pdf.problem(b"hello %%EOF", 2**20) == "只能上传 PDF 文件"
    assert pdf.problem(good.replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt 6 0 R"), 2**20) == "文件已加密"


def test_province_codes():
    assert [province_code(p) for p in ("北京市", "上海", "浙江省", "四川省", "广东省", "内蒙古自治区", None)] == \
        ["11", "31", "33", "51", "44", "15", "00"]
