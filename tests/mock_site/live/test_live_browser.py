"""The live face in Chromium: genuine layui widgets driven by plain Playwright steps, judged by what is stored."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from tests.mock_site.live.live_support import FILING, pdf_bytes, stored
from tests.mock_site.live.ui import check, choose, item, login, pick_day, radio, ready, tab, toast

pytestmark = pytest.mark.e2e


def saved_project(page: Page, url: str, tabs: tuple[int, ...] = (0,)) -> int:
    """Save some tabs of the standard filing through the page's own session, as its 保存 would."""
    project_id = None
    for t in tabs:
        query = f"?id={project_id}" if project_id else ""
        r = page.request.post(f"{url}/research/api/save/{t}{query}", data=urlencode(FILING[t]),
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert r.ok, r.text()
        project_id = r.json()["data"]["id"]
    assert project_id is not None
    return project_id


def editor(page: Page, url: str, project_id: int, hash_: str) -> None:
    page.goto(f"{url}/research/edit/{project_id}{hash_}")
    ready(page)


def test_the_page_runs_the_genuine_layui(page: Page, live) -> None:
    login(page, live.url)
    expect(page.locator(".layui-nav-tree")).to_contain_text("新建医学研究")
    page.locator(".layui-nav-tree a", has_text="新建医学研究").click()
    ready(page)
    assert page.evaluate("layui.v") == "2.13.6"
    expect(page.locator(".layui-tab-title li:visible")).to_have_text(
        ["研究类别", "基本信息", "实施信息", "研究内容", "研究设计", "其他信息", "数据共享与信息公开", "相关附件"])
    expect(item(tab(page, 0), "研究实施单位").locator(".layui-select-title input")).to_have_value("示例医院")


def test_tab0_choices_show_and_hide_fields_and_the_first_save_creates_the_project(page: Page, live) -> None:
    login(page, live.url)
    page.goto(live.url + "/research/new")
    ready(page)
    t0 = tab(page, 0)
    diagnostic = item(t0, "是否是诊断试验")
    expect(diagnostic).to_be_hidden()
    choose(item(t0, "研究分类（一级）"), "研究者发起的临床研究")
    choose(item(t0, "研究分类（二级）"), "干预性研究")
    novel = item(t0, "是否为生物医学新技术临床研究或涉及未上市产品")
    recruitment = page.locator(".layui-tab-title li", has_text="招募信息")
    expect(novel).to_be_visible()
    expect(recruitment).to_be_visible()
    expect(diagnostic).to_be_hidden()
    choose(item(t0, "研究分类（二级）"), "观察性研究")
    expect(novel).to_be_hidden()
    expect(recruitment).to_be_hidden()
    radio(diagnostic, "否")
    radio(item(t0, "干预措施（暴露因素）是否以中医理论为指导"), "否")
    radio(item(t0, "是否为侵入式脑机接口用于治疗神经精神疾病的临床研究"), "否")
    t0.locator("button.live-next").click()
    expect(page).to_have_url(re.compile(r"/research/edit/\d+#tab1$"))
    ready(page)
    expect(page.locator(".layui-tab-title li.layui-this")).to_have_text("基本信息")
    project_id = int(re.search(r"/edit/(\d+)", page.url).group(1))  # type: ignore[union-attr]
    assert stored(live, project_id)["modules"]["research_category"] == {
        "implementing_unit": "示例医院", "research_type_l1": "研究者发起的临床研究", "research_type_l2": "观察性研究",
        "diagnostic_test": "否", "tcm_guided": "否", "invasive_bci": "否"}


def test_a_row_is_added_and_deleted_only_after_yes(page: Page, live) -> None:
    login(page, live.url)
    editor(page, live.url, saved_project(page, live.url), "#tab1")
    funds = item(tab(page, 1), "本研究经费来源")
    rows = funds.locator(".live-row")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("button.live-del")).to_have_count(0)
    funds.locator("button.live-add", has_text="增加一项").click()
    expect(rows).to_have_count(2)
    rows.nth(1).locator("button.live-del", has_text="删除本项").click()
    dialog = page.locator(".layui-layer-dialog")
    expect(dialog).to_contain_text("确定删除本项吗？")
    dialog.locator(".layui-layer-btn1", has_text="否").click()
    expect(dialog).to_have_count(0)
    expect(rows).to_have_count(2)
    rows.nth(1).locator("button.live-del").click()
    page.locator(".layui-layer-dialog .layui-layer-btn0", has_text="是").click()
    expect(rows).to_have_count(1)


def test_a_filled_tab_is_saved_with_rows_pairs_and_dates(page: Page, live) -> None:
    login(page, live.url)
    project_id = saved_project(page, live.url)
    editor(page, live.url, project_id, "#tab1")
    t1 = tab(page, 1)
    choose(item(t1, "是否需要在其他研究注册平台公开"), "两个平台均不公开")
    item(t1, "医学研究题目").locator("input").fill("社区高血压患者队列研究")
    item(t1, "医学研究通俗名称").locator("input").fill("高血压队列")
    row = item(t1, "本研究经费来源").locator(".live-row").first
    choose(item(row, "资助级别（一级）"), "其他")
    item(row, "其他名称").locator("input").fill("院内基金")
    item(row, "立项名称").locator("input").fill("院内课题")
    item(row, "立项编号").locator("input").fill("YN-7")
    pair = item(row, "涉及国际合作")
    check(pair, "是")
    check(pair, "否")
    expect(pair.locator(".layui-form-checked")).to_have_count(1)
    pick_day(page, item(row, "立项时间").locator("input"), 5)
    item(row, "资金额度").locator("input").fill("20")
    radio(item(t1, "涉及材料捐献"), "否")
    item(t1, "本研究总经费").locator("input").fill("20")
    span = item(t1, "研究预计持续时间").locator("input")
    pick_day(page, span.nth(0), 1)
    pick_day(page, span.nth(1), 28)
    recruit = item(t1, "征募研究对象时间").locator("input")
    pick_day(page, recruit.nth(0), 2)
    pick_day(page, recruit.nth(1), 20)
    t1.locator("button.live-save").click()
    expect(toast(page)).to_have_text("保存成功")
    basic = stored(live, project_id)["modules"]["basic_info"]
    (fund,) = basic["funding_sources"]
    month = page.evaluate("new Date().toISOString().slice(0, 7)")
    assert fund == {"funding_level_1": "其他", "funding_other_name": "院内基金", "project_name": "院内课题",
                    "project_number": "YN-7", "international_cooperation": "否",
                    "project_date": f"{month}-05", "amount": 20}
    assert basic["study_period"] == {"start": f"{month}-01", "end": f"{month}-28"}


def test_refused_save_shows_each_message_next_to_its_control(page: Page, live) -> None:
    login(page, live.url)
    editor(page, live.url, saved_project(page, live.url), "#tab1")
    t1 = tab(page, 1)
    t1.locator("button.live-save").click()
    expect(toast(page)).to_have_text("请检查标红的字段")
    title = item(t1, "医学研究题目")
    expect(title).to_have_class(re.compile(r"\blive-has-error\b"))
    expect(title.locator(".live-error")).to_have_text("请填写医学研究题目")


def test_twins_appear_when_published_on_chictr(page: Page, live) -> None:
    login(page, live.url)
    editor(page, live.url, saved_project(page, live.url), "#tab1")
    t1 = tab(page, 1)
    twin = item(t1, "Scientific title")
    expect(twin).to_be_hidden()
    choose(item(t1, "是否需要在其他研究注册平台公开"), "中国临床试验注册中心公开")
    expect(twin).to_be_visible()
    expect(item(t1, "填报状态")).to_be_visible()
    expect(twin.locator("input[name='eng.name']")).to_be_enabled()


def test_a_dialog_picks_icd11_codes_into_the_table(page: Page, live) -> None:
    login(page, live.url)
    project_id = saved_project(page, live.url)
    editor(page, live.url, project_id, "#tab3")
    field = item(tab(page, 3), "国际疾病分类(ICD-11)")
    field.locator("button.live-pick", has_text="选择").click()
    dialog = page.locator(".layui-layer-page")
    expect(dialog.locator(".layui-layer-title")).to_have_text("国际疾病分类(ICD-11)")
    dialog.locator("input.live-dialog-q").fill("原发性高血压")
    dialog.locator("button.live-dialog-go", has_text="搜索").click()
    hit = dialog.locator(".layui-table-body tr", has_text="原发性高血压")
    expect(dialog.locator(".layui-table-body tr")).to_have_count(1)
    hit.locator(".layui-form-checkbox").click()
    dialog.locator(".layui-layer-btn0", has_text="确定").click()
    expect(dialog).to_have_count(0)
    expect(field.locator(".live-picked tbody tr")).to_have_text([re.compile("BA00.*原发性高血压")])
    tab(page, 3).locator("button.live-save").click()
    expect(toast(page)).to_be_visible()
    expect(field).not_to_have_class(re.compile(r"\blive-has-error\b"))
    expect(item(tab(page, 3), "主要目的")).to_have_class(re.compile(r"\blive-has-error\b"))


def test_participating_institution_autocompletes(page: Page, live) -> None:
    login(page, live.url)
    editor(page, live.url, saved_project(page, live.url), "#tab2")
    t2 = tab(page, 2)
    radio(item(t2, "是否为多中心试验/研究"), "是")
    radio(item(t2, "临床研究参与单位"), "有")
    row = item(t2, "参与单位").locator(".live-row").first
    name = item(row, "机构名称").locator("input")
    name.press_sequentially("北京大学")
    suggestion = item(row, "机构名称").locator(".live-suggest li[data-value='北京大学第一医院']")
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(name).to_have_value("北京大学第一医院")
    expect(item(row, "机构名称").locator(".live-suggest")).to_be_hidden()


def test_pdf_uploads_and_submit_lists_what_is_missing(page: Page, live, tmp_path) -> None:
    login(page, live.url)
    project_id = saved_project(page, live.url)
    editor(page, live.url, project_id, "#tab8")
    t8 = tab(page, 8)
    protocol = item(t8, "研究方案")
    pdf = tmp_path / "研究方案.pdf"
    pdf.write_bytes(pdf_bytes())
    protocol.locator("input[type=file]").set_input_files(pdf)
    expect(protocol.locator("a.live-file-name")).to_have_text("研究方案.pdf")
    assert [f["name"] for f in stored(live, project_id)["attachments"]["protocol"]] == ["研究方案.pdf"]
    t8.locator("button.live-submit", has_text="提交").click()
    confirm = page.locator(".layui-layer-dialog")
    expect(confirm.locator(".layui-layer-title")).to_have_text("提交确认")
    confirm.locator(".layui-layer-btn0", has_text="确定").click()
    check_dialog = page.locator(".layui-layer-page", has=page.locator(".layui-layer-title", has_text="提交检查"))
    expect(check_dialog.locator("p.live-missing-line").first).to_have_text(re.compile("^基本信息：是否需要在其他研究注册平台公开、"))
    expect(check_dialog).to_contain_text("相关附件：知情同意模板/知情同意豁免申请书")
    assert stored(live, project_id)["status"] == "draft"


def test_the_hash_follows_the_tab(page: Page, live) -> None:
    login(page, live.url)
    editor(page, live.url, saved_project(page, live.url), "#tab2")
    expect(page.locator(".layui-tab-title li.layui-this")).to_have_text("实施信息")
    page.locator(".layui-tab-title li", has_text="研究设计").click()
    expect(page).to_have_url(re.compile("#tab4$"))
    expect(tab(page, 4)).to_be_visible()


def test_a_saved_filing_reloads_into_the_form_and_saves_back_unchanged(page: Page, live) -> None:
    live.control("POST", "seed", {"owner": "13800000000", "projects": 1, "participant": "北京大学第一医院"})
    (project,) = live.projects()
    login(page, live.url)
    editor(page, live.url, project["id"], "#tab0")
    shown = page.locator(".layui-tab-title li:not(.layui-hide)")
    expect(shown).to_have_count(8)
    for index in [int(i) for i in shown.evaluate_all("els => els.map(e => e.dataset.tab)")]:
        page.locator(f".layui-tab-title li[lay-id=tab{index}]").click()
        tab(page, index).locator("button.live-save").click()
        expect(toast(page)).to_have_text("保存成功")
        expect(toast(page)).to_have_count(0, timeout=10_000)
    assert stored(live, project["id"])["modules"] == project["modules"]


def test_a_refused_upload_says_why_and_stores_nothing(page: Page, live, tmp_path) -> None:
    login(page, live.url)
    project_id = saved_project(page, live.url)
    editor(page, live.url, project_id, "#tab8")
    fake = tmp_path / "方案.pdf"
    fake.write_bytes(b"PK\x03\x04 a zip file named like a pdf")
    protocol = item(tab(page, 8), "研究方案")
    protocol.locator("input[type=file]").set_input_files(fake)
    expect(toast(page)).to_have_text("只能上传 PDF 文件")
    expect(protocol.locator("a.live-file-name")).to_have_count(0)
    assert stored(live, project_id)["attachments"] == {}


def test_team_members_are_picked_from_the_institutions_people(page: Page, live) -> None:
    login(page, live.url)
    project_id = saved_project(page, live.url)
    editor(page, live.url, project_id, "#tab2")
    t2 = tab(page, 2)
    members = item(t2, "研究团队成员")
    members.locator("button.live-pick").click()
    dialog = page.locator(".layui-layer-page")
    dialog.locator("input.live-dialog-q").fill("钱统计")
    dialog.locator("input.live-dialog-q").press("Enter")
    expect(dialog.locator(".layui-table-body tr")).to_have_count(1)
    dialog.locator(".layui-table-body tr", has_text="13800000022").locator(".layui-form-checkbox").click()
    dialog.locator(".layui-layer-btn0").click()
    expect(members.locator(".live-picked tbody tr")).to_have_count(1)
    radio(item(t2, "数据监察委员会"), "不具有")
    radio(item(t2, "是否为多中心试验/研究"), "否")
    choose(item(t2, "研究状态"), "研究尚未开始")
    t2.locator("button.live-save").click()
    expect(toast(page)).to_have_text("保存成功")
    assert stored(live, project_id)["modules"]["implementation"]["team_members"] == [
        {"name": "钱统计", "mobile": "13800000022"}]


def test_a_dependent_select_in_a_row_follows_its_row(page: Page, live) -> None:
    login(page, live.url)
    editor(page, live.url, saved_project(page, live.url), "#tab1")
    funds = item(tab(page, 1), "本研究经费来源")
    funds.locator("button.live-add").click()
    first, second = funds.locator(".live-row").nth(0), funds.locator(".live-row").nth(1)
    choose(item(first, "资助级别（一级）"), "国家级")
    choose(item(first, "资助级别（二级）"), "国家重点研发计划")
    level2 = item(second, "资助级别（二级）")
    expect(level2.locator("option")).to_have_count(1)  # 请选择 only: its own row has no 一级 yet
    choose(item(second, "资助级别（一级）"), "其他")
    expect(level2).to_be_hidden()
    expect(item(second, "其他名称")).to_be_visible()
