"""The editor's widgets behave as Element UI's do, traps included, when a person uses them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.mock_site import test_pages_helpers as ui
from tests.mock_site.api_support import client, complete, save

pytestmark = pytest.mark.e2e


@pytest.fixture
def editor(page: Page, mock) -> int:
    ui.login(page)
    return ui.new_project(page)


def test_tabs_keep_every_pane_in_the_dom_and_hide_the_others(page: Page, editor):
    panes = page.locator(".el-tab-pane")
    expect(panes).to_have_count(8)
    expect(page.locator(".el-tabs__item[role=tab]")).to_have_text(
        ["基本信息", "实施信息", "研究内容", "研究设计", "招募信息", "其他信息", "数据共享", "相关附件"])
    expect(page.locator(".el-tab-pane[aria-hidden=true]")).to_have_count(7)
    ui.tab(page, "研究设计")
    active = page.locator(ui.ACTIVE)
    expect(active).to_have_count(1)
    expect(active.locator(".el-form-item__label").first).to_have_text("研究设计")
    # the same 保存 exists once per pane
    expect(page.locator("button.el-button").filter(has_text="保存")).to_have_count(8)
    page.goto(f"/projects/{editor}/edit?tab=recruitment")
    expect(page.locator(".el-tabs__item.is-active")).to_have_text("招募信息")


def test_labels_point_nowhere_and_required_marks_are_css(page: Page, editor):
    label = ui.item(page, "项目名称").locator(".el-form-item__label")
    assert label.get_attribute("for") == "project_name"
    expect(page.locator("#project_name")).to_have_count(0)
    expect(label).to_have_text("项目名称")
    expect(ui.item(page, "项目名称")).to_have_class(re.compile(r"\bis-required\b"))
    expect(ui.item(page, "项目编号")).not_to_have_class(re.compile(r"\bis-required\b"))


def test_text_counts_and_cuts_at_its_max_length(page: Page, editor):
    box = ui.item(page, "备案题目简写")
    box.locator("input").fill("x" * 60)
    expect(box.locator("input")).to_have_value("x" * 50)
    expect(box.locator(".el-input__count")).to_have_text("50/50")


def test_number_commits_on_enter_or_blur_clamps_and_reverts(page: Page, editor):
    ui.tab(page, "招募信息")
    spin = ui.item(page, "最小年龄（岁）").locator("input[role=spinbutton]")
    expect(spin).to_have_attribute("aria-valuenow", "undefined")
    spin.fill("-5")
    expect(spin).to_have_attribute("aria-valuenow", "undefined")  # typed, not committed yet
    spin.press("Enter")
    expect(spin).to_have_attribute("aria-valuenow", "0")  # below min: clamped
    expect(spin).to_have_value("0")
    spin.fill("abc")
    ui.item(page, "招募联系人").locator("input").click()  # blur
    expect(spin).to_have_value("0")  # not a number: back to the committed value
    spin.fill("200")
    spin.press("Enter")
    expect(spin).to_have_attribute("aria-valuenow", "150")
    ui.item(page, "最大年龄（岁）").locator(".el-input-number__increase").click()
    expect(ui.item(page, "最大年龄（岁）").locator("input[role=spinbutton]")).to_have_attribute("aria-valuenow", "1")


def test_date_rolls_over_impossible_dates_and_picks_from_the_panel(page: Page, editor):
    box = ui.item(page, "伦理审查批准日期").locator("input")
    expect(box).to_have_attribute("placeholder", "选择日期")
    box.click()
    panel = page.locator("body > .el-picker-panel.el-date-picker")
    expect(panel).to_be_visible()
    box.fill("2025-13-45")
    box.press("Enter")
    expect(panel).to_be_hidden()
    expect(panel).to_have_count(1)  # still in the DOM, hidden
    expect(box).to_have_value("2026-02-14")
    box.click()
    expect(panel.locator(".el-date-picker__header-label")).to_have_text(["2026 年", "2 月"])
    panel.locator("td.available").filter(has_text=re.compile(r"^3$")).click()
    expect(box).to_have_value("2026-02-03")
    expect(panel).to_be_hidden()
    # text that is not a date does not commit; closing the panel restores the value
    box.click()
    box.fill("soon")
    box.press("Enter")
    expect(panel).to_be_visible()
    box.press("Escape")
    expect(box).to_have_value("2026-02-03")


def test_daterange_commits_both_ends_on_enter(page: Page, editor):
    ui.daterange(page, "本临床试验预计持续时间", "2025-3-1", "2027-02-28")
    values = ui.item(page, "本临床试验预计持续时间").locator("input.el-range-input")
    assert values.evaluate_all("els => els.map(e => e.value)") == ["2025-03-01", "2027-02-28"]
    expect(ui.item(page, "本临床试验预计持续时间").locator(".el-range-separator")).to_have_text("至")


def test_select_is_readonly_until_opened_then_filters_and_picks_by_keyboard(page: Page, editor):
    box = ui.item(page, "项目来源").locator(".el-select")
    field = box.locator("input.el-input__inner")
    expect(field).to_have_attribute("readonly", "")
    expect(box.locator(".el-select-dropdown")).to_have_count(1)  # inside the component until first opened
    field.click()
    dropdown = page.locator("body > .el-select-dropdown")
    expect(dropdown).to_be_visible()
    expect(box.locator(".el-select-dropdown")).to_have_count(0)
    field.press_sequentially("合作")
    expect(dropdown.locator("li.el-select-dropdown__item:visible")).to_have_text(["国际合作项目"])
    field.press("Enter")  # nothing hovered yet: Enter alone picks nothing
    expect(dropdown).to_be_visible()
    field.press("ArrowDown")
    expect(dropdown.locator("li.hover")).to_have_text("国际合作项目")
    field.press("Enter")
    expect(dropdown).to_be_hidden()
    expect(field).to_have_value("国际合作项目")
    expect(ui.item(page, "合作单位")).to_have_count(1)
    field.click()
    field.fill("没有这一项")
    expect(dropdown.locator(".el-select-dropdown__empty")).to_have_text("无匹配数据")
    field.press("Escape")
    expect(dropdown).to_be_hidden()
    expect(field).to_have_value("国际合作项目")


def test_multiselect_stays_open_until_escape_and_tags_can_be_removed(page: Page, editor):
    box = ui.item(page, "研究领域").locator(".el-select")
    box.click()
    dropdown = page.locator(ui.OPEN_DROPDOWN)
    dropdown.locator("li").filter(has_text=ui.exact("肾脏病学")).click()
    dropdown.locator("li").filter(has_text=ui.exact("药学")).click()
    expect(dropdown).to_be_visible()
    box.locator("input.el-select__input").press_sequentially("免疫")
    expect(dropdown.locator("li:visible")).to_have_text(["风湿免疫学"])
    box.locator("input.el-select__input").press("ArrowDown")
    box.locator("input.el-select__input").press("Enter")
    page.keyboard.press("Escape")
    expect(page.locator(ui.OPEN_DROPDOWN)).to_have_count(0)
    tags = box.locator(".el-select__tags-text")
    expect(tags).to_have_text(["肾脏病学", "药学", "风湿免疫学"])
    box.locator(".el-tag").filter(has_text="药学").locator(".el-tag__close").click()
    expect(tags).to_have_text(["肾脏病学", "风湿免疫学"])


def test_conditional_items_and_english_twins_come_and_go_live(page: Page, editor):
    expect(ui.item(page, "委托单位")).to_have_count(0)
    ui.select(page, "项目来源", "企事业单位委托研究项目")
    order = page.locator(ui.ACTIVE).locator(".el-form-item__label").all_inner_texts()
    assert order[order.index("二级项目来源") + 1] == "委托单位"  # in its catalog place
    # the form's rules changed: as in Element, empty required items flash red until they are filled
    expect(ui.item(page, "委托单位").locator(".el-form-item__error")).to_have_text("请填写委托单位")
    expect(ui.item(page, "项目类型").locator(".el-form-item__error")).to_have_text("请选择项目类型")
    ui.text(page, "委托单位", "某药业")
    expect(ui.item(page, "委托单位").locator(".el-form-item__error")).to_have_count(0)
    expect(ui.item(page, "委托单位")).not_to_have_class(re.compile(r"\bis-error\b"))
    ui.select(page, "项目来源", "国际合作项目")
    expect(ui.item(page, "委托单位")).to_have_count(0)
    expect(ui.item(page, "合作单位")).to_have_count(1)
    ui.select(page, "项目来源", "企事业单位委托研究项目")
    expect(ui.item(page, "委托单位").locator("input")).to_have_value("某药业")  # kept while hidden
    ui.radio(page, "是否需在中国临床试验注册中心网站公开", "是")
    labels = page.locator(ui.ACTIVE).locator(".el-form-item__label").all_inner_texts()
    assert labels[labels.index("项目名称") + 1] == "项目名称（英文）"
    ui.radio(page, "是否需在中国临床试验注册中心网站公开", "否")
    expect(ui.item(page, "项目名称（英文）")).to_have_count(0)
    # leaving with unsaved changes: the guard asks first, and 取消 stays
    page.locator(".el-tabs__item[role=tab]").filter(has_text="数据共享").click()
    page.locator(".el-message-box").locator("button").filter(has_text="取消").click()
    expect(page.locator(".el-tabs__item.is-active")).to_have_text("基本信息")


def test_english_twins_of_other_modules_follow_the_saved_basic_info(page: Page, editor, mock):
    c = client(mock)
    basic = {**complete()["basic_info"], "publish_to_chictr": "是", "project_name_en": "Rituximab study"}
    assert save(c, editor, "basic_info", basic).status_code == 200
    c.close()
    page.goto(f"/projects/{editor}/edit?tab=research_content")
    for label in ("研究疾病", "研究目的", "纳入标准", "排除标准"):
        expect(ui.item(page, label + "（英文）")).to_have_count(1)
    ui.tab(page, "基本信息")
    expect(ui.item(page, "项目名称（英文）").locator("input")).to_have_value("Rituximab study")
    ui.radio(page, "是否需在中国临床试验注册中心网站公开", "否")
    ui.save(page)
    ui.tab(page, "研究内容")
    expect(ui.item(page, "研究疾病（英文）")).to_have_count(0)


def test_unsaved_changes_guard_discards_on_confirm(page: Page, editor, mock):
    ui.text(page, "项目名称", "尚未保存的名称")
    page.locator(".el-tabs__item[role=tab]").filter(has_text="实施信息").click()
    box = page.locator(".el-message-box")
    expect(box.locator(".el-message-box__title")).to_have_text("未保存的修改")
    box.locator("button").filter(has_text="确定").click()
    expect(page.locator(".el-tabs__item.is-active")).to_have_text("实施信息")
    ui.tab(page, "基本信息")
    expect(ui.item(page, "项目名称").locator("input")).to_have_value("")
    assert ui.project_of(mock, editor)["modules"] == {}


def test_save_errors_show_under_the_field_and_in_the_table_cell(page: Page, editor, mock):
    ui.tab(page, "实施信息")
    ui.radio(page, "是否有参与单位", "有")
    row = ui.add_row(page, "参与单位")
    expect(ui.item(page, "参与单位").locator(".el-table__empty-text")).to_have_count(0)
    ui.cell(page, "参与单位", row, "分中心负责人").locator("input").fill("李四")
    ui.cell(page, "参与单位", row, "联系电话").locator("input").fill("12345")
    response = ui.save(page, "请检查标红的字段")
    assert response.status == 422
    expect(page.locator(".el-message--error").last).to_be_visible()
    expect(ui.item(page, "经费来源").locator(".el-form-item__error")).to_have_text("请填写经费来源")
    expect(ui.item(page, "经费来源")).to_have_class(re.compile(r"\bis-error\b"))
    phone = ui.cell(page, "参与单位", row, "联系电话")
    expect(phone.locator(".el-form-item__error")).to_contain_text("第1行")
    expect(phone.locator(".el-form-item__error")).to_contain_text("联系电话")
    expect(ui.cell(page, "参与单位", row, "单位名称").locator(".el-form-item__error")).to_contain_text("单位名称")
    assert ui.project_of(mock, editor)["modules"] == {}
    # 删除 empties the table again
    row.locator("button").filter(has_text="删除").click()
    expect(ui.item(page, "参与单位").locator(".el-table__empty-text")).to_have_text("暂无数据")


def test_remote_search_shows_nothing_before_typing_and_no_match_text(page: Page, editor):
    ui.tab(page, "实施信息")
    ui.radio(page, "是否有参与单位", "有")
    row = ui.add_row(page, "参与单位")
    box = ui.cell(page, "参与单位", row, "单位名称").locator(".el-select")
    box.click()
    expect(page.locator(ui.OPEN_DROPDOWN)).to_have_count(0)  # no list until the user types
    box.locator("input").press_sequentially("不存在的医院")
    expect(page.locator(ui.OPEN_DROPDOWN).locator(".el-select-dropdown__empty")).to_have_text("无匹配数据")
    box.locator("input").press("Escape")
    # while the server is asked, the list says 加载中 (the request is held back here to see it)
    held = []
    page.route("**/api/institutions?*", lambda route: held.append(route))
    box.click()
    box.locator("input").press_sequentially("华西")
    dropdown = page.locator(ui.OPEN_DROPDOWN)
    expect(dropdown.locator(".el-select-dropdown__empty")).to_have_text("加载中")
    for route in held:
        route.continue_()
    page.unroute("**/api/institutions?*")
    dropdown.locator("li.el-select-dropdown__item").filter(has_text=ui.exact("四川大学华西医院")).click()
    expect(box.locator("input")).to_have_value("四川大学华西医院")


def test_toasts_stack_and_an_expired_session_goes_to_login(page: Page, editor, mock):
    ui.text(page, "项目名称", "会话过期测试")
    ui.save(page, "请检查标红的字段")
    ui.save(page, "请检查标红的字段")
    expect(page.locator(".el-message[role=alert]")).to_have_count(2)
    # positions are measured once the toasts' slide has ended, not during it
    page.wait_for_function("() => [...document.querySelectorAll('.el-message')]"
                           ".every((e) => e.getAnimations().length === 0)")
    tops = page.locator(".el-message").evaluate_all("els => els.map(e => e.getBoundingClientRect().top)")
    assert tops[1] > tops[0]
    page.context.clear_cookies()
    page.locator(ui.ACTIVE).locator("button.el-button").filter(has_text="保存").click()
    ui.toast(page, "error", "登录已过期，请重新登录")
    page.wait_for_url(re.compile(r"/login\?next=%2Fprojects%2F\d+%2Fedit"))


def test_a_server_error_is_an_error_toast_and_nothing_is_stored(page: Page, editor, mock):
    mock.control("POST", "faults", {"error_rate": 1.0})
    try:
        ui.text(page, "项目名称", "故障测试")
        response = ui.save(page, "服务器繁忙，请稍后重试")
        assert response.status == 500
        expect(page.locator(".el-message--error").last).to_be_visible()
    finally:
        mock.control("POST", "faults", {"error_rate": 0.0})
    assert ui.project_of(mock, editor)["modules"] == {}


def test_submit_of_an_incomplete_project_lists_what_is_missing(page: Page, editor):
    page.locator("button.el-button").filter(has_text="提交").click()
    page.locator(".el-message-box button").filter(has_text="确定").click()
    dialog = page.locator(".el-dialog[role=dialog][aria-label='提交检查']")
    expect(dialog).to_be_visible()
    lines = dialog.locator(".el-dialog__body p")
    expect(lines.filter(has_text=re.compile(r"^基本信息："))).to_contain_text("项目名称")
    expect(lines.filter(has_text=re.compile(r"^相关附件："))).to_contain_text("研究方案")
    dialog.locator("button").filter(has_text="确定").click()
    expect(dialog).to_be_hidden()


def test_the_institution_dialog_checks_its_required_items(page: Page, editor):
    ui.tab(page, "实施信息")
    expect(page.locator(ui.ACTIVE).locator("a.el-link")).to_have_count(0)  # only with 参与单位
    ui.radio(page, "是否有参与单位", "有")
    page.locator(ui.ACTIVE).locator("a.el-link").filter(has_text="添加未在系统注册的医疗卫生机构").click()
    dialog = page.locator(".el-dialog[role=dialog][aria-label='添加未在系统注册的医疗卫生机构']")
    expect(dialog).to_be_visible()
    provinces = ui.item(page, "所在省份", dialog).locator("li.el-select-dropdown__item")
    expect(provinces).to_have_count(34)
    ui.text(page, "所在城市", "保定市", dialog)
    dialog.locator("button").filter(has_text="确定").click()
    expect(ui.item(page, "机构名称", dialog).locator(".el-form-item__error")).to_have_text("请填写机构名称")
    expect(ui.item(page, "所在省份", dialog).locator(".el-form-item__error")).to_have_text("请选择所在省份")
    expect(ui.item(page, "所在城市", dialog).locator(".el-form-item__error")).to_have_count(0)
    dialog.locator("button").filter(has_text="取消").click()
    expect(dialog).to_be_hidden()
    expect(page.locator(".el-dialog__wrapper")).to_have_count(2)  # closed dialogs stay in the DOM
