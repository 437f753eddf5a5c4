"""A project's whole life by hand on the Element face: the PI fills its last module and uploads the protocol,
提交 in the browser; the admin approves it through every review step on 项目审核; the PI's 备案进度 then shows it
published with its filing number."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from mock_site.pdf import minimal_pdf
from tests.mock_site.api_support import client, complete, new_project, pdf_bytes, save, upload
from tests.mock_site.element.ui import choose, item, login, open_tab, pick_range, radio
from tests.mock_site.element.ui import save as save_pane
from tests.support import ADMIN, MockServer

pytestmark = pytest.mark.e2e
ROWS = ".el-table__body-wrapper tr.el-table__row"
CHAIN = ("学术审查中", "伦理审查中", "机构审核中")


def prepared_project(server: MockServer) -> int:
    """Every module but 招募信息 saved and the consent form uploaded, as the PI would have done earlier."""
    c = client(server)
    pid = new_project(c)
    for module, values in complete().items():
        if module != "recruitment":
            assert save(c, pid, module, values).status_code == 200, module
    assert upload(c, pid, "informed_consent", pdf_bytes()).status_code == 200
    c.close()
    return pid


def logout(page: Page, server: MockServer) -> None:
    page.locator(".mr-header button.el-button", has_text="退出").click()
    page.wait_for_url(server.url + "/login")


def test_a_person_files_reviews_and_publishes_a_project_by_hand(page: Page, element: MockServer, tmp_path) -> None:
    pid = prepared_project(element)
    login(page, element.url + "/login?next=/projects")
    page.wait_for_url(element.url + "/projects")
    page.locator(ROWS).first.locator("a.el-link", has_text="编辑").click()
    page.wait_for_url(element.url + f"/projects/{pid}/edit")
    # 招募信息 by hand
    form = open_tab(page, "招募信息")
    choose(page, item(form, "招募状态"), "尚未开始")
    pick_range(page, item(form, "招募时间"), "2025-04-01", "2026-12-31")
    for label, value in (("最小年龄（岁）", "18"), ("最大年龄（岁）", "70")):
        number = item(form, label).locator("input[role=spinbutton]")
        number.fill(value)
        number.press("Enter")
        expect(number).to_have_attribute("aria-valuenow", value)
    radio(item(form, "性别"), "男女均可")
    item(form, "招募联系人").locator("input").fill("张医生")
    item(form, "联系人电话").locator("input").fill("010-83572211")
    save_pane(page, form)
    # the protocol, uploaded by hand
    form = open_tab(page, "相关附件")
    protocol = tmp_path / "研究方案.pdf"
    protocol.write_bytes(minimal_pdf("protocol"))
    item(form, "研究方案").locator("input.el-upload__input[type=file]").set_input_files(str(protocol))
    expect(item(form, "研究方案").locator("li.el-upload-list__item.is-success")).to_have_count(1)
    # 提交, confirmed
    page.locator("button.el-button", has_text="提交").click()
    box = page.locator(".el-message-box__wrapper[aria-label='确认提交备案？'] .el-message-box")
    box.locator("button.el-button", has_text="确定").click()
    expect(page.locator(".el-message--success", has_text="提交成功")).to_be_visible()
    page.wait_for_url(element.url + f"/projects/{pid}/progress")
    expect(page.locator("li.el-timeline-item").last).to_contain_text("结果：已提交")
    logout(page, element)

    # the admin approves it through the whole chain on 项目审核
    login(page, element.url + "/login", phone=ADMIN["phone"], password=ADMIN["password"])
    page.wait_for_url(element.url + "/admin/review")
    for state in CHAIN:
        row = page.locator(ROWS).filter(has=page.locator("span.el-tag", has_text=state))
        expect(row).to_have_count(1)
        with page.expect_response(lambda r: r.url.endswith(f"/api/admin/projects/{pid}/review")) as answer:
            row.locator("button.el-button", has_text=re.compile("^通过$")).click()
        assert answer.value.status == 200
    published = page.locator(ROWS).filter(has=page.locator("span.el-tag", has_text="已公开"))
    expect(published).to_have_count(1)
    expect(published.locator("button.el-button", has_text=re.compile("^通过$"))).to_be_disabled()
    logout(page, element)

    # the PI's 备案进度: published, with its filing number
    stored = next(p for p in element.projects() if p["id"] == pid)
    assert stored["status"] == "published" and stored["filing_no"]
    assert stored["modules"]["recruitment"]["recruitment_period"] == {"start": "2025-04-01", "end": "2026-12-31"}
    assert [f["name"] for f in stored["attachments"]["protocol"]] == ["研究方案.pdf"]
    login(page, element.url + "/login?next=/projects")
    page.wait_for_url(element.url + "/projects")
    page.locator(ROWS).first.locator("a.el-link", has_text="备案进度").click()
    page.wait_for_url(element.url + f"/projects/{pid}/progress")
    facts = page.locator(".el-descriptions")
    expect(facts).to_contain_text(stored["filing_no"])
    expect(facts.locator("span.el-tag")).to_have_text("已公开")
    steps = page.locator("li.el-timeline-item")
    expect(steps).to_have_count(5)  # 提交, three reviews, 公开
    expect(steps.last).to_contain_text("结果：已公开")
    expect(steps.last).to_contain_text(f"备案号：{stored['filing_no']}")
    expect(steps.nth(1)).to_contain_text(re.compile("结果：通过"))
