"""Each classic strategy on genuine layui components in Chromium: filled, then judged by the native control's
state read independently of the strategy (and by the strategy's own read)."""

from __future__ import annotations

import pytest

from autofiler.errors import SiteError
from autofiler.site.maps import resolve
from autofiler.site.maps.choose import shipped
from autofiler.site.maps.classic_model import Pick, UiEvents
from autofiler.site.maps.resolve import SiteField
from autofiler.site.widgets_classic import FAMILY
from autofiler.site.widgets_classic.context import Ctx

pytestmark = pytest.mark.e2e


@pytest.fixture(params=["events", "pointer"])
def ctx(request, page, pages_url):
    """The shipped site map, which declares the events layui answers; and the same without them, so that every
    widget is also worked with the pointer, as on a site that declares none."""
    site = resolve.load(shipped("live-2026")).map
    ui = site.ui if request.param == "events" else site.ui.model_copy(update={"events": UiEvents()})
    page.goto(pages_url + "/widgets.html")
    page.wait_for_selector(".layui-form-select")  # layui has rendered the form
    return Ctx(page, ui, site.buttons)


def roundtrip(ctx, field, value):
    item = ctx.item(ctx.page, field)
    FAMILY[field.widget].fill(ctx, item, field, value)
    return FAMILY[field.widget].read(ctx, item, field)


def native(ctx, name):
    return ctx.page.evaluate(
        "(n) => [...document.getElementsByName(n)].filter((e) => e.type !== 'radio' && e.type !== 'checkbox' "
        "|| e.checked).map((e) => e.value)", name)


def test_text_textarea_decimal_and_several_inputs_of_one_name(ctx):
    assert roundtrip(ctx, SiteField("t", "医学研究题目", "text", name="researchTitle"), "一项研究") == "一项研究"
    assert roundtrip(ctx, SiteField("i", "研究创新性", "textarea", name="researchInnovation"), "第一行\n第二行") \
        == "第一行\n第二行"
    assert roundtrip(ctx, SiteField("f", "本研究总经费", "decimal", name="totalFunds"), 12.5) == "12.5"
    kw = SiteField("k", "关键词", "text", name="keyword[]", inputs=5)
    assert roundtrip(ctx, kw, ["肾病", "利妥昔单抗"]) == ["肾病", "利妥昔单抗"]
    assert native(ctx, "keyword[]") == ["肾病", "利妥昔单抗", ""]
    assert native(ctx, "researchTitle") == ["一项研究"]


def test_field_found_by_label_when_it_has_no_name(ctx):
    assert roundtrip(ctx, SiteField("t", "医学研究题目", "text"), "按标签") == "按标签"
    assert native(ctx, "researchTitle") == ["按标签"]


def test_select_then_dependent_select_waits_for_the_parents_options(ctx):
    l1 = SiteField("l1", "研究分类（一级）", "select", name="type1")
    l2 = SiteField("l2", "研究分类（二级）", "dependent_select", name="type2")
    assert roundtrip(ctx, l1, "研究者发起的临床研究") == "研究者发起的临床研究"
    assert roundtrip(ctx, l2, "观察性研究") == "观察性研究"
    assert native(ctx, "type1") == ["1002"] and native(ctx, "type2") == ["2"]
    # the chooser shows the choice too
    assert ctx.page.locator("select[name=type2] + .layui-form-select input").input_value() == "观察性研究"


def test_select_refuses_an_option_the_site_does_not_offer(ctx):
    with pytest.raises(SiteError, match="没有选项"):
        roundtrip(ctx, SiteField("u", "研究参与者年龄", "select", name="minAgeUnit"), "世纪")


def test_two_controls_in_one_item_are_told_apart_by_name(ctx):
    assert roundtrip(ctx, SiteField("a", "研究参与者年龄", "number", name="minAge"), 18) == "18"
    assert roundtrip(ctx, SiteField("u", "研究参与者年龄", "select", name="minAgeUnit"), "岁") == "岁"
    assert native(ctx, "minAge") == ["18"] and native(ctx, "minAgeUnit") == ["岁"]


def test_radio_checkbox_pair_and_group_judged_by_the_checked_inputs(ctx):
    radio = SiteField("r", "数据监察委员会", "radio", name="dsmbFlag")
    assert roundtrip(ctx, radio, "不具有") == "不具有"
    assert native(ctx, "dsmbFlag") == ["0"]
    pair = SiteField("p", "靶点类型", "checkbox_pair", name="targetType")
    assert roundtrip(ctx, pair, "是") == "是"
    assert roundtrip(ctx, pair, "否") == "否"
    assert native(ctx, "targetType") == ["false"]
    group = SiteField("g", "结果发布方式", "checkbox_group", name="releaseMethod[]")
    assert roundtrip(ctx, group, ["期刊发表", "其他"]) == ["期刊发表", "其他"]
    assert roundtrip(ctx, group, ["会议交流"]) == ["会议交流"]
    assert native(ctx, "releaseMethod[]") == ["2"]


def test_dates_are_picked_on_the_calendar_panel(ctx):
    date = SiteField("d", "NMPA批准日期", "date", name="nmpaDate")
    assert roundtrip(ctx, date, "2023-12-05") == "2023-12-05"
    assert roundtrip(ctx, date, "2031-02-28") == "2031-02-28"
    rng = SiteField("r", "研究预计持续时间", "daterange")
    assert roundtrip(ctx, rng, {"start": "2025-03-01", "end": "2027-02-28"}) == \
        {"start": "2025-03-01", "end": "2027-02-28"}
    assert native(ctx, "startTime") == ["2025-03-01"] and native(ctx, "completeTime") == ["2027-02-28"]


def test_repeat_group_adds_fills_and_deletes_rows_after_the_confirm(ctx):
    col = SiteField("criterion", "标准", "text", name="exclusionCriteria[]")
    group = SiteField("ex", "排除标准", "repeat_group", columns=(col,), add_button="增加一项",
                      delete_button="删除本项", delete_confirm=True)
    rows = [{"criterion": "甲"}, {"criterion": "乙"}, {"criterion": "丙"}]
    assert roundtrip(ctx, group, rows) == rows
    assert native(ctx, "exclusionCriteria[]") == ["甲", "乙", "丙"]
    assert roundtrip(ctx, group, [{"criterion": "丁"}]) == [{"criterion": "丁"}]
    assert native(ctx, "exclusionCriteria[]") == ["丁"]


def test_modal_pick_ticks_the_exact_row_and_reads_the_table(ctx):
    pick = SiteField("d", "学科分类", "modal_pick", pick=Pick(open="选择", search_column="学科名称"))
    assert roundtrip(ctx, pick, ["心血管病学", "肾脏病学"]) == ["心血管病学", "肾脏病学"]
    picked = ctx.page.locator("#picked tbody td:first-child").all_inner_texts()
    assert picked == ["心血管病学", "肾脏病学"]


def test_autocomplete_clicks_the_exact_suggestion(ctx):
    ac = SiteField("i", "机构名称", "autocomplete", name="branch.organizationName")
    assert roundtrip(ctx, ac, "北京大学第一医院") == "北京大学第一医院"
    assert ctx.page.locator(".live-suggest li").count() == 0  # the list closed: the item was clicked
    assert native(ctx, "branch.organizationName") == ["北京大学第一医院"]


def test_pdf_upload_shows_the_file_name(ctx, tmp_path):
    pdf = tmp_path / "protocol.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    up = SiteField("p", "研究方案", "pdf")
    assert roundtrip(ctx, up, str(pdf)) == "protocol.pdf"
