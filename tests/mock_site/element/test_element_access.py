"""Who may change or see a project on the Element face: a project under review opens read-only, another PI's
project is refused, and a participating unit's user (分中心) views it without changing anything."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.mock_site.api_support import client, complete, new_project, save, submitted_project
from tests.mock_site.element.ui import item, login, open_tab, pane
from tests.support import MockServer

pytestmark = pytest.mark.e2e
ROWS = ".el-table__body-wrapper tr.el-table__row"
TABS = ("基本信息", "实施信息", "研究内容", "研究设计", "招募信息", "其他信息", "数据共享", "相关附件")


def nothing_to_change(scope: Locator) -> None:
    """No control a person could type in, pick from or press (the file inputs are reached only by a button)."""
    expect(scope.locator("input:not([type=file]):not([disabled])")).to_have_count(0)
    expect(scope.locator("textarea:not([disabled])")).to_have_count(0)
    expect(scope.locator("button:not([disabled])")).to_have_count(0)
    expect(scope.locator("a.el-link:not(.is-disabled)")).to_have_count(0)


def test_a_project_under_review_shows_everything_disabled(page: Page, element: MockServer) -> None:
    owner, pid = submitted_project(element)
    owner.close()
    login(page, element.url + "/login?next=/projects")
    page.wait_for_url(element.url + "/projects")
    row = page.locator(ROWS).filter(has=page.locator("span.el-tag", has_text="学术审查中"))
    expect(row).to_have_count(1)
    expect(row.locator("a.el-link", has_text="编辑")).to_have_count(0)
    row.locator("a.el-link", has_text="查看").click()
    page.wait_for_url(element.url + f"/projects/{pid}")
    expect(item(pane(page), "项目名称").locator("input")).to_have_value(complete()["basic_info"]["project_name"])
    for label in TABS:
        nothing_to_change(open_tab(page, label))
    expect(page.locator("button.el-button", has_text="提交")).to_have_count(0)
    # its editor address says why, and still offers nothing to press
    page.goto(element.url + f"/projects/{pid}/edit")
    expect(page.locator(".el-alert", has_text="项目学术审查中，不能修改")).to_be_visible()
    nothing_to_change(page.locator(".el-tabs"))
    expect(page.locator("button.el-button", has_text="保存").first).to_be_disabled()
    expect(page.locator("button.el-button", has_text="提交")).to_be_disabled()
    # a disabled select does not open its dropdown
    item(pane(page), "项目来源").locator(".el-select").click(force=True)
    expect(page.locator("body > .el-select-dropdown:visible")).to_have_count(0)
    assert next(p for p in element.projects() if p["id"] == pid)["status"] == "academic_review"


def test_another_pis_project_is_refused_and_a_subcenter_can_view(page: Page, element: MockServer) -> None:
    element.control("POST", "users", {"phone": "13700000001", "password": "Other@2025", "name": "赵医生",
                                      "institution": "北京大学第一医院"})
    other = client(element, "13700000001", "Other@2025")
    private, shared = new_project(other), new_project(other)
    basic = {**complete()["basic_info"], "project_name": "赵医生的私有项目"}
    assert save(other, private, "basic_info", basic).status_code == 200
    units = {"has_participating_units": "有", "funding_source": "自筹",
             "participating_units": [{"institution": "示例医院", "unit_pi_name": "张医生",
                                      "unit_pi_phone": "13800000000"}]}
    assert save(other, shared, "implementation", units).status_code == 200
    other.close()
    login(page, element.url + f"/login?next=/projects/{private}/edit")
    page.wait_for_url(element.url + f"/projects/{private}/edit")
    expect(page.locator(".el-alert--error", has_text="无权访问该项目")).to_be_visible()
    expect(page.locator(".el-tabs")).to_have_count(0)
    expect(page.get_by_text("赵医生的私有项目")).to_have_count(0)
    page.goto(element.url + f"/projects/{private}")
    expect(page.locator(".el-alert--error", has_text="无权访问该项目")).to_be_visible()
    # 分中心项目: the shared one only, to view
    page.locator("li.el-menu-item", has_text="分中心项目").click()
    page.wait_for_url(element.url + "/subcenters")
    rows = page.locator(ROWS)
    expect(rows).to_have_count(1)
    expect(rows.first.locator("a.el-link", has_text="编辑")).to_have_count(0)
    rows.first.locator("a.el-link", has_text="查看").click()
    page.wait_for_url(element.url + f"/projects/{shared}")
    form = open_tab(page, "实施信息")
    expect(item(form, "研究实施负责（组长）单位").locator("input")).to_have_value("北京大学第一医院")
    units_rows = item(form, "参与单位").locator(ROWS)
    expect(units_rows).to_have_count(1)
    expect(units_rows.first.locator("input.el-input__inner").first).to_have_value("示例医院")
    nothing_to_change(page.locator(".el-tabs"))
    expect(page.locator("button.el-button", has_text="提交")).to_have_count(0)
    assert re.search(r"/projects/\d+$", page.url)
