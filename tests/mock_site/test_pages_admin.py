"""The institution admin's pages: 项目审核 (decisions with 审核意见, 免学术审查) and 账号管理 (the sheet upload)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook
from playwright.sync_api import Locator, Page, expect

from tests.mock_site import test_pages_helpers as ui
from tests.mock_site.api_support import submitted_project
from tests.support import ADMIN, DEMO_PI

pytestmark = pytest.mark.e2e

COLUMNS = ["姓名", "证件号码", "院系/科室", "职务", "性别", "固定电话", "移动电话", "邮箱", "邮编", "地址", "研究领域", "密码",
           "工作经历", "教育背景"]


def resident_id(first17: str) -> str:
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def account_sheet(folder: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    good = {"姓名": "孙医生", "证件号码": resident_id("11010519800101123"), "移动电话": "13600000001",
            "邮箱": "sun@example.org", "性别": "男", "密码": "Sun@2025"}
    bad = {"姓名": "周医生", "证件号码": resident_id("11010519800101124"), "移动电话": "13600000002"}
    for row in (good, bad):
        sheet.append([row.get(c) for c in COLUMNS])
    path = folder / "账号申请表.xlsx"
    book.save(path)
    return path


def review_row(page: Page, project_name: str) -> Locator:
    return page.locator(".el-table__body-wrapper tr.el-table__row").filter(has_text=project_name)


def test_the_admin_returns_a_project_with_an_opinion_and_the_pi_sees_it(page: Page, mock):
    c, project_id = submitted_project(mock)
    c.close()
    name = ui.project_of(mock, project_id)["project_name"]
    ui.login(page, ADMIN["phone"], ADMIN["password"])
    expect(page).to_have_url(re.compile(r"/admin/review$"))
    expect(page.locator("li.el-menu-item[role=menuitem]")).to_have_text(["账号管理", "项目审核", "个人信息"])
    row = review_row(page, name)
    expect(row.locator(".el-tag")).to_have_text("学术审查中")
    row.locator("button").filter(has_text=ui.exact("退回")).click()
    dialog = page.locator(".el-dialog[role=dialog][aria-label='审核意见']")
    expect(dialog).to_be_visible()
    dialog.locator("textarea").fill("请补充样本量计算依据")
    dialog.locator("button").filter(has_text="确定").click()
    ui.toast(page, "success", "操作成功")
    expect(review_row(page, name).locator(".el-tag")).to_have_text("退回修改")
    expect(review_row(page, name).locator("button").filter(has_text=ui.exact("通过"))).to_be_disabled()
    assert ui.project_of(mock, project_id)["status"] == "returned"

    page.context.clear_cookies()
    ui.login(page, DEMO_PI["phone"], DEMO_PI["password"])
    page.goto(f"/projects/{project_id}/progress")
    last = page.locator("li.el-timeline-item").last.locator(".el-timeline-item__content p")
    expect(last).to_have_text(["环节：学术审查", "审核人：王管理", "审核意见：请补充样本量计算依据", "结果：退回修改"])
    page.goto(f"/projects/{project_id}/edit")
    expect(ui.item(page, "项目名称").locator("input")).to_be_enabled()  # returned: editable again


def test_approval_and_the_academic_exemption_switch(page: Page, mock):
    c, first = submitted_project(mock)
    ui.login(page, ADMIN["phone"], ADMIN["password"])
    name = ui.project_of(mock, first)["project_name"]
    review_row(page, name).first.locator("button").filter(has_text=ui.exact("通过")).click()
    ui.toast(page, "success", "操作成功")
    expect(review_row(page, name).first.locator(".el-tag")).to_have_text("伦理审查中")
    switch = page.locator(".el-switch[role=switch]")
    expect(switch).to_have_attribute("aria-checked", "false")
    switch.click()
    ui.toast(page, "success", "已开启免学术审查")
    expect(switch).to_have_attribute("aria-checked", "true")
    page.reload()
    expect(page.locator(".el-switch[role=switch]")).to_have_attribute("aria-checked", "true")
    c.close()
    c, second = submitted_project(mock)  # skips 学术审查 now
    c.close()
    assert ui.project_of(mock, second)["status"] == "ethics_review"


def test_the_account_sheet_upload_shows_a_result_per_row(page: Page, mock, tmp_path):
    ui.login(page, ADMIN["phone"], ADMIN["password"])
    page.goto("/admin/accounts")
    accounts = page.locator("[data-accounts] .el-table__body-wrapper tr.el-table__row")
    before = accounts.count()
    page.locator("input.el-upload__input[type=file]").set_input_files(account_sheet(tmp_path))
    results = page.locator("[data-import-result] .el-table__body-wrapper tr.el-table__row")
    expect(results).to_have_count(2)
    expect(results.nth(0).locator("td")).to_have_text(["2", "孙医生", "成功", re.compile("13600000001")])
    expect(results.nth(1).locator("td").nth(2)).to_have_text("失败")
    expect(results.nth(1).locator("td").nth(3)).to_contain_text("请填写邮箱")
    expect(accounts).to_have_count(before + 1)
    expect(accounts.last).to_contain_text("孙医生")
