"""A PI files a whole project through the mock's pages by hand: every widget kind, every module saved and
stored as typed, PDFs uploaded, an unregistered institution added, 提交, then the review to 已公开."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.mock_site import test_pages_helpers as ui

pytestmark = pytest.mark.e2e

BASIC = {
    "project_name": "利妥昔单抗治疗难治性肾病综合征的多中心研究", "project_name_en": "Rituximab in refractory nephrotic syndrome",
    "project_type": "非注册临床研究", "project_source": "企事业单位委托研究项目", "commissioning_unit": "某药业有限公司",
    "project_source_detail": "企业委托研究", "filing_title": "利妥昔单抗治疗难治性肾病综合征",
    "expected_duration": {"start": "2025-03-01", "end": "2027-02-28"}, "research_fields": ["肾脏病学", "风湿免疫学"],
    "publish_to_chictr": "是", "ethics_committee": "示例医院医学伦理委员会", "ethics_approval_no": "2025-伦审-017",
    "ethics_approval_date": "2025-01-20",
}


def fill_basic(page: Page) -> None:
    ui.text(page, "项目名称", BASIC["project_name"])
    ui.radio(page, "项目类型", BASIC["project_type"])
    ui.select(page, "项目来源", BASIC["project_source"])
    ui.text(page, "委托单位", BASIC["commissioning_unit"])  # appeared with the 项目来源 above
    ui.text(page, "二级项目来源", BASIC["project_source_detail"])
    ui.text(page, "备案题目", BASIC["filing_title"])
    ui.daterange(page, "本临床试验预计持续时间", "2025-03-01", "2027-02-28")
    ui.multiselect(page, "研究领域", BASIC["research_fields"])
    expect(ui.item(page, "项目名称（英文）")).to_have_count(0)
    ui.radio(page, "是否需在中国临床试验注册中心网站公开", "是")
    ui.text(page, "项目名称（英文）", BASIC["project_name_en"])
    ui.text(page, "伦理委员会名称", BASIC["ethics_committee"])
    ui.text(page, "伦理审查批件号", BASIC["ethics_approval_no"])
    ui.date(page, "伦理审查批准日期", BASIC["ethics_approval_date"])


def fill_implementation(page: Page) -> None:
    lead = ui.item(page, "研究实施负责（组长）单位").locator("input")
    expect(lead).to_be_disabled()
    expect(lead).to_have_value("示例医院")
    ui.radio(page, "是否有参与单位", "有")
    row = ui.add_row(page, "参与单位")
    ui.institution(page, ui.cell(page, "参与单位", row, "单位名称").locator(".el-select"), "北京大学第一医院", "北京大学")
    ui.cell(page, "参与单位", row, "分中心负责人").locator("input").fill("李四")
    ui.cell(page, "参与单位", row, "联系电话").locator("input").fill("13900000002")
    ui.cell(page, "参与单位", row, "电子邮箱").locator("input").fill("lisi@example.org")
    # an institution the system does not know: added through the dialog, then found by the search
    page.locator(ui.ACTIVE).locator("a.el-link", has_text="添加未在系统注册的医疗卫生机构").click()
    dialog = page.locator(".el-dialog[role=dialog][aria-label='添加未在系统注册的医疗卫生机构']")
    expect(dialog).to_be_visible()
    ui.text(page, "机构名称", "某县人民医院", dialog)
    ui.select(page, "所在省份", "河北省", dialog)
    ui.text(page, "所在城市", "保定市", dialog)
    ui.text(page, "详细地址", "某路1号", dialog)
    dialog.locator("button.el-button", has_text="确定").click()
    ui.toast(page, "success", "添加成功")
    expect(dialog).to_be_hidden()
    row2 = ui.add_row(page, "参与单位")
    ui.institution(page, ui.cell(page, "参与单位", row2, "单位名称").locator(".el-select"), "某县人民医院")
    ui.cell(page, "参与单位", row2, "分中心负责人").locator("input").fill("王五")
    ui.cell(page, "参与单位", row2, "联系电话").locator("input").fill("0312-5551234")
    ui.text(page, "申办者", "示例医院")
    ui.text(page, "经费来源", "企业资助")


def fill_content(page: Page) -> None:
    ui.select(page, "研究类型", "干预性研究")
    ui.select(page, "研究阶段", "II期")
    ui.text(page, "研究疾病", "难治性肾病综合征")
    ui.text(page, "研究疾病（英文）", "Refractory nephrotic syndrome")  # 基本信息 was saved with 是
    ui.text(page, "研究疾病代码", "N04.9")
    for label, zh, en in (("研究目的", "评价疗效与安全性", "Efficacy and safety"),
                          ("纳入标准", "18-70岁；激素抵抗", "Aged 18-70; steroid resistant"),
                          ("排除标准", "妊娠或哺乳", "Pregnancy or lactation")):
        ui.text(page, label, zh)
        ui.text(page, label + "（英文）", en)
    ui.text(page, "研究背景", "难治性肾病综合征缺乏有效治疗")
    for name, kind, when in (("完全缓解率", "主要指标", "第24周"), ("复发率", "次要指标", "第52周")):
        row = ui.add_row(page, "结局指标")
        ui.cell(page, "结局指标", row, "指标名称").locator("input").fill(name)
        ui.choose(page, ui.cell(page, "结局指标", row, "指标类型").locator(".el-select"), kind)
        ui.cell(page, "结局指标", row, "测量时间点").locator("input").fill(when)


def fill_design(page: Page) -> None:
    expect(ui.item(page, "随机方法")).to_have_count(0)
    ui.select(page, "研究设计", "随机平行对照")
    ui.text(page, "随机方法", "中心随机，区组长度4")
    ui.select(page, "盲法", "开放标签")
    for group, size, what in (("治疗组", 30, "利妥昔单抗"), ("对照组", 30, "他克莫司")):
        row = ui.add_row(page, "干预措施")
        ui.cell(page, "干预措施", row, "组别").locator("input").fill(group)
        ui.number(page, ui.cell(page, "干预措施", row, "样本量"), size)
        ui.cell(page, "干预措施", row, "干预措施").locator("input").fill(what)
    ui.radio(page, "是否超说明书用药", "是")
    ui.radio(page, "是否为无安全数据的联合用药", "否")
    ui.number(page, ui.item(page, "总样本量"), 60)


def fill_recruitment(page: Page) -> None:
    ui.select(page, "招募状态", "尚未开始")
    ui.daterange(page, "招募时间", "2025-04-01", "2026-12-31")
    ui.number(page, ui.item(page, "最小年龄（岁）"), 18)
    ui.number(page, ui.item(page, "最大年龄（岁）"), 70)
    ui.radio(page, "性别", "男女均可")
    ui.text(page, "招募联系人", "张医生")
    ui.text(page, "联系人电话", "010-83572211")
    ui.text(page, "联系人邮箱", "zhang@example.org")


def fill_other(page: Page) -> None:
    row = ui.add_row(page, "其他研究平台项目信息")
    ui.choose(page, ui.cell(page, "其他研究平台项目信息", row, "注册平台").locator(".el-select"), "中国临床试验注册中心")
    ui.cell(page, "其他研究平台项目信息", row, "注册号").locator("input").fill("ChiCTR2400081234")
    ui.typed_date(page, ui.cell(page, "其他研究平台项目信息", row, "注册日期").locator("input"), "2024-03-05")


def fill_sharing(page: Page) -> None:
    ui.radio(page, "是否共享原始数据", "是")
    ui.text(page, "原始数据共享方式", "研究结束后经申请共享")
    ui.radio(page, "是否公开试验结果", "公开")
    ui.text(page, "数据采集和管理", "EDC 系统采集，双人核对")
    ui.radio(page, "数据与安全监察委员会", "有")


EXPECTED = {
    "basic_info": BASIC,
    "implementation": {
        "lead_unit": "示例医院", "has_participating_units": "有", "sponsor": "示例医院", "funding_source": "企业资助",
        "participating_units": [
            {"institution": "北京大学第一医院", "unit_pi_name": "李四", "unit_pi_phone": "13900000002",
             "unit_pi_email": "lisi@example.org"},
            {"institution": "某县人民医院", "unit_pi_name": "王五", "unit_pi_phone": "0312-5551234"}],
    },
    "research_content": {
        "study_type": "干预性研究", "study_phase": "II期", "conditions": "难治性肾病综合征",
        "conditions_en": "Refractory nephrotic syndrome", "condition_code": "N04.9",
        "objectives": "评价疗效与安全性", "objectives_en": "Efficacy and safety", "background": "难治性肾病综合征缺乏有效治疗",
        "inclusion_criteria": "18-70岁；激素抵抗", "inclusion_criteria_en": "Aged 18-70; steroid resistant",
        "exclusion_criteria": "妊娠或哺乳", "exclusion_criteria_en": "Pregnancy or lactation",
        "outcomes": [{"name": "完全缓解率", "kind": "主要指标", "timepoint": "第24周"},
                     {"name": "复发率", "kind": "次要指标", "timepoint": "第52周"}],
    },
    "research_design": {
        "design_type": "随机平行对照", "randomization": "中心随机，区组长度4", "blinding": "开放标签",
        "interventions": [{"group": "治疗组", "sample_size": 30, "intervention": "利妥昔单抗"},
                          {"group": "对照组", "sample_size": 30, "intervention": "他克莫司"}],
        "off_label_use": "是", "unproven_combination": "否", "sample_size_total": 60,
    },
    "recruitment": {
        "recruitment_status": "尚未开始", "recruitment_period": {"start": "2025-04-01", "end": "2026-12-31"},
        "age_min": 18, "age_max": 70, "sex": "男女均可", "contact_name": "张医生", "contact_phone": "010-83572211",
        "contact_email": "zhang@example.org",
    },
    "other_registrations": {"registrations": [
        {"platform": "中国临床试验注册中心", "registration_no": "ChiCTR2400081234", "registration_date": "2024-03-05"}]},
    "data_sharing": {"ipd_sharing": "是", "ipd_sharing_plan": "研究结束后经申请共享", "results_public": "公开",
                     "data_management": "EDC 系统采集，双人核对", "dsmb": "有"},
}

STEPS = [("基本信息", "basic_info", fill_basic), ("实施信息", "implementation", fill_implementation),
         ("研究内容", "research_content", fill_content), ("研究设计", "research_design", fill_design),
         ("招募信息", "recruitment", fill_recruitment), ("其他信息", "other_registrations", fill_other),
         ("数据共享", "data_sharing", fill_sharing)]


def test_a_pi_files_every_module_uploads_submits_and_sees_the_filing_number(page: Page, mock, tmp_path):
    ui.login(page)
    project_id = ui.new_project(page)
    for label, key, fill in STEPS:
        ui.tab(page, label)
        fill(page)
        assert ui.save(page).status == 200
        assert ui.project_of(mock, project_id)["modules"][key] == EXPECTED[key], key

    # a reload shows what the server stored
    page.goto(f"/projects/{project_id}/edit?tab=research_design")
    expect(ui.item(page, "随机方法").locator("textarea")).to_have_value("中心随机，区组长度4")
    expect(ui.item(page, "总样本量").locator("input[role=spinbutton]")).to_have_attribute("aria-valuenow", "60")
    ui.tab(page, "基本信息")
    expect(ui.item(page, "研究领域").locator(".el-select__tags-text")).to_have_text(["肾脏病学", "风湿免疫学"])
    assert ui.item(page, "本临床试验预计持续时间").locator("input.el-range-input").evaluate_all(
        "els => els.map(e => e.value)") == ["2025-03-01", "2027-02-28"]

    ui.tab(page, "相关附件")
    protocol, icf = ui.pdf(tmp_path, "研究方案.pdf"), ui.pdf(tmp_path, "知情同意书.pdf", "Informed consent")
    ui.item(page, "研究方案").locator("input.el-upload__input[type=file]").set_input_files(protocol)
    ui.item(page, "知情同意书").locator("input.el-upload__input[type=file]").set_input_files(icf)
    others = ui.item(page, "其他文件")
    extra = [ui.pdf(tmp_path, "伦理批件.pdf"), ui.pdf(tmp_path, "数据管理计划.pdf")]
    others.locator("input.el-upload__input[type=file]").set_input_files(extra)
    expect(ui.item(page, "研究方案").locator("li.el-upload-list__item.is-success a.el-upload-list__item-name")
           ).to_have_text("研究方案.pdf")
    expect(others.locator("li.el-upload-list__item.is-success a.el-upload-list__item-name")).to_have_text(
        ["伦理批件.pdf", "数据管理计划.pdf"])
    # a file that is not a PDF is refused: its list item vanishes and a toast says why
    note = tmp_path / "说明.pdf"
    note.write_text("not really a pdf", encoding="utf-8")
    others.locator("input.el-upload__input[type=file]").set_input_files(note)
    ui.toast(page, "error", "PDF")
    expect(others.locator("li.el-upload-list__item")).to_have_count(2)
    # deleting one: the item leaves (hover shows its close icon) and the server forgets the file
    doomed = others.locator("li.el-upload-list__item").filter(has_text="数据管理计划.pdf")
    doomed.hover()
    doomed.locator("i.el-icon-close").click()
    expect(others.locator("li.el-upload-list__item")).to_have_count(1)
    assert ui.save(page).status == 200
    files = ui.project_of(mock, project_id)["attachments"]
    assert [f["name"] for f in files["protocol"]] == ["研究方案.pdf"]
    assert [f["name"] for f in files["other_files"]] == ["伦理批件.pdf"]

    page.locator("button.el-button").filter(has_text="提交").click()
    box = page.locator(".el-message-box")
    expect(box).to_contain_text("确认提交备案？")
    box.locator("button.el-button").filter(has_text="确定").click()
    ui.toast(page, "success", "提交成功")
    page.wait_for_url(f"**/projects/{project_id}/progress")
    expect(page.locator(".el-descriptions-item__content").nth(2)).to_have_text("学术审查中")

    for _ in range(3):
        mock.control("POST", f"projects/{project_id}/review", {"decision": "approve", "opinion": "同意"})
    page.reload()
    filing_no = ui.project_of(mock, project_id)["filing_no"]
    assert re.fullmatch(r"MR-11-\d{2}-\d{6}", filing_no)
    expect(page.locator(".el-descriptions-item__content").nth(1)).to_have_text(filing_no)
    expect(page.locator(".el-descriptions-item__content").nth(2)).to_have_text("已公开")
    events = page.locator("li.el-timeline-item")
    expect(events).to_have_count(5)
    expect(events.first.locator(".el-timeline-item__content")).to_contain_text("环节：提交")
    expect(events.last.locator(".el-timeline-item__content")).to_contain_text("结果：已公开")
    expect(events.last.locator(".el-timeline-item__timestamp")).to_have_text(
        re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"))
