"""The sop-2020 face on genuine Vue 2.7 + Element UI 2.15: a person's steps in Chromium, stored values read back
through the control API."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from mock_site.pdf import minimal_pdf
from tests.mock_site.element.ui import (
    choose,
    choose_many,
    item,
    login,
    open_tab,
    pane,
    pick_date,
    pick_range,
    radio,
    save,
)
from tests.support import DEMO_PI, MockServer

pytestmark = pytest.mark.e2e


def new_project(page: Page, url: str) -> int:
    login(page, url + "/login")
    page.wait_for_url("**/quickstart")
    page.locator("button.el-button", has_text="新增临床研究项目备案").click()
    page.wait_for_url(re.compile(r"/projects/\d+/edit$"))
    expect(page.locator(".el-tabs__item.is-active")).to_have_text("基本信息")
    return int(page.url.rsplit("/", 2)[-2])


def stored(server: MockServer, project_id: int) -> dict:
    return next(p for p in server.projects() if p["id"] == project_id)


def test_genuine_library_versions_and_login_on_history_routes(page: Page, element: MockServer) -> None:
    page.goto(element.url + "/login")
    assert page.evaluate("[window.ELEMENT.version, window.Vue.version]") == ["2.15.14", "2.7.16"]
    login(page, element.url + "/login")
    page.wait_for_url(element.url + "/quickstart")
    menu = page.locator("ul.el-menu[role=menubar] > li.el-menu-item[role=menuitem]")
    expect(menu).to_have_text(["快速开始", "临床研究项目备案", "分中心项目", "个人信息"])
    menu.filter(has_text="临床研究项目备案").click()
    page.wait_for_url(element.url + "/projects")
    expect(page.locator(".el-pagination__total")).to_have_text("共 0 条")


def test_wrong_password_shows_the_server_message(page: Page, element: MockServer) -> None:
    login(page, element.url + "/login", password="wrong")
    expect(page.locator(".el-message--error", has_text="账号或密码错误")).to_be_visible()
    assert page.url == element.url + "/login"


def test_login_and_pages_on_hash_routes(page: Page) -> None:
    server = MockServer("--face", "sop-2020", "--routes", "hash")
    try:
        server.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 2})
        page.goto(server.url + "/login")  # a page path is sent to its fragment
        page.wait_for_url(server.url + "/#/login")
        login(page, server.url + "/#/login")
        page.wait_for_url(server.url + "/#/quickstart")
        page.locator("li.el-menu-item", has_text="临床研究项目备案").click()
        page.wait_for_url(server.url + "/#/projects")
        rows = page.locator(".el-table__body-wrapper tr.el-table__row")
        expect(rows).to_have_count(2)
        rows.nth(1).locator("a.el-link", has_text="编辑").click()
        page.wait_for_url(re.compile(r"/#/projects/\d+/edit$"))
        expect(item(pane(page), "项目名称").locator("input")).not_to_have_value("")
    finally:
        server.stop()


def test_fill_basic_info_and_save(page: Page, element: MockServer) -> None:
    pid = new_project(page, element.url)
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
    basic = stored(element, pid)["modules"]["basic_info"]
    assert basic["project_name"] == "二甲双胍联合治疗的随机对照研究"
    assert basic["project_type"] == "非注册临床研究"
    assert basic["project_source"] == "省部级纵向课题"
    assert basic["expected_duration"] == {"start": "2025-03-01", "end": "2027-02-28"}
    assert basic["research_fields"] == ["内分泌学", "药学"]
    assert basic["publish_to_chictr"] == "否"
    assert basic["ethics_approval_date"] == "2025-01-15"
    expect(page.locator(".mr-project-name")).to_have_text("二甲双胍联合治疗的随机对照研究")


def test_participating_units_by_search_and_by_the_dialog(page: Page, element: MockServer) -> None:
    pid = new_project(page, element.url)
    form = open_tab(page, "实施信息")
    radio(item(form, "是否有参与单位"), "有")
    table = item(form, "参与单位")
    add = table.locator("button.el-button", has_text="添加参与单位")
    add.click()
    add.click()
    rows = table.locator(".el-table__body-wrapper tr.el-table__row")
    expect(rows).to_have_count(2)
    # row 1: the remote search shows nothing until typed, then the server's matches
    search = rows.nth(0).locator("td").nth(1).locator("input.el-input__inner")
    search.click()
    search.press_sequentially("协和")
    dropdown = page.locator("body > .el-select-dropdown:visible")
    option = dropdown.locator("li.el-select-dropdown__item").first
    expect(option).to_be_visible()
    name = option.locator("span").first.inner_text()
    assert "协和" in name
    option.click()
    expect(search).to_have_value(name)
    expect(dropdown).to_have_count(0)
    # row 2: its own button opens the dialog; the institution added lands in row 2
    rows.nth(1).locator("a.el-link", has_text="添加未在系统注册的医疗卫生机构").click()
    dialog = page.locator(".el-dialog[aria-label='添加未在系统注册的医疗卫生机构']")
    expect(dialog).to_be_visible()
    item(dialog, "机构名称").locator("input").fill("青山镇卫生院")
    choose(page, item(dialog, "所在省份"), "浙江省", query="浙江")
    item(dialog, "所在城市").locator("input").fill("杭州市")
    dialog.locator("button.el-button", has_text="确定").click()
    expect(page.locator(".el-message--success", has_text="添加成功")).to_be_visible()
    expect(dialog).to_be_hidden()
    expect(rows.nth(1).locator("td").nth(1).locator("input.el-input__inner")).to_have_value("青山镇卫生院")
    expect(rows.nth(0).locator("td").nth(1).locator("input.el-input__inner")).to_have_value(name)
    for i, (pi, phone) in enumerate([("李四", "13900000002"), ("王五", "0571-88886666")]):
        cells = rows.nth(i).locator("td")
        cells.nth(2).locator("input").fill(pi)
        cells.nth(3).locator("input").fill(phone)
    item(form, "经费来源").locator("input").fill("省自然科学基金")
    save(page, form)
    units = stored(element, pid)["modules"]["implementation"]["participating_units"]
    assert [u["institution"] for u in units] == [name, "青山镇卫生院"]
    assert [u["unit_pi_phone"] for u in units] == ["13900000002", "0571-88886666"]


def test_upload_a_pdf(page: Page, element: MockServer, tmp_path) -> None:
    pid = new_project(page, element.url)
    form = open_tab(page, "相关附件")
    pdf = tmp_path / "研究方案.pdf"
    pdf.write_bytes(minimal_pdf("protocol"))
    field = item(form, "研究方案")
    field.locator("input.el-upload__input[type=file]").set_input_files(str(pdf))
    done = field.locator("li.el-upload-list__item.is-success a.el-upload-list__item-name")
    expect(done).to_have_text(re.compile("研究方案.pdf"))
    files = stored(element, pid)["attachments"]["protocol"]
    assert [f["name"] for f in files] == ["研究方案.pdf"]
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"not a pdf at all")
    field.locator("input.el-upload__input[type=file]").set_input_files(str(bad))
    expect(page.locator(".el-message--error", has_text="只能上传 PDF 文件")).to_be_visible()
    assert [f["name"] for f in stored(element, pid)["attachments"]["protocol"]] == ["研究方案.pdf"]


def test_refused_save_shows_the_message_under_the_item(page: Page, element: MockServer) -> None:
    pid = new_project(page, element.url)
    form = open_tab(page, "招募信息")
    item(form, "招募联系人").locator("input").fill("赵六")
    item(form, "联系人电话").locator("input").fill("12345")
    number = item(form, "最小年龄（岁）").locator("input[role=spinbutton]")
    number.fill("18")
    number.press("Enter")
    expect(number).to_have_attribute("aria-valuenow", "18")
    save(page, form, status=422)
    phone = item(form, "联系人电话")
    expect(phone).to_have_class(re.compile(r"\bis-error\b"))
    expect(phone.locator(".el-form-item__error")).to_have_text("联系人电话格式不正确")
    expect(item(form, "招募状态").locator(".el-form-item__error")).to_have_text("请选择招募状态")
    expect(item(form, "招募联系人").locator(".el-form-item__error")).to_have_count(0)
    assert "recruitment" not in stored(element, pid)["modules"]


def test_submit_after_the_confirmation(page: Page, element: MockServer) -> None:
    seeded = element.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 1})
    pid = seeded["ids"][0]  # a complete draft
    login(page, element.url + f"/login?next=/projects/{pid}/edit")
    page.wait_for_url(element.url + f"/projects/{pid}/edit")
    page.locator("button.el-button", has_text="提交").click()
    box = page.locator(".el-message-box__wrapper[aria-label='确认提交备案？'] .el-message-box")
    expect(box).to_be_visible()
    box.locator("button.el-button", has_text="确定").click()
    expect(page.locator(".el-message--success", has_text="提交成功")).to_be_visible()
    page.wait_for_url(element.url + f"/projects/{pid}/progress")
    expect(page.locator("li.el-timeline-item").last).to_contain_text("结果：已提交")
    assert stored(element, pid)["status"] == "academic_review"
    # under review the form is shown disabled
    page.goto(element.url + f"/projects/{pid}/edit")
    name = item(pane(page), "项目名称").locator("input")
    expect(name).to_be_disabled()
    expect(page.locator("button.el-button", has_text="提交")).to_be_disabled()


def test_submit_of_an_incomplete_project_lists_what_is_missing(page: Page, element: MockServer) -> None:
    pid = new_project(page, element.url)
    page.locator("button.el-button", has_text="提交").click()
    page.locator(".el-message-box button.el-button", has_text="确定").click()
    dialog = page.locator(".el-dialog[aria-label='提交检查']")
    expect(dialog).to_be_visible()
    expect(dialog.locator("p.submit-check-item").first).to_contain_text("基本信息：项目名称")
    assert stored(element, pid)["status"] == "draft"


def test_items_come_and_go_with_the_choices(page: Page, element: MockServer) -> None:
    new_project(page, element.url)
    form = pane(page)
    expect(item(form, "委托单位")).to_have_count(0)
    choose(page, item(form, "项目来源"), "企事业单位委托研究项目", query="企事业")
    expect(item(form, "委托单位")).to_be_visible()
    expect(item(form, "委托单位")).to_have_class(re.compile(r"\bis-required\b"))
    expect(item(form, "项目名称（英文）")).to_have_count(0)
    radio(item(form, "是否需在中国临床试验注册中心网站公开"), "是")
    expect(item(form, "项目名称（英文）")).to_be_visible()
    radio(item(form, "是否需在中国临床试验注册中心网站公开"), "否")
    expect(item(form, "项目名称（英文）")).to_have_count(0)


def test_leaving_a_tab_with_unsaved_changes_asks_first(page: Page, element: MockServer) -> None:
    new_project(page, element.url)
    name = item(pane(page), "项目名称").locator("input")
    name.fill("未保存的名称")
    page.locator(".el-tabs__item[role=tab]", has_text="实施信息").click()
    box = page.locator(".el-message-box__wrapper[aria-label='未保存的修改'] .el-message-box")
    expect(box).to_be_visible()
    box.locator("button.el-button", has_text="取消").click()
    expect(box).to_be_hidden()
    expect(page.locator(".el-tabs__item.is-active")).to_have_text("基本信息")
    expect(name).to_have_value("未保存的名称")
    page.locator(".el-tabs__item[role=tab]", has_text="实施信息").click()
    box.locator("button.el-button", has_text="确定").click()
    expect(page.locator(".el-tabs__item.is-active")).to_have_text("实施信息")
    open_tab(page, "基本信息")  # the discarded change is gone, so no question this time
    expect(name).to_have_value("")


def test_a_refused_cell_shows_its_message_in_its_cell(page: Page, element: MockServer) -> None:
    seeded = element.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 1, "participant": "示例医院"})
    pid = seeded["ids"][0]
    login(page, element.url + f"/login?next=/projects/{pid}/edit")
    page.wait_for_url(element.url + f"/projects/{pid}/edit")
    form = open_tab(page, "实施信息")
    row = item(form, "参与单位").locator(".el-table__body-wrapper tr.el-table__row").first
    expect(row.locator("td").nth(1).locator("input.el-input__inner")).to_have_value("示例医院")
    row.locator("td").nth(3).locator("input").fill("123")
    save(page, form, status=422)
    expect(row.locator("td").nth(3).locator(".el-form-item__error")).to_have_text("第1行：联系电话格式不正确")
    expect(row.locator("td").nth(2).locator(".el-form-item__error")).to_have_count(0)
    units = stored(element, pid)["modules"]["implementation"]["participating_units"]
    assert units[0]["unit_pi_phone"] == "13900000002"
