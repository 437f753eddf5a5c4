"""The live face's other pages in Chromium: first login, lists, review by the admin, 备案进度, read-only editor."""

from __future__ import annotations

import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from tests.mock_site.live.live_support import FILING, client, pdf_bytes, save, stored, submit, upload
from tests.mock_site.live.ui import item, login, ready, tab
from tests.mock_site.test_account_sheet import row, xlsx
from tests.support import ADMIN, MockServer

pytestmark = pytest.mark.e2e


def submitted_project(server: MockServer) -> int:
    c = client(server)
    project_id = save(c, 0, FILING[0]).json()["data"]["id"]
    for t in (1, 2, 3, 4, 6, 7):
        assert save(c, t, FILING[t], project_id).status_code == 200
    for key in ("protocol", "consent_document"):
        upload(c, project_id, key, pdf_bytes())
    assert submit(c, project_id).status_code == 200
    return project_id


def test_a_first_login_completes_the_profile_first(page: Page, live) -> None:
    page.goto(live.url + "/login")
    page.locator("input[name=username]").fill("13800000009")
    page.locator("input[name=password]").fill("123456")
    page.locator("button", has_text="登录").click()
    expect(page.locator(".live-login-title")).to_have_text("完善个人信息")
    page.locator("input[name=email]").fill("liu@example.org")
    page.locator("button", has_text="保存").click()
    expect(page).to_have_url(re.compile("/quickstart$"))
    expect(page.locator(".layui-card-header")).to_have_text("医学研究信息上传")


def test_the_list_shows_own_projects_with_their_links(page: Page, live) -> None:
    project_id = submitted_project(live)
    login(page, live.url)
    page.locator(".layui-nav-tree a", has_text="我的医学研究").click()
    row = page.locator(".layui-table-body tr[data-index='0']")
    expect(row).to_contain_text("社区高血压患者队列研究")
    expect(row).to_contain_text("学术审查中")
    expect(row.locator("a", has_text="编辑")).to_have_count(0)  # under review
    row.locator("a", has_text="备案进度").click()
    expect(page).to_have_url(re.compile(f"/research/progress/{project_id}$"))
    expect(page.locator(".layui-timeline-item")).to_have_count(1)
    expect(page.locator(".layui-timeline-item")).to_contain_text("环节：提交")


def test_under_review_the_editor_is_read_only(page: Page, live) -> None:
    project_id = submitted_project(live)
    login(page, live.url)
    page.goto(f"{live.url}/research/edit/{project_id}#tab1")
    ready(page)
    expect(page.locator(".live-status")).to_have_text("学术审查中")
    expect(page.locator("button.live-save")).to_have_count(0)
    title = item(tab(page, 1), "医学研究题目").locator("input")
    expect(title).to_have_value("社区高血压患者队列研究")
    expect(title).to_be_disabled()
    expect(item(tab(page, 1), "本研究经费来源").locator("button.live-add")).to_be_hidden()


def test_the_admin_approves_through_the_chain_and_the_progress_shows_the_filing_number(page: Page, live) -> None:
    project_id = submitted_project(live)
    login(page, live.url, ADMIN["phone"], ADMIN["password"])
    expect(page).to_have_url(re.compile("/admin/review$"))
    for state in ("伦理审查中", "机构审核中", "已公开"):
        row = page.locator(".layui-table-body tr[data-index='0']")
        row.locator("a:text-is('通过')").click()
        expect(page.locator(".layui-table-body tr[data-index='0']")).to_contain_text(state)
    filing_no = stored(live, project_id)["filing_no"]
    assert re.fullmatch(r"MR-11-\d{2}-\d{6}", filing_no)
    page.goto(f"{live.url}/research/progress/{project_id}")
    expect(page.locator(".live-filing-no")).to_have_text(filing_no)
    expect(page.locator(".layui-timeline-item").last).to_contain_text("结果：已公开")


def test_login_with_the_image_captcha(page: Page) -> None:
    server = MockServer("--face", "live-2026", "--fast", "--captcha")
    try:
        page.goto(server.url + "/login")
        expect(page.locator("img.live-captcha")).to_be_visible()
        page.locator("input[name=username]").fill("13800000000")
        page.locator("input[name=password]").fill("Demo@2025")
        page.locator("input[name=captcha]").fill("0000")
        page.locator("button", has_text="登录").click()
        expect(page.locator(".layui-layer-msg")).to_have_text("验证码错误")
        cookie = next(c["value"] for c in page.context.cookies() if c["name"] == "mr_session")
        with urllib.request.urlopen(f"{server.url}/__mock__/captcha?session={cookie}") as answer:
            page.locator("input[name=captcha]").fill(answer.read().decode())
        page.locator("button", has_text="登录").click()
        expect(page).to_have_url(re.compile("/quickstart$"))
    finally:
        server.stop()


def test_the_admin_uploads_the_account_sheet_and_sees_each_row(page: Page, live, tmp_path) -> None:
    sheet = tmp_path / "申请表.xlsx"
    sheet.write_bytes(xlsx([row(姓名="孙医生", 移动电话="13912345678", 邮箱="sun@example.org"), row(姓名="缺邮箱", 邮箱=None)]))
    login(page, live.url, ADMIN["phone"], ADMIN["password"])
    page.locator(".layui-nav-tree a", has_text="账号管理").click()
    page.locator(".live-sheet + input[type=file]").set_input_files(sheet)
    results = page.locator(".live-sheet-results tbody tr")
    expect(results).to_have_count(2)
    expect(results.nth(0)).to_contain_text("成功")
    expect(results.nth(1)).to_contain_text("失败")
    expect(page.locator(".live-accounts tbody tr", has_text="孙医生")).to_have_count(1)
    assert any(u["phone"] == "13912345678" for u in live.control("GET", "users"))


def test_without_the_confirmation_submit_answers_at_once(page: Page) -> None:
    server = MockServer("--face", "live-2026", "--fast", "--no-submit-confirm")
    try:
        login(page, server.url)
        c = client(server)
        project_id = save(c, 0, FILING[0]).json()["data"]["id"]
        page.goto(f"{server.url}/research/edit/{project_id}#tab8")
        ready(page)
        tab(page, 8).locator("button.live-submit").click()
        expect(page.locator(".layui-layer-title", has_text="提交检查")).to_be_visible()
        expect(page.locator(".layui-layer-title", has_text="提交确认")).to_have_count(0)
    finally:
        server.stop()


def test_an_expired_session_sends_a_save_to_login(page: Page, live) -> None:
    login(page, live.url)
    page.goto(live.url + "/research/new")
    ready(page)
    live.reset()  # every session is forgotten
    tab(page, 0).locator("button.live-save").click()
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fresearch%2Fnew"))
