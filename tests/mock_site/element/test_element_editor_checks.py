"""The Element editor's answers a person sees: a server error on 保存, the institution dialog's own checks, and
English twins that follow the saved 基本信息 on every module."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, Request, expect

from tests.mock_site.api_support import client, complete, new_project, save
from tests.mock_site.element.ui import choose, item, login, open_tab, pane, radio
from tests.mock_site.element.ui import save as save_pane
from tests.support import DEMO_PI, MockServer

pytestmark = pytest.mark.e2e
ROWS = ".el-table__body-wrapper tr.el-table__row"
TWINS = ("研究疾病（英文）", "研究目的（英文）", "纳入标准（英文）", "排除标准（英文）")


def open_editor(page: Page, server: MockServer, pid: int, tab: str = "") -> None:
    query = f"?tab={tab}" if tab else ""
    login(page, server.url + "/login?next=" + quote(f"/projects/{pid}/edit{query}", safe="/"))
    page.wait_for_url(server.url + f"/projects/{pid}/edit{query}")
    expect(pane(page)).to_be_visible()


def empty_project(server: MockServer) -> int:
    c = client(server)
    try:
        return new_project(c)
    finally:
        c.close()


# Each toast's place once its slide has ended, and how many toasts were shown then, noted by the page itself: a
# toast closes itself after 3 s, which a slow machine may reach before the test gets to look.
NOTE_TOASTS = """(text) => {
  const busy = () => [...document.querySelectorAll('.el-message--error')].filter((e) => e.textContent.includes(text));
  window.settledToasts = [];
  new MutationObserver((records) => {
    for (const added of records.flatMap((r) => [...r.addedNodes])) {
      if (!(added instanceof HTMLElement) || !busy().includes(added)) continue;
      const settle = () => {
        if (added.getAnimations().length || /enter/.test(added.className)) return requestAnimationFrame(settle);
        window.settledToasts.push({top: added.getBoundingClientRect().top,
                                   shown: busy().length});
      };
      requestAnimationFrame(settle);
    }
  }).observe(document.body, {childList: true});
}"""


BUSY = "服务器繁忙，请稍后重试"


def test_a_server_error_on_save_is_an_error_toast_and_nothing_is_stored(page: Page, element: MockServer) -> None:
    pid = empty_project(element)
    open_editor(page, element, pid)
    element.control("POST", "faults", {"fail_next": {"save": 2}})
    item(pane(page), "项目名称").locator("input").fill("故障测试")
    page.evaluate(NOTE_TOASTS, BUSY)
    for _ in range(2):
        with page.expect_response(lambda r: f"/projects/{pid}/modules/" in r.url) as answer:
            pane(page).locator("button.el-button", has_text="保存").click()
        assert answer.value.status == 500
    toasts = page.locator(".el-message--error", has_text=BUSY)
    expect(toasts.first).to_be_visible()
    expect(page.locator(".el-message--success")).to_have_count(0)
    # the second stacked under the first, while the first was still shown
    page.wait_for_function("() => window.settledToasts.length === 2")
    first, second = page.evaluate("() => window.settledToasts")
    assert second["shown"] == 2 and second["top"] > first["top"], (first, second)
    stored = next(p for p in element.projects() if p["id"] == pid)
    assert stored["modules"] == {} and stored["project_name"] in (None, "")
    assert element.control("GET", "faults")["injected"]["errors"] == 2
    # the next save is the site's ordinary answer again: refused for what is missing, the typed value kept
    save_pane(page, pane(page), status=422)
    expect(item(pane(page), "项目名称").locator("input")).to_have_value("故障测试")


def test_the_institution_dialog_checks_its_required_items_before_adding(page: Page, element: MockServer) -> None:
    pid = empty_project(element)
    open_editor(page, element, pid)
    form = open_tab(page, "实施信息")
    expect(form.locator("a.el-link", has_text="添加未在系统注册的医疗卫生机构")).to_have_count(0)  # no rows yet
    radio(item(form, "是否有参与单位"), "有")
    table = item(form, "参与单位")
    table.locator("button.el-button", has_text="添加参与单位").click()
    row = table.locator(ROWS)
    expect(row).to_have_count(1)
    posted: list[Request] = []
    page.on("request", lambda r: posted.append(r) if r.method == "POST" and "/api/institutions" in r.url else None)
    row.locator("a.el-link", has_text="添加未在系统注册的医疗卫生机构").click()
    dialog = page.locator(".el-dialog[aria-label='添加未在系统注册的医疗卫生机构']")
    expect(dialog).to_be_visible()
    for label in ("机构名称", "所在省份", "所在城市"):
        expect(item(dialog, label)).to_have_class(re.compile(r"\bis-required\b"))
    item(dialog, "所在城市").locator("input").fill("保定市")
    dialog.locator("button.el-button", has_text="确定").click()
    expect(item(dialog, "机构名称").locator(".el-form-item__error")).to_have_text("请填写机构名称")
    expect(item(dialog, "所在省份").locator(".el-form-item__error")).to_have_text("请选择所在省份")
    expect(item(dialog, "所在城市").locator(".el-form-item__error")).to_have_count(0)
    expect(dialog).to_be_visible()
    assert posted == []  # refused in the page: the server was not asked
    expect(row.locator("td").nth(1).locator("input.el-input__inner")).to_have_value("")
    item(dialog, "机构名称").locator("input").fill("白沟镇卫生院")
    choose(page, item(dialog, "所在省份"), "河北省", query="河北")  # leaving 机构名称 checks it again
    expect(dialog.locator(".el-form-item__error")).to_have_count(0)
    with page.expect_response(lambda r: r.request.method == "POST" and "/api/institutions" in r.url) as answer:
        dialog.locator("button.el-button", has_text="确定").click()
    assert answer.value.status == 200
    expect(page.locator(".el-message--success", has_text="添加成功")).to_be_visible()
    expect(dialog).to_be_hidden()
    expect(row.locator("td").nth(1).locator("input.el-input__inner")).to_have_value("白沟镇卫生院")
    added = element.control("GET", "institutions?q=" + quote("白沟镇"))
    assert added == [{"name": "白沟镇卫生院", "province": "河北省", "city": "保定市", "address": "",
                      "added_by": DEMO_PI["phone"]}]
    # opened again: empty, and no message left from before
    row.locator("a.el-link", has_text="添加未在系统注册的医疗卫生机构").click()
    expect(dialog).to_be_visible()
    expect(item(dialog, "机构名称").locator("input")).to_have_value("")
    expect(dialog.locator(".el-form-item__error")).to_have_count(0)
    dialog.locator("button.el-button", has_text="取消").click()
    expect(dialog).to_be_hidden()


def test_english_twins_of_other_modules_follow_the_saved_basic_info(page: Page, element: MockServer) -> None:
    c = client(element)
    pid = new_project(c)
    assert save(c, pid, "basic_info", complete()["basic_info"]).status_code == 200  # 否: no twins
    c.close()
    open_editor(page, element, pid, tab="research_content")
    for label in TWINS:
        expect(item(pane(page), label)).to_have_count(0)
    basic = open_tab(page, "基本信息")
    expect(item(basic, "项目名称（英文）")).to_have_count(0)
    radio(item(basic, "是否需在中国临床试验注册中心网站公开"), "是")
    item(basic, "项目名称（英文）").locator("input").fill("Rituximab in refractory nephrotic syndrome")
    save_pane(page, basic)
    content = open_tab(page, "研究内容")
    for label in TWINS:
        expect(item(content, label)).to_be_visible()
        expect(item(content, label)).to_have_class(re.compile(r"\bis-required\b"))
    stored = next(p for p in element.projects() if p["id"] == pid)["modules"]["basic_info"]
    assert stored["publish_to_chictr"] == "是"
    assert stored["project_name_en"] == "Rituximab in refractory nephrotic syndrome"
    basic = open_tab(page, "基本信息")
    radio(item(basic, "是否需在中国临床试验注册中心网站公开"), "否")
    expect(item(basic, "项目名称（英文）")).to_have_count(0)
    save_pane(page, basic)
    content = open_tab(page, "研究内容")
    for label in TWINS:
        expect(item(content, label)).to_have_count(0)
    stored = next(p for p in element.projects() if p["id"] == pid)["modules"]["basic_info"]
    assert stored["publish_to_chictr"] == "否" and "project_name_en" not in stored
