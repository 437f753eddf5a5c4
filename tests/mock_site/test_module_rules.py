"""Every rule the server enforces on a module save, failing and passing, over HTTP against the real mock."""

from __future__ import annotations

from typing import Any

import pytest

from tests.mock_site.api_support import client, complete, errors_of, new_project, save

DELETE = object()


def patched(module: str, **changes: Any) -> dict[str, Any]:
    values = complete()[module]
    for key, value in changes.items():
        if value is DELETE:
            values.pop(key, None)
        else:
            values[key] = value
    return values


def unit(**changes: Any) -> list[dict[str, Any]]:
    row = {"institution": "北京大学第一医院", "unit_pi_name": "李四", "unit_pi_phone": "13900000002"}
    row.update(changes)
    return [{k: v for k, v in row.items() if v is not DELETE}]


# (module, changes, error path, words the message holds)
FAILING = [
    ("basic_info", {"project_name": DELETE}, "project_name", "请填写项目名称"),
    ("basic_info", {"project_name": "   "}, "project_name", "请填写项目名称"),
    ("basic_info", {"project_source": "企事业单位委托研究项目"}, "commissioning_unit", "请填写委托单位"),
    ("basic_info", {"project_source": "国际合作项目"}, "cooperating_unit", "请填写合作单位"),
    ("basic_info", {"project_type": "注册研究"}, "project_type", "选项无效"),
    ("basic_info", {"project_source": "国家级"}, "project_source", "选项无效"),
    ("basic_info", {"research_fields": ["肾脏病学", "火星医学"]}, "research_fields", "火星医学"),
    ("basic_info", {"research_fields": ["肾脏病学", "肾脏病学"]}, "research_fields", "重复"),
    ("basic_info", {"research_fields": "肾脏病学"}, "research_fields", "格式不正确"),
    ("basic_info", {"project_name": "研" * 201}, "project_name", "不能超过200个字"),
    ("basic_info", {"filing_title_short": "短" * 51}, "filing_title_short", "不能超过50个字"),
    ("basic_info", {"ethics_approval_date": "2025-02-30"}, "ethics_approval_date", "不是有效日期"),
    ("basic_info", {"ethics_approval_date": "2025/01/20"}, "ethics_approval_date", "不是有效日期"),
    ("basic_info", {"expected_duration": {"start": "2027-01-01", "end": "2025-01-01"}}, "expected_duration",
     "结束日期不能早于开始日期"),
    ("basic_info", {"expected_duration": {"start": "2025-01-01"}}, "expected_duration", "开始和结束日期"),
    ("basic_info", {"publish_to_chictr": "是"}, "project_name_en", "请填写项目名称（英文）"),
    ("basic_info", {"publish_to_chictr": "是", "project_name_en": "利妥昔单抗 study"}, "project_name_en", "英文"),
    ("basic_info", {"nickname": "x"}, "nickname", "未知字段"),
    ("implementation", {"participating_units": DELETE}, "participating_units", "请添加参与单位"),
    ("implementation", {"participating_units": unit(unit_pi_phone="12345")},
     "participating_units[0].unit_pi_phone", "第1行：联系电话格式不正确"),
    ("implementation", {"participating_units": unit(unit_pi_phone=DELETE)},
     "participating_units[0].unit_pi_phone", "请填写联系电话"),
    ("implementation", {"participating_units": unit(unit_pi_email="lisi@")},
     "participating_units[0].unit_pi_email", "格式不正确"),
    ("implementation", {"participating_units": unit(institution="某县人民医院")},
     "participating_units[0].institution", "未在系统注册"),
    ("implementation", {"participating_units": unit(room="3")}, "participating_units[0].room", "未知字段"),
    ("implementation", {"lead_unit": "北京大学第一医院"}, "lead_unit", "本人所在单位"),
    ("research_content", {"outcomes": [{"name": "不良事件", "kind": "次要指标"}]}, "outcomes", "主要指标"),
    ("research_content", {"outcomes": []}, "outcomes", "请添加结局指标"),
    ("research_content", {"outcomes": [{"kind": "主要指标"}]}, "outcomes[0].name", "请填写指标名称"),
    ("research_content", {"condition_code": "肾病"}, "condition_code", "ICD-10"),
    ("research_design", {"design_type": "随机平行对照"}, "randomization", "请填写随机方法"),
    ("research_design", {"sample_size_total": 0}, "sample_size_total", "不能小于1"),
    ("research_design", {"sample_size_total": 12.5}, "sample_size_total", "整数"),
    ("research_design", {"sample_size_total": "很多"}, "sample_size_total", "数字"),
    ("research_design", {"interventions": [{"group": "A", "sample_size": 0, "intervention": "药"}]},
     "interventions[0].sample_size", "第1行：样本量不能小于1"),
    ("research_design", {"interventions": DELETE}, "interventions", "请添加干预措施"),
    ("recruitment", {"age_min": 60, "age_max": 18}, "age_max", "最大年龄不能小于最小年龄"),
    ("recruitment", {"age_max": 151}, "age_max", "不能大于150"),
    ("recruitment", {"contact_phone": "8357-22"}, "contact_phone", "联系人电话格式不正确"),
    ("recruitment", {"contact_email": "zhang at example.org"}, "contact_email", "格式不正确"),
    ("recruitment", {"sex": "不限"}, "sex", "选项无效"),
    ("other_registrations", {"registrations": [{"platform": "ClinicalTrials.gov", "registration_no": "ChiCTR2400081234"}]},
     "registrations[0].registration_no", "注册号与注册平台不符"),
    ("other_registrations", {"registrations": [{"platform": "中国临床试验注册中心", "registration_no": "ChiCTR24"}]},
     "registrations[0].registration_no", "注册号格式不正确"),
    ("other_registrations", {"registrations": [{"platform": "中国临床试验注册中心", "registration_no": "ChiCTR2400081234",
                                                "registration_date": "2024-13-01"}]},
     "registrations[0].registration_date", "不是有效日期"),
    ("data_sharing", {"ipd_sharing": "是"}, "ipd_sharing_plan", "请填写原始数据共享方式"),
]

PASSING = [
    ("basic_info", {"project_source": "企事业单位委托研究项目", "commissioning_unit": "某药业有限公司"}),
    ("basic_info", {"project_source": "国际合作项目", "cooperating_unit": "University of Oxford"}),
    ("basic_info", {"publish_to_chictr": "是", "project_name_en": "Rituximab for refractory nephrotic syndrome"}),
    ("basic_info", {"expected_duration": {"start": "2025-01-01", "end": "2025-01-01"}, "ethics_approval_date": "2024-02-29"}),
    ("basic_info", {"project_name": "研" * 200}),
    ("implementation", {"has_participating_units": "无", "participating_units": DELETE}),
    ("implementation", {"participating_units": unit(unit_pi_phone="0571-87236666", unit_pi_email="a.b@zju.edu.cn")}),
    ("implementation", {"lead_unit": "示例医院"}),
    ("research_content", {"condition_code": "N04.9"}),
    ("research_design", {"design_type": "随机平行对照", "randomization": "区组随机"}),
    ("research_design", {"sample_size_total": "40"}),
    ("recruitment", {"age_min": 0, "age_max": 150, "contact_email": "zhang@example.org"}),
    ("other_registrations", {"registrations": [{"platform": "ClinicalTrials.gov", "registration_no": "NCT01234567"},
                                               {"platform": "药物临床试验登记与信息公示平台", "registration_no": "CTR20241234"}]}),
    ("other_registrations", {"registrations": DELETE}),
    ("data_sharing", {"ipd_sharing": "是", "ipd_sharing_plan": "研究结束后 6 个月内通过 ResMan 共享"}),
]


@pytest.fixture
def project(mock):
    c = client(mock)
    project_id = new_project(c)
    # research_content first: the interventions rule of 研究设计 reads its saved study type
    assert save(c, project_id, "research_content", complete()["research_content"]).status_code == 200
    yield c, project_id
    c.close()


@pytest.mark.parametrize(("module", "changes", "path", "words"), FAILING,
                         ids=[f"{m}-{p}-{w}" for m, _, p, w in FAILING])
def test_a_rule_refuses_the_save_and_names_the_field(mock, project, module, changes, path, words):
    c, project_id = project
    before = next(p for p in mock.projects() if p["id"] == project_id)["modules"]
    r = save(c, project_id, module, patched(module, **changes))
    assert r.json()["message"] == "请检查标红的字段"
    errors = errors_of(r)
    assert path in errors, errors
    assert words in errors[path]
    after = next(p for p in mock.projects() if p["id"] == project_id)["modules"]
    assert after == before  # a failed save stores nothing


@pytest.mark.parametrize(("module", "changes"), PASSING, ids=[f"{m}-{'+'.join(c)}" for m, c in PASSING])
def test_valid_values_are_saved_as_sent(mock, project, module, changes):
    c, project_id = project
    values = patched(module, **changes)
    r = save(c, project_id, module, values)
    assert r.status_code == 200, r.text
    assert r.json()["message"] == "保存成功"
    stored = next(p for p in mock.projects() if p["id"] == project_id)["modules"][module]
    expected = {k: v for k, v in values.items() if k != "lead_unit"}
    if module == "research_design" and changes.get("sample_size_total") == "40":
        expected["sample_size_total"] = 40  # a number typed as text is stored as the number
    assert {k: v for k, v in stored.items() if k != "lead_unit"} == expected


def test_lead_unit_is_the_owners_institution(mock, project):
    c, project_id = project
    assert save(c, project_id, "implementation", complete()["implementation"]).status_code == 200
    stored = next(p for p in mock.projects() if p["id"] == project_id)["modules"]["implementation"]
    assert stored["lead_unit"] == "示例医院"


def test_a_failed_save_keeps_the_previous_values(mock, project):
    c, project_id = project
    assert save(c, project_id, "basic_info", complete()["basic_info"]).status_code == 200
    bad = patched("basic_info", project_name="新名称", ethics_approval_date="2025-02-30")
    assert save(c, project_id, "basic_info", bad).status_code == 422
    stored = next(p for p in mock.projects() if p["id"] == project_id)["modules"]["basic_info"]
    assert stored["project_name"] == complete()["basic_info"]["project_name"]


def test_english_twins_follow_the_saved_publish_choice(mock, project):
    c, project_id = project
    content = complete()["research_content"]
    published = patched("basic_info", publish_to_chictr="是", project_name_en="Rituximab study")
    assert save(c, project_id, "basic_info", published).status_code == 200
    errors = errors_of(save(c, project_id, "research_content", content))
    assert set(errors) == {"conditions_en", "objectives_en", "inclusion_criteria_en", "exclusion_criteria_en"}
    assert errors["conditions_en"] == "请填写研究疾病（英文）"
    content.update(conditions_en="Refractory nephrotic syndrome", objectives_en="Efficacy of rituximab",
                   inclusion_criteria_en="Aged 18-70", exclusion_criteria_en="Pregnancy")
    assert save(c, project_id, "research_content", content).status_code == 200


def test_interventions_are_required_only_for_an_interventional_study(mock, project):
    c, project_id = project
    design = patched("research_design", interventions=DELETE)
    assert "interventions" in errors_of(save(c, project_id, "research_design", design))
    observational = patched("research_content", study_type="观察性研究")
    assert save(c, project_id, "research_content", observational).status_code == 200
    assert save(c, project_id, "research_design", design).status_code == 200


def test_an_added_institution_is_known_to_its_adder_only(mock, project):
    c, project_id = project
    values = patched("implementation", participating_units=unit(institution="某县人民医院"))
    r = c.post("/api/institutions", json={"name": "某县人民医院", "province": "河北省", "city": "保定市",
                                          "address": "某路1号"})
    assert r.status_code == 200 and r.json()["message"] == "添加成功"
    assert save(c, project_id, "implementation", values).status_code == 200
    assert [i["name"] for i in c.get("/api/institutions", params={"q": "某县"}).json()] == ["某县人民医院"]

    other = client(mock, "13800000009", "123456")
    assert other.get("/api/institutions", params={"q": "某县"}).json() == []
    other.close()


def test_the_institution_dialog_checks_its_fields(mock, project):
    c, _ = project
    r = c.post("/api/institutions", json={"name": "", "province": "火星", "city": ""})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["errors"]} == {"name", "province", "city"}


def test_registered_institutions_are_searchable(mock, project):
    c, _ = project
    names = [i["name"] for i in c.get("/api/institutions", params={"q": "华西"}).json()]
    assert names == ["四川大学华西医院"]
    hit = c.get("/api/institutions", params={"q": "中山大学附属第一医院"}).json()[0]
    assert hit == {"name": "中山大学附属第一医院", "province": "广东省", "city": "广州市"}


def test_unknown_module_is_404(mock, project):
    c, project_id = project
    assert save(c, project_id, "budget", {}).status_code == 404
