"""--shuffle-dom and --error-status 200 on the Element face, in Chromium: what a person sees and does."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.mock_site.element.test_element_face import new_project, stored
from tests.mock_site.element.ui import (
    choose,
    choose_many,
    item,
    open_tab,
    pane,
    pick_date,
    pick_range,
    radio,
    save,
)
from tests.support import MockServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def shuffled():
    server = MockServer("--face", "sop-2020", "--shuffle-dom")
    yield server
    server.stop()


def snapshot(page: Page) -> dict:
    return page.evaluate("""() => {
        const pane = document.querySelector('.el-tab-pane:not([aria-hidden])');
        return {
            labels: [...pane.querySelectorAll('.el-form-item__label')].map(e => e.textContent.trim()),
            fors: [...pane.querySelectorAll('.el-form-item__label')].map(e => e.getAttribute('for')),
            classes: [...pane.querySelectorAll('.mr-form > .el-form-item')].map(e => e.getAttribute('class')),
            ids: [...document.querySelectorAll('.el-tabs [id]')].map(e => e.id),
            tabs: [...document.querySelectorAll('.el-tabs__item')].map(e => e.textContent.trim()),
        };
    }""")


def test_order_ids_and_classes_change_per_load_but_labels_do_not(page: Page, shuffled: MockServer) -> None:
    shuffled.reset()
    new_project(page, shuffled.url)
    first = snapshot(page)
    page.reload()
    expect(page.locator(".el-tabs__item.is-active")).to_have_text("基本信息")
    second = snapshot(page)
    assert first["tabs"] == second["tabs"] == ["基本信息", "实施信息", "研究内容", "研究设计", "招募信息", "其他信息",
                                               "数据共享", "相关附件"]
    assert sorted(first["labels"]) == sorted(second["labels"])
    assert first["labels"] != second["labels"]  # 13 items in the same order twice: a 1-in-6-billion chance
    assert not {"tab-basic_info", "pane-basic_info"} & set(first["ids"] + second["ids"])
    assert set(first["ids"]).isdisjoint(second["ids"])
    assert "project_name" not in first["fors"] and set(first["fors"]).isdisjoint(second["fors"])
    assert set(first["classes"]) != set(second["classes"])  # the extra classes are drawn anew


def test_a_person_fills_basic_info_by_its_labels(page: Page, shuffled: MockServer) -> None:
    shuffled.reset()
    pid = new_project(page, shuffled.url)
    form = pane(page)
    item(form, "项目名称").locator("input").fill("二甲双胍联合治疗的随机对照研究")
    radio(item(form, "项目类型"), "非注册临床研究")
    choose(page, item(form, "项目来源"), "省部级纵向课题", query="省部")
    item(form, "二级项目来源").locator("input").fill("省自然科学基金")
    item(form, "备案题目").locator("input").fill("二甲双胍联合治疗研究")
    pick_range(page, item(form, "本临床试验预计持续时间"), "2025-03-01", "2027-02-28")
    choose_many(page, item(form, "研究领域"), ["内分泌学", "药学"])
    radio(item(form, "是否需在中国临床试验注册中心网站公开"), "否")
    item(form, "伦理委员会名称").locator("input").fill("示例医院伦理委员会")
    item(form, "伦理审查批件号").locator("input").fill("2025-伦审-017")
    pick_date(page, item(form, "伦理审查批准日期"), "2025-01-15")
    save(page, form)
    basic = stored(shuffled, pid)["modules"]["basic_info"]
    assert (basic["project_name"], basic["project_source"], basic["research_fields"]) == (
        "二甲双胍联合治疗的随机对照研究", "省部级纵向课题", ["内分泌学", "药学"])
    # another pane by its tab's label, and back (the random pane names still switch the panes)
    open_tab(page, "招募信息")
    expect(item(pane(page), "招募联系人")).to_be_visible()
    open_tab(page, "基本信息")
    expect(item(pane(page), "项目名称").locator("input")).to_have_value("二甲双胍联合治疗的随机对照研究")


def test_a_refusal_answered_200_still_shows_its_messages(page: Page) -> None:
    server = MockServer("--face", "sop-2020", "--error-status", "200")
    try:
        pid = new_project(page, server.url)
        form = open_tab(page, "招募信息")
        item(form, "联系人电话").locator("input").fill("12345")
        with page.expect_response(lambda r: "/modules/" in r.url) as answer:
            form.locator("button.el-button", has_text="保存").click()
        assert answer.value.status == 200 and answer.value.json()["code"] == 1
        expect(page.locator(".el-message--error", has_text="请检查标红的字段")).to_be_visible()
        phone = item(form, "联系人电话")
        expect(phone).to_have_class(re.compile(r"\bis-error\b"))
        expect(phone.locator(".el-form-item__error")).to_have_text("联系人电话格式不正确")
        assert "recruitment" not in stored(server, pid)["modules"]
    finally:
        server.stop()
