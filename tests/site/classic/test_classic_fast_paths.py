"""The classic driver's quick ways, on genuine layui in Chromium, each judged by what the page holds or heard:
an item found in one pass is the item the searching locator finds; text set by script reaches the page's
listeners; a disabled input is refused, not silently skipped; a button under a passing message is pressed while
the message stands; a tab read in one pass reads what each widget reads alone, and a hidden field as not shown."""

from __future__ import annotations

import pytest

from autofiler.errors import SiteError
from autofiler.site.maps import resolve
from autofiler.site.maps.choose import shipped
from autofiler.site.maps.resolve import SiteField
from autofiler.site.widgets_classic import FAMILY
from autofiler.site.widgets_classic.context import BY_LABEL, Ctx
from autofiler.site.widgets_classic.reading import read_fields

pytestmark = pytest.mark.e2e

TITLE = SiteField("t", "医学研究题目", "text", name="researchTitle")
FIELDS = [
    TITLE,
    SiteField("t2", "医学研究题目", "text"),  # by its label
    SiteField("u", "研究参与者年龄", "select", name="minAgeUnit"),
    SiteField("a", "研究参与者年龄", "number", name="minAge"),
    SiteField("r", "数据监察委员会", "radio", name="dsmbFlag"),
    SiteField("g", "结果发布方式", "checkbox_group", name="releaseMethod[]"),
    SiteField("d", "NMPA批准日期", "date", name="nmpaDate"),
    SiteField("dr", "研究预计持续时间", "daterange"),
    SiteField("c", "标准", "text", name="exclusionCriteria[]"),
    SiteField("ex", "排除标准", "repeat_group", columns=(SiteField("criterion", "标准", "text",
                                                                    name="exclusionCriteria[]"),)),
    SiteField("p", "学科分类", "modal_pick"),  # its label starts with a required mark
    SiteField("up", "研究方案", "pdf"),
]


@pytest.fixture
def ctx(page, pages_url):
    site = resolve.load(shipped("live-2026")).map
    page.goto(pages_url + "/widgets.html")
    page.wait_for_selector(".layui-form-select")
    return Ctx(page, site.ui, site.buttons)


def same_element(a, b) -> bool:
    return bool(a.element_handle().evaluate("(x, y) => x === y", b.element_handle()))


@pytest.mark.parametrize("field", FIELDS, ids=[f.key for f in FIELDS])
def test_an_item_found_in_one_pass_is_the_one_the_searching_locator_finds(ctx, field):
    by_name = bool(field.name) and field.widget not in BY_LABEL
    assert same_element(ctx.item(ctx.page, field), ctx._searching(ctx.page, field, by_name))


def test_a_field_not_shown_gets_the_searching_locator_which_finds_nothing_yet(ctx):
    ctx.page.evaluate("document.querySelector('[name=researchTitle]').closest('.layui-form-item')"
                      ".style.display = 'none'")
    assert ctx.item(ctx.page, TITLE).count() == 0


def test_text_set_by_script_reaches_the_pages_listeners(ctx):
    FAMILY["text"].fill(ctx, ctx.item(ctx.page, TITLE), TITLE, "一项研究")
    assert ctx.page.input_value("[name=researchTitle]") == "一项研究"
    assert ctx.page.inner_text("#heard").split() == ["input", "change"]


def test_a_disabled_input_is_refused_not_skipped(ctx):
    ctx.page.evaluate("document.querySelector('[name=researchTitle]').disabled = true")
    with pytest.raises(SiteError, match="未接受"):
        FAMILY["text"].fill(ctx, ctx.item(ctx.page, TITLE), TITLE, "一项研究")
    assert ctx.page.input_value("[name=researchTitle]") == ""


def test_a_button_under_a_message_is_pressed_while_the_message_stands(ctx):
    page = ctx.page
    page.evaluate("() => { const b = document.getElementById('press'); b.style.transition = 'none';"
                  " b.style.position = 'fixed';"
                  " b.style.top = '50%'; b.style.left = '50%'; b.style.transform = 'translate(-50%, -50%)';"
                  " layui.layer.msg('上传成功', {time: 60000}); }")
    message = page.locator(ctx.ui.message)
    message.wait_for(state="visible")
    ctx.click(page.locator("#press"))
    assert page.inner_text("#heard").split() == ["pressed"]
    assert message.is_visible()  # the press did not wait for the message to go


def test_a_tab_read_in_one_pass_reads_what_each_widget_reads_alone(ctx):
    page = ctx.page
    values = {"t": "题目", "u": "岁", "a": 18, "r": "不具有", "g": ["其他"], "d": "2024-02-29",
              "dr": {"start": "2025-03-01", "end": "2027-02-28"}, "ex": [{"criterion": "甲"}, {"criterion": "乙"}]}
    fields = {f.key: f for f in FIELDS}
    for key, value in values.items():
        f = fields[key]
        FAMILY[f.widget].fill(ctx, ctx.item(page, f), f, value)
    page.evaluate("document.querySelector('[name=nmpaDate]').closest('.layui-form-item').style.display = 'none'")
    form = page.locator("form.layui-form")
    got = read_fields(ctx, form, FIELDS, FAMILY)
    assert got["d"] == (False, None)  # hidden: not shown, whatever it holds
    alone = {f.key: FAMILY[f.widget].read(ctx, ctx.item(form, f), f) for f in FIELDS if f.key != "d"}
    assert {k: v for k, (shown, v) in got.items() if k != "d"} == alone
    assert alone["t"] == "题目" and alone["u"] == "岁" and alone["a"] == "18" and alone["r"] == "不具有"
    assert alone["g"] == ["其他"] and alone["dr"] == {"start": "2025-03-01", "end": "2027-02-28"}
    assert alone["ex"] == [{"criterion": "甲"}, {"criterion": "乙"}] and alone["p"] is None
