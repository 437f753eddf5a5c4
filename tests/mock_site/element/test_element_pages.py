"""The Element face's other pages (完善个人信息, 分中心项目, 项目审核, 账号管理, 备案进度) and its switches
(--no-submit-confirm, --institution-button table), with a person's steps in Chromium."""

from __future__ import annotations

import io
import re
import urllib.request

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from tests.mock_site.element.ui import item, login, open_tab, pane, radio
from tests.support import ADMIN, DEMO_PI, MockServer

pytestmark = pytest.mark.e2e
ROWS = ".el-table__body-wrapper tr.el-table__row"
SHEET = ["姓名", "证件号码", "院系/科室", "职务", "性别", "固定电话", "移动电话", "邮箱", "邮编", "地址", "研究领域", "密码",
         "工作经历", "教育背景"]


def test_first_login_completes_the_profile(page: Page, element: MockServer) -> None:
    login(page, element.url + "/login", phone="13800000009", password="123456")
    page.wait_for_url(element.url + "/profile/complete")
    page.goto(element.url + "/projects")  # every page leads back here until it is saved
    page.wait_for_url(element.url + "/profile/complete")
    form = page.locator(".el-form")
    item(form, "姓名").locator("input").fill("钱医生")
    item(form, "邮箱").locator("input").fill("qian@example.org")
    item(form, "新密码").locator("input").fill("Qian@2025")
    item(form, "确认密码").locator("input").fill("Qian@2025")
    form.locator("button.el-button", has_text="保存").click()
    page.wait_for_url(element.url + "/quickstart")
    expect(page.locator(".mr-user-name")).to_have_text("钱医生")
    user = next(u for u in element.control("GET", "users") if u["phone"] == "13800000009")
    assert user["profile_complete"] is True and user["name"] == "钱医生"


def test_subcenter_list_and_progress(page: Page, element: MockServer) -> None:
    element.control("POST", "users", {"phone": "13700000001", "password": "Lead@2025", "name": "周医生",
                                      "institution": "青山市人民医院", "province": "浙江省", "city": "杭州市"})
    element.control("POST", "seed", {"owner": "13700000001", "projects": 3, "participant": "示例医院"})
    login(page, element.url + "/login?next=/subcenters")
    page.wait_for_url(element.url + "/subcenters")
    rows = page.locator(ROWS)
    expect(rows).to_have_count(3)
    expect(rows.first.locator("a.el-link", has_text="编辑")).to_have_count(0)
    expect(page.locator(".el-pagination__total")).to_have_text("共 3 条")
    rows.last.locator("a.el-link", has_text="备案进度").click()  # the oldest: the first seeded, a draft
    page.wait_for_url(re.compile(r"/projects/\d+/progress$"))
    expect(page.locator(".el-descriptions")).to_contain_text("当前状态")
    page.go_back()
    page.wait_for_url(element.url + "/subcenters")
    rows.nth(1).locator("a.el-link", has_text="备案进度").click()
    expect(page.locator("li.el-timeline-item").first).to_contain_text("环节：提交")


def test_admin_reviews_with_an_opinion(page: Page, element: MockServer) -> None:
    seeded = element.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 2})
    pid = seeded["ids"][1]  # under academic review
    login(page, element.url + "/login", phone=ADMIN["phone"], password=ADMIN["password"])
    page.wait_for_url(element.url + "/admin/review")
    expect(page.locator("li.el-menu-item")).to_have_text(["账号管理", "项目审核", "个人信息"])
    row = page.locator(ROWS).filter(has=page.locator("span.el-tag", has_text="学术审查中"))
    expect(row).to_have_count(1)
    row.locator("button.el-button", has_text="退回").click()
    dialog = page.locator(".el-dialog[aria-label='审核意见']")
    expect(dialog).to_be_visible()
    dialog.locator("button.el-button", has_text="确定").click()
    expect(item(dialog, "审核意见").locator(".el-form-item__error")).to_have_text("请填写审核意见")
    item(dialog, "审核意见").locator("textarea").fill("样本量依据不足")
    dialog.locator("button.el-button", has_text="确定").click()
    expect(page.locator(".el-message--success", has_text="操作成功")).to_be_visible()
    expect(page.locator(ROWS).filter(has=page.locator("span.el-tag", has_text="退回修改"))).to_have_count(1)
    project = next(p for p in element.projects() if p["id"] == pid)
    assert project["status"] == "returned"
    assert project["timeline"][-1]["opinion"] == "样本量依据不足"


def test_admin_uploads_the_account_sheet(page: Page, element: MockServer, tmp_path) -> None:
    book = Workbook()
    book.active.append(SHEET)
    good = {"姓名": "孙医生", "证件号码": "11010519491231002X", "移动电话": "13912345678", "邮箱": "sun@example.org"}
    book.active.append([good.get(c) for c in SHEET])
    book.active.append([{"姓名": "缺邮箱"}.get(c) for c in SHEET])
    buf = io.BytesIO()
    book.save(buf)
    sheet = tmp_path / "申请表.xlsx"
    sheet.write_bytes(buf.getvalue())
    login(page, element.url + "/login?next=/admin/accounts", phone=ADMIN["phone"], password=ADMIN["password"])
    page.wait_for_url(element.url + "/admin/accounts")
    page.locator("input.el-upload__input[type=file]").set_input_files(str(sheet))
    results = page.locator(".el-card").first.locator(ROWS)
    expect(results).to_have_count(2)
    expect(results.nth(0)).to_contain_text("成功")
    expect(results.nth(1)).to_contain_text("失败")
    expect(page.locator(".el-card").nth(1).locator(ROWS).filter(has_text="孙医生")).to_have_count(1)
    assert any(u["phone"] == "13912345678" for u in element.control("GET", "users"))


def test_switches_no_confirmation_and_one_institution_button(page: Page) -> None:
    server = MockServer("--face", "sop-2020", "--no-submit-confirm", "--institution-button", "table")
    try:
        login(page, server.url + "/login")
        page.wait_for_url(server.url + "/quickstart")
        page.locator("button.el-button", has_text="新增临床研究项目备案").click()
        page.wait_for_url(re.compile(r"/projects/\d+/edit$"))
        form = open_tab(page, "实施信息")
        radio(item(form, "是否有参与单位"), "有")
        table = item(form, "参与单位")
        for _ in range(2):
            table.locator("button.el-button", has_text="添加参与单位").click()
        expect(table.locator(ROWS)).to_have_count(2)
        expect(table.locator("a.el-link", has_text="添加未在系统注册的医疗卫生机构")).to_have_count(1)
        expect(table.locator(f"{ROWS} a.el-link")).to_have_count(0)
        # 提交 answers at once: no message box, the check lists what is missing
        page.locator("button.el-button", has_text="提交").click()
        expect(page.locator(".el-dialog[aria-label='提交检查']")).to_be_visible()
        expect(page.locator(".el-message-box")).to_have_count(0)
        expect(pane(page)).to_be_visible()
    finally:
        server.stop()


def test_an_expired_session_goes_to_login_and_back(page: Page, element: MockServer) -> None:
    pid = element.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 1})["ids"][0]
    login(page, element.url + f"/login?next=/projects/{pid}/edit")
    page.wait_for_url(element.url + f"/projects/{pid}/edit")
    form = pane(page)
    expect(item(form, "项目名称").locator("input")).not_to_have_value("")
    element.control("POST", "faults", {"session_ttl_s": 0.001})
    form.locator("button.el-button", has_text="保存").click()
    expect(page.locator(".el-message--error", has_text="登录已过期，请重新登录")).to_be_visible()
    page.wait_for_url(re.compile(r"/login\?next="))
    element.control("POST", "faults", {})
    login(page, page.url)
    page.wait_for_url(element.url + f"/projects/{pid}/edit")


def test_login_with_the_image_captcha(page: Page) -> None:
    server = MockServer("--face", "sop-2020", "--captcha")
    try:
        with page.expect_response(lambda r: "/captcha" in r.url and r.status == 200):
            page.goto(server.url + "/login")
        form = page.locator(".el-form")
        item(form, "账号").locator("input").fill(DEMO_PI["phone"])
        item(form, "密码").locator("input").fill(DEMO_PI["password"])
        item(form, "验证码").locator("input").fill("wrong")
        with page.expect_response(lambda r: "/captcha" in r.url and r.status == 200):  # a failure renews it
            form.locator("button.el-button", has_text="登录").click()
        expect(page.locator(".el-message--error", has_text="验证码错误")).to_be_visible()
        cookie = next(c["value"] for c in page.context.cookies() if c["name"] == "mr_session")
        with urllib.request.urlopen(f"{server.url}/__mock__/captcha?session={cookie}", timeout=10) as r:
            answer = r.read().decode()
        item(form, "验证码").locator("input").fill(answer)
        form.locator("button.el-button", has_text="登录").click()
        page.wait_for_url(server.url + "/quickstart")
    finally:
        server.stop()


def test_project_list_pages_and_filters(page: Page, element: MockServer) -> None:
    element.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 12})
    login(page, element.url + "/login?next=/projects")
    page.wait_for_url(element.url + "/projects")
    rows = page.locator(ROWS)
    expect(page.locator(".el-pagination__total")).to_have_text("共 12 条")
    expect(rows).to_have_count(10)
    page.locator(".el-pagination button.btn-next").click()
    expect(rows).to_have_count(2)
    expect(page.locator(".el-pager li.number.active")).to_have_text("2")
    page.wait_for_url(element.url + "/projects?page=2")
    status = item(page.locator(".mr-list-filter"), "状态")
    status.locator("input.el-input__inner").click()
    page.locator("body > .el-select-dropdown:visible li.el-select-dropdown__item", has_text="草稿").click()
    expect(status.locator("input.el-input__inner")).to_have_value("草稿")
    page.locator(".mr-list-filter button.el-button", has_text="查询").click()
    expect(page.locator(".el-pagination__total")).to_have_text("共 3 条")
    expect(rows.locator("span.el-tag")).to_have_text(["草稿"] * 3)
    expect(rows.first.locator("a.el-link", has_text="编辑")).to_have_count(1)
