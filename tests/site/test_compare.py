from __future__ import annotations

import pytest

from autofiler.site import sitemap
from autofiler.site.compare import ABSENT, diff_module, expected, holds, normal, same, show

MAP = sitemap.load()


@pytest.mark.parametrize(("kind", "want", "have"), [
    ("text", " 张三 ", "张三"),
    ("text", None, ""),
    ("text", "", None),
    ("number", 120, "120"),
    ("number", 120, 120.0),
    ("date", "2025-04-20", "2025-04-20"),
    ("daterange", {"start": "2025-06-01", "end": "2028-05-31"}, {"start": "2025-06-01", "end": "2028-05-31"}),
    ("multiselect", ["心血管病学", "内分泌学"], ["内分泌学", "心血管病学"]),
    ("multiselect", [], None),
    ("institution", {"name": "某县人民医院", "province": "河北省"}, "某县人民医院"),
    ("file", "/abs/path/files/mc-protocol.pdf", ["mc-protocol.pdf"]),
    ("files", ["/a/x.pdf", "/b/y.pdf"], ["y.pdf", "x.pdf"]),
    ("files", [], []),
])
def test_equal_values(kind, want, have):
    assert same(kind, want, have)


@pytest.mark.parametrize(("kind", "want", "have"), [
    ("text", "张三", "张四"),
    ("number", 120, 121),
    ("date", "2025-04-20", "2025-04-21"),
    ("daterange", {"start": "2025-06-01", "end": "2028-05-31"}, {"start": "2025-06-01", "end": None}),
    ("multiselect", ["心血管病学", "内分泌学"], ["心血管病学"]),
    ("file", "/p/a.pdf", ["b.pdf"]),
    ("files", ["/a/x.pdf"], ["x.pdf", "stale.pdf"]),
    ("text", "张三", ABSENT),
])
def test_different_values(kind, want, have):
    assert not same(kind, want, have)


def test_tables_compare_row_by_row_with_column_kinds():
    units = MAP.module("implementation").field("participating_units")
    want = [{"institution": {"name": "某县人民医院"}, "unit_pi_name": "王五", "unit_pi_phone": "0312-5551234"}]
    have = [{"institution": "某县人民医院", "unit_pi_name": "王五", "unit_pi_phone": "0312-5551234",
             "unit_pi_email": None}]
    assert same("table", want, have, units.columns)
    assert not same("table", want, have + have, units.columns)
    assert not same("table", want, [{**have[0], "unit_pi_name": "王六"}], units.columns)
    assert normal("table", [], units.columns) is None


def test_conditions_of_the_site_map():
    assert holds(None, {})
    assert holds("project_source == 国际合作项目", {"project_source": "国际合作项目"})
    assert not holds("project_source == 国际合作项目", {"project_source": "其他"})
    assert holds("design_type startswith 随机", {"design_type": "随机平行对照"})
    assert not holds("design_type startswith 随机", {})
    assert holds("kind in [a, b]", {"kind": "b"}) and not holds("kind in [a, b]", {"kind": "c"})


def test_expected_keeps_shown_fields_twins_and_stated_readonly_values():
    basic = MAP.module("basic_info")
    want = expected(basic, {"project_name": "名", "project_name_en": "Name", "project_source": "其他"})
    assert want["project_name_en"] == "Name"
    assert "commissioning_unit" not in want and "cooperating_unit" not in want
    assert want["project_number"] is None  # optional, absent: the page must be empty there
    impl = MAP.module("implementation")
    assert "lead_unit" not in expected(impl, {})
    assert expected(impl, {"lead_unit": "示例医院"})["lead_unit"] == "示例医院"
    assert "participating_units" not in expected(impl, {"has_participating_units": "无"})


def test_diff_names_labels_and_skips_absent_empty_fields():
    basic = MAP.module("basic_info")
    want = {"project_name": "新名称", "project_name_en": "New", "project_number": None}
    have = {"project_name": "旧名称", "project_number": None}
    diffs = diff_module(basic, want, have, {"project_name_en"}, "（英文）")
    assert [(d.key, d.label) for d in diffs] == [("project_name", "项目名称"), ("project_name_en", "项目名称（英文）")]
    assert diffs[1].have is ABSENT
    assert diff_module(basic, {"project_number": None}, {}, {"project_number"}) == []


def test_show_is_short_and_human():
    assert show(ABSENT).startswith("（页面上没有")
    assert show(None).startswith("（空")
    assert show({"start": "2025-01-01", "end": "2026-01-01"}) == "2025-01-01 至 2026-01-01"
    assert show("/x/y/protocol.pdf") == "protocol.pdf"
    assert show(["a", "b"]) == "a、b"
    assert len(show("长" * 200)) == 80
