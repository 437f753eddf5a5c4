"""The live-2026 face over HTTP: what a tab's save stores and what its rules refuse."""

from __future__ import annotations

import pytest

from tests.mock_site.live.live_support import (
    FILING,
    client,
    errors,
    new_project,
    pdf_bytes,
    replace,
    save,
    stored,
    upload,
)


def test_the_first_tab0_save_creates_the_project_and_names_become_catalog_keys(live):
    c = client(live)
    project_id = new_project(c)
    project = stored(live, project_id)
    assert project["form"] == "live-2026" and project["status"] == "draft"
    assert project["modules"] == {"research_category": {
        "implementing_unit": "示例医院", "research_type_l1": "研究者发起的临床研究", "research_type_l2": "观察性研究",
        "diagnostic_test": "否", "tcm_guided": "否", "invasive_bci": "否"}}


def test_rows_pairs_dates_ranges_and_numbers_are_stored_the_way_a_spec_writes_them(live):
    c = client(live)
    project_id = new_project(c)
    second_row = [("funds", ""), ("funds.sourceId", "其他"), ("funds.otherInfo", "院内基金"), ("funds.projectName", "院内课题"),
                  ("funds.projectNumber", "YN-7"), ("funds.isInternationalCooperation", "true"),
                  ("funds.projectTime", "2024-12-01"), ("funds.fundsAmount", "20")]
    items = FILING[1][:13] + second_row + FILING[1][13:]
    r = save(c, 1, items, project_id)
    assert r.status_code == 200, r.text
    basic = stored(live, project_id)["modules"]["basic_info"]
    assert basic["funding_sources"] == [
        {"funding_level_1": "国家级", "funding_level_2": "国家重点研发计划", "project_name": "慢病防控专项",
         "project_number": "2025YFC0001", "international_cooperation": "否", "project_date": "2025-01-10",
         "amount": 120.5},
        {"funding_level_1": "其他", "funding_other_name": "院内基金", "project_name": "院内课题",
         "project_number": "YN-7", "international_cooperation": "是", "project_date": "2024-12-01", "amount": 20},
    ]
    assert basic["study_period"] == {"start": "2025-03-01", "end": "2027-02-28"}
    assert basic["total_funds"] == 120.5 and basic["sync_platform"] == "两个平台均不公开"
    assert stored(live, project_id)["project_name"] == "社区高血压患者队列研究"


def test_lists_and_single_column_rows(live):
    c = client(live)
    project_id = new_project(c)
    assert save(c, 3, FILING[3], project_id).status_code == 200
    assert save(c, 4, FILING[4], project_id).status_code == 200
    modules = stored(live, project_id)["modules"]
    assert modules["research_content"]["keywords"] == ["高血压", "队列"]
    assert modules["research_content"]["icd11_codes"] == ["BA00"]
    assert modules["research_content"]["discipline_classification"] == ["循环系统"]
    design = modules["research_design"]
    assert design["inclusion_criteria"] == [{"criterion": "确诊原发性高血压"}, {"criterion": "签署知情同意书"}]
    assert design["age_min"] == 18 and design["consent_exempt"] == "否"
    assert "age_min_months" not in design  # hidden while its unit is 不限


def test_required_controls_are_refused_by_name_and_nothing_is_created(live):
    c = client(live)
    r = save(c, 0, [("organizationId", "示例医院")])
    assert errors(r) == {"type1": "请选择研究分类（一级）", "type2": "请选择研究分类（二级）",
                         "chineseMedicineTheory": "请选择干预措施（暴露因素）是否以中医理论为指导"}
    assert live.projects() == []


def test_options_are_checked_against_the_catalog_and_the_parent(live):
    c = client(live)
    r = save(c, 0, replace(FILING[0], type2="药品"))  # a 二级 of the other 一级
    assert errors(r)["type2"] == "研究分类（二级）的选项无效"
    r = save(c, 0, replace(FILING[0], chineseMedicineTheory="也许"))
    assert errors(r)["chineseMedicineTheory"] == "干预措施（暴露因素）是否以中医理论为指导的选项无效"
    r = save(c, 0, replace(FILING[0], organizationId="北京大学第一医院"))
    assert errors(r)["organizationId"] == "研究实施单位只能是本人所在单位"
    project_id = new_project(c)
    r = save(c, 1, replace(FILING[1], syncPlatform="国际传统医学临床试验注册平台公开（暂未开通）"), project_id)
    assert "暂未开通" in errors(r)["syncPlatform"]


def test_hidden_controls_are_not_stored_and_shown_ones_become_required(live):
    c = client(live)
    r = save(c, 0, replace(FILING[0], type2="干预性研究"))  # 是否是诊断试验 hides, 生物医学新技术… shows
    assert errors(r) == {"productInfoType": "请选择是否为生物医学新技术临床研究或涉及未上市产品"}
    r = save(c, 0, replace(FILING[0], type2="干预性研究") + [("productInfoType", "否")])
    assert r.status_code == 200, r.text
    category = stored(live, r.json()["data"]["id"])["modules"]["research_category"]
    assert category["iit_product_attribute"] == "否" and "diagnostic_test" not in category


def test_a_row_condition_is_judged_in_its_row_and_row_errors_name_the_row(live):
    c = client(live)
    project_id = new_project(c)
    items = FILING[1][:13] + [("funds", ""), ("funds.sourceId", "其他"), ("funds.projectName", "课题"),
                              ("funds.projectNumber", "X"), ("funds.isInternationalCooperation", "true"),
                              ("funds.isInternationalCooperation", "false"), ("funds.fundsAmount", "1.5.2")]
    items += FILING[1][13:]
    got = errors(save(c, 1, items, project_id))
    assert got == {"funds.otherInfo[1]": "第2项：请填写其他名称", "funds.projectTime[1]": "第2项：请选择立项时间",
                   "funds.isInternationalCooperation[1]": "第2项：涉及国际合作只能选择一项",
                   "funds.fundsAmount[1]": "第2项：资金额度必须为数字"}
    assert "basic_info" not in stored(live, project_id)["modules"]


def test_an_empty_row_is_dropped_but_still_counted_in_messages(live):
    c = client(live)
    project_id = new_project(c)
    rows = [("inclusionCriteria[]", ""), ("inclusionCriteria[]", "成年")]
    items = [(n, v) for n, v in FILING[4] if n != "inclusionCriteria[]"]
    at = items.index(("exclusionCriteria[]", "继发性高血压"))
    items[at:at] = rows
    items = [(n, v) for n, v in items if not n.startswith("indicator")] + [
        ("indicator", ""), ("indicator", ""), ("indicator.name", "血压"), ("indicator.type", "主要指标"),
        ("indicatorType2", "治疗指标"), ("indicatorType3", "客观化验/检查指标"), ("indicator.timePoint", "1年"),
        ("indicator.measureMethod", "测量")]
    assert save(c, 4, items, project_id).status_code == 200
    design = stored(live, project_id)["modules"]["research_design"]
    assert design["inclusion_criteria"] == [{"criterion": "成年"}]
    assert [o["outcome_name"] for o in design["outcomes"]] == ["血压"]
    broken = [(n, v) for n, v in items if n != "indicator.timePoint"]
    assert errors(save(c, 4, broken, project_id)) == {"indicator.timePoint[1]": "第2项：请填写测量时间点"}


def test_english_twins_are_required_only_when_published_on_chictr(live):
    c = client(live)
    project_id = new_project(c)
    publish = replace(FILING[1], syncPlatform="中国临床试验注册中心公开") + [("registrationStatus", "预填报")]
    got = errors(save(c, 1, publish, project_id))
    assert got["eng.name"] == "请填写Scientific title" and got["eng.publicName"] == "请填写Public title"
    assert got["funds.sourceEname[0]"] == "第1项：请填写Source(s) of funding"
    publish += [("eng.name", "社区研究"), ("eng.publicName", "Hypertension cohort"), ("funds.sourceEname", "National")]
    got = errors(save(c, 1, publish, project_id))
    assert got == {"eng.name": "Scientific title请使用英文填写"}
    # not published: the English values a page would not show are not stored
    r = save(c, 1, FILING[1] + [("eng.name", "A cohort")], project_id)
    assert r.status_code == 200
    assert "research_title_en" not in stored(live, project_id)["modules"]["basic_info"]


def test_pickers_only_take_what_their_dialogs_offer(live):
    c = client(live)
    project_id = new_project(c)
    got = errors(save(c, 3, replace(FILING[3], researchIcds="ZZ99", researchNsfcs="占星学"), project_id))
    assert got == {"researchIcds": "国际疾病分类(ICD-11)的选项无效：ZZ99", "researchNsfcs": "学科分类的选项无效：占星学"}
    got = errors(save(c, 2, replace(FILING[2], members__name="路人甲"), project_id))
    assert got == {"members[0]": "第1项：研究团队成员“路人甲”不是本机构人员"}
    got = errors(save(c, 2, replace(FILING[2], members__mobile="13900000000"), project_id))
    assert got == {"members[0]": "第1项：研究团队成员“张医生”不是本机构人员"}
    icd = c.get("/research/api/icd11", params={"q": "高血压"}).json()["data"]
    assert {"code": "BA00", "name": "原发性高血压"} in icd
    people = c.get("/research/api/people").json()["data"]
    assert people[0]["name"] == "张医生" and {"赵护士", "钱统计", "孙医生"} <= {p["name"] for p in people}
    staff = people[-1]
    picked = replace(FILING[2], members__name=staff["name"], members__mobile=staff["mobile"])
    assert save(c, 2, picked, project_id).status_code == 200
    assert stored(live, project_id)["modules"]["implementation"]["team_members"] == [
        {"name": staff["name"], "mobile": staff["mobile"]}]
    disciplines = c.get("/research/api/disciplines", params={"q": "肾脏"}).json()["data"]
    assert {"name": "肾脏病学", "group": "内科学"} in disciplines
    orgs = c.get("/research/api/orgs", params={"q": "北京大学"}).json()["data"]
    assert "北京大学第一医院" in [o["name"] for o in orgs]


def test_participating_units_registered_or_typed_in_full(live):
    c = client(live)
    project_id = new_project(c)
    unit = [("branch", ""), ("branch.organizationName", "北京大学第一医院"), ("branch.country", "中国"),
            ("branch.province", "北京市"), ("branch.orgLevel", "三级甲等"), ("branch.orgAddress", "某路1号"),
            ("branch.userName", "李四"), ("branch.userMobile", "13900000002")]
    typed = [("branch", ""), ("branch.organizationName", "某县人民医院"), ("branch.orgPostcode", "071000"),
             ("branch.country", "中国"), ("branch.province", "河北省"), ("branch.orgLevel", "县级"),
             ("branch.orgAddress", "河北省保定市某路 1 号"), ("branch.userName", "王五"), ("branch.userMobile", "1390000")]
    multi = replace(FILING[2], multicenterFlag="是") + [
        ("multicenterType", "国内多中心"), ("orgRole", "国内牵头"), ("hasBranch", "有")] + unit + typed
    assert errors(save(c, 2, multi, project_id)) == {"branch.orgLevel[1]": "第2项：机构等级的选项无效",
                                                     "branch.userMobile[1]": "第2项：负责人手机格式不正确"}
    r = save(c, 2, [(n, "二级甲等" if v == "县级" else "13900000003" if v == "1390000" else v) for n, v in multi],
             project_id)
    assert r.status_code == 200, r.text
    units = stored(live, project_id)["modules"]["implementation"]["participating_units"]
    assert units == [
        {"institution": "北京大学第一医院", "country": "中国", "province": "北京市", "institution_level": "三级甲等",
         "address": "某路1号", "unit_pi": "李四", "unit_pi_mobile": "13900000002"},
        {"institution": "某县人民医院", "postcode": "071000", "country": "中国", "province": "河北省",
         "institution_level": "二级甲等", "address": "河北省保定市某路 1 号", "unit_pi": "王五",
         "unit_pi_mobile": "13900000003"}]


def test_uploads_keep_their_size_limits_and_take_only_pdf(live):
    c = client(live)
    project_id = new_project(c)
    big = pdf_bytes(b"%" + b"x" * (5 * 2**20) + b"\n")
    r = upload(c, project_id, "protocol", big)
    assert r.status_code == 422 and r.json() == {"code": 1, "msg": "文件超过 5 MB"}
    assert upload(c, project_id, "other_files", big).json()["code"] == 0  # 其他文件 takes 10 MB
    r = upload(c, project_id, "protocol", b"PK\x03\x04 not a pdf %%EOF", "方案.pdf")
    assert r.json()["msg"] == "只能上传 PDF 文件"
    assert upload(c, project_id, "protocol", pdf_bytes(), "研究方案.pdf").json()["code"] == 0
    files = stored(live, project_id)["attachments"]
    assert [f["name"] for f in files["protocol"]] == ["研究方案.pdf"] and len(files["other_files"]) == 1


def test_a_tab_other_than_tab0_needs_a_saved_project(live):
    c = client(live)
    r = save(c, 1, FILING[1])
    assert errors(r) == {"": "请先保存研究类别"}


def test_a_condition_on_another_tabs_rows_means_any_row(live):
    c = client(live)
    r = save(c, 0, replace(FILING[0], type2="干预性研究", diagnosticTest=None) + [("productInfoType", "否")])
    project_id = r.json()["data"]["id"]
    recruiting = [("recruitmentFlag", "是"), ("recruitStatus", "暂未进行招募")]
    assert save(c, 1, FILING[1], project_id).status_code == 200  # its one row: 国际合作 否
    assert save(c, 5, recruiting, project_id).status_code == 200
    second = [("funds", ""), ("funds.sourceId", "其他"), ("funds.otherInfo", "国际基金"), ("funds.projectName", "合作课题"),
              ("funds.projectNumber", "INT-1"), ("funds.isInternationalCooperation", "true"),
              ("funds.projectTime", "2025-02-01"), ("funds.fundsAmount", "5")]
    assert save(c, 1, FILING[1][:13] + second + FILING[1][13:], project_id).status_code == 200
    assert errors(save(c, 5, recruiting, project_id)) == {"overseasRecruitFlag": "请选择是否在境外招募研究参与者"}


@pytest.mark.parametrize(("tab", "changes", "name", "message"), [
    (4, {"sampleSize": "12.5"}, "sampleSize", "样本量必须为整数"),
    (4, {"sampleSize": "-3"}, "sampleSize", "样本量不能小于0"),
    (4, {"firstSubjectsExpectedDate": "2025-02-30"}, "firstSubjectsExpectedDate",
     "预期第一例研究对象签署知情同意日期不是有效日期"),
    (1, {"completeTime": "2024-01-01"}, "startTime", "研究预计持续时间的结束日期不能早于开始日期"),
    (1, {"totalFunds": "十万"}, "totalFunds", "本研究总经费必须为数字"),
    (6, {"platform__name": "其他", "platform__recordNo": "N" * 81}, "platform.recordNo", "第1项：平台研究编号不能超过80个字"),
])
def test_value_formats(live, tab, changes, name, message):
    c = client(live)
    project_id = new_project(c)
    got = errors(save(c, tab, replace(FILING[tab], **changes), project_id))
    key = name if tab != 6 else f"{name}[0]"
    assert got[key] == message
