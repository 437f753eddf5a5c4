"""Login, access rules, the project lists with their filter and pagination, read-only views."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.mock_site import test_pages_helpers as ui
from tests.mock_site.api_support import client, new_project, save
from tests.support import DEMO_PI

pytestmark = pytest.mark.e2e


def test_pages_need_a_session_and_come_back_after_login(page: Page, mock):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fquickstart$"))
    page.goto("/projects?size=20")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fprojects%3Fsize%3D20$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    ui.item(page, "账号", page.locator("form")).locator("input").fill(DEMO_PI["phone"])
    ui.item(page, "密码", page.locator("form")).locator("input").fill("wrong password")
    page.locator("button.el-button").filter(has_text="登录").click()
    ui.toast(page, "error", "账号或密码错误")
    ui.item(page, "密码", page.locator("form")).locator("input").fill(DEMO_PI["password"])
    page.locator("button.el-button").filter(has_text="登录").click()
    page.wait_for_url(re.compile(r"/projects\?size=20$"))
    expect(page.locator("li.el-menu-item[role=menuitem].is-active")).to_have_text("临床研究项目备案")
    expect(page.locator(".app-header")).to_contain_text("张医生")
    page.locator("button").filter(has_text="退出").click()
    page.wait_for_url(re.compile(r"/login$"))
    page.goto("/quickstart")
    expect(page).to_have_url(re.compile(r"/login\?next="))


def test_a_first_login_completes_the_profile_before_anything_else(page: Page, mock):
    ui.login(page, "13800000009", "123456")
    expect(page).to_have_url(re.compile(r"/profile/complete$"))
    expect(page.locator(".page-title")).to_have_text("完善个人信息")
    page.goto("/projects")
    expect(page).to_have_url(re.compile(r"/profile/complete$"))
    form = page.locator("form")
    ui.text(page, "姓名", "李医生", form)
    ui.text(page, "邮箱", "li@example.org", form)
    ui.text(page, "新密码", "Li@2025x", form)
    ui.text(page, "确认密码", "Li@2025x", form)
    page.locator("button.el-button").filter(has_text="保存").click()
    page.wait_for_url(re.compile(r"/quickstart$"))
    expect(page.locator("button.el-button").filter(has_text="新增临床研究项目备案")).to_be_visible()


def test_the_list_pages_filters_and_changes_its_page_size(page: Page, mock):
    seeded = mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 25})
    ui.login(page)
    page.goto("/projects")
    expect(page.locator(".el-pagination__total")).to_have_text("共 25 条")
    rows = page.locator(".el-table__body-wrapper tr.el-table__row")
    expect(rows).to_have_count(10)
    headers = page.locator(".el-table__header-wrapper th").all_inner_texts()
    assert [h.strip() for h in headers] == ["项目名称", "备案号", "项目类型", "状态", "更新时间", "操作"]
    newest = ui.project_of(mock, seeded["ids"][1])
    expect(rows.first.locator("td").first).to_have_text(newest["project_name"])
    page.locator("button.btn-next").click()
    expect(page.locator(".el-pager li.number.active")).to_have_text("2")
    ui.choose(page, page.locator(".el-pagination__sizes .el-select"), "100条/页")
    expect(rows).to_have_count(25)
    expect(page).to_have_url(re.compile(r"size=100"))
    ui.select(page, "状态", "草稿", page.locator("form"))
    page.locator("button.el-button").filter(has_text="查询").click()
    expect(page).to_have_url(re.compile(r"status=draft"))
    drafts = seeded["states"]["draft"]
    expect(rows).to_have_count(drafts)
    for i in range(drafts):
        expect(rows.nth(i).locator("td").nth(3)).to_have_text("草稿")
        expect(rows.nth(i).locator("a.el-link").filter(has_text="编辑")).to_have_count(1)
    page.goto("/projects?status=published&size=100")
    published = page.locator(".el-table__body-wrapper tr.el-table__row")
    expect(published.first.locator("a.el-link").filter(has_text="编辑")).to_have_count(0)
    expect(published.first.locator("td").nth(1)).to_have_text(re.compile(r"^MR-\d{2}-\d{2}-\d{6}$"))
    ui.text(page, "项目名称", "没有这个名字", page.locator("form"))
    page.locator("button.el-button").filter(has_text="查询").click()
    expect(page.locator(".el-table__empty-text")).to_have_text("暂无数据")
    expect(page.locator(".el-pagination__total")).to_have_text("共 0 条")


def test_a_project_under_review_shows_everything_disabled(page: Page, mock):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 3})
    ui.login(page)
    page.goto("/projects?status=academic_review")
    row = page.locator(".el-table__body-wrapper tr.el-table__row").first
    row.locator("a.el-link").filter(has_text="查看").click()
    page.wait_for_url(re.compile(r"/projects/\d+$"))
    for key in ("基本信息", "研究设计", "相关附件"):
        ui.tab(page, key)
        pane = page.locator(ui.ACTIVE)
        expect(pane.locator("input:not([type=radio]):not([type=file]):not([disabled])")).to_have_count(0)
        expect(pane.locator("textarea:not([disabled])")).to_have_count(0)
        expect(pane.locator("button.el-button:not([disabled])")).to_have_count(0)
    expect(page.locator("button.el-button").filter(has_text="提交")).to_be_disabled()
    ui.tab(page, "基本信息")
    expect(ui.item(page, "项目名称").locator("input")).not_to_have_value("")
    ui.item(page, "项目来源").locator(".el-select").click(force=True)
    expect(page.locator(ui.OPEN_DROPDOWN)).to_have_count(0)


def test_another_pis_project_is_refused_and_a_subcenter_can_view(page: Page, mock):
    mock.control("POST", "users", {"phone": "13700000001", "password": "Other@2025", "name": "赵医生",
                                   "institution": "北京大学第一医院", "role": "pi"})
    other = client(mock, "13700000001", "Other@2025")
    private = new_project(other)
    shared = new_project(other)
    units = {"has_participating_units": "有", "funding_source": "自筹",
             "participating_units": [{"institution": "示例医院", "unit_pi_name": "张医生", "unit_pi_phone": "13800000000"}]}
    assert save(other, shared, "implementation", units).status_code == 200
    other.close()
    ui.login(page)
    response = page.goto(f"/projects/{private}/edit")
    assert response is not None and response.status == 403
    expect(page.locator(".el-result")).to_contain_text("无权访问该项目")
    page.goto("/subcenters")
    rows = page.locator(".el-table__body-wrapper tr.el-table__row")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("a.el-link").filter(has_text="编辑")).to_have_count(0)
    rows.first.locator("a.el-link").filter(has_text="查看").click()
    page.wait_for_url(f"**/projects/{shared}")
    ui.tab(page, "实施信息")
    expect(ui.item(page, "研究实施负责（组长）单位").locator("input")).to_have_value("北京大学第一医院")
    expect(page.locator(ui.ACTIVE).locator(".el-table__body-wrapper tr.el-table__row")).to_have_count(1)
