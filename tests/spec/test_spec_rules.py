"""Every rule: a spec that breaks it gets the finding (rule id, path, severity); a close spec that keeps it does
not."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.spec.helpers import DELETE, MULTI, SINGLE, check, edit, example

TODAY = dt.date.today()

FAILING = [
    # (example, changes, rule, path, severity)
    (SINGLE, {"basic_info.project_name": DELETE}, "required", "basic_info.project_name", "error"),
    (SINGLE, {"basic_info.filing_title": "   "}, "required", "basic_info.filing_title", "error"),
    (SINGLE, {"research_content.outcomes[0].name": DELETE}, "required", "research_content.outcomes[0].name", "error"),
    (SINGLE, {"research_design": DELETE}, "required", "research_design", "error"),
    (SINGLE, {"basic_info.project_source": "企事业单位委托研究项目"}, "required", "basic_info.commissioning_unit", "error"),
    (SINGLE, {"basic_info.project_source": "国际合作项目"}, "required", "basic_info.cooperating_unit", "error"),
    (SINGLE, {"implementation.has_participating_units": "有"}, "required", "implementation.participating_units",
     "error"),
    (SINGLE, {"research_design.design_type": "随机交叉对照"}, "required", "research_design.randomization", "error"),
    (SINGLE, {"data_sharing.ipd_sharing": "是"}, "required", "data_sharing.ipd_sharing_plan", "error"),
    # interventions are required by a field of another module (研究内容 → 研究设计)
    (SINGLE, {"research_design.interventions": DELETE}, "required", "research_design.interventions", "error"),
    (SINGLE, {"basic_info.commissioning_unit": "某药业有限公司"}, "not-applicable", "basic_info.commissioning_unit",
     "warning"),
    (SINGLE, {"basic_info.project_name_en": "Rituximab study"}, "not-applicable", "basic_info.project_name_en",
     "warning"),
    (SINGLE, {"research_content.outcomes": []}, "min-rows", "research_content.outcomes", "error"),
    (SINGLE, {"implementation.has_participating_units": "有", "implementation.participating_units": []}, "min-rows",
     "implementation.participating_units", "error"),
    (SINGLE, {"basic_info.projet_name": "x"}, "unknown-key", "basic_info.projet_name", "error"),
    (SINGLE, {"research_content.outcomes[0].knd": "主要指标"}, "unknown-key", "research_content.outcomes[0].knd", "error"),
    (SINGLE, {"basic_info.project_type": "非注册"}, "option", "basic_info.project_type", "error"),
    (SINGLE, {"basic_info.research_fields": ["肾病学"]}, "option", "basic_info.research_fields[0]", "error"),
    (SINGLE, {"basic_info.filing_title_short": "字" * 51}, "max-length", "basic_info.filing_title_short", "error"),
    (SINGLE, {"basic_info.filing_title_short": "字" * 49 + "😀"}, "max-length", "basic_info.filing_title_short", "error"),
    (SINGLE, {"recruitment.age_min": "十八"}, "type", "recruitment.age_min", "error"),
    (SINGLE, {"research_content.outcomes": "主要指标"}, "type", "research_content.outcomes", "error"),
    (SINGLE, {"recruitment.age_max": 151}, "number-range", "recruitment.age_max", "error"),
    (SINGLE, {"research_design.interventions[0].sample_size": 0}, "number-range",
     "research_design.interventions[0].sample_size", "error"),
    (SINGLE, {"basic_info.ethics_approval_date": "2025/01/15"}, "date-format", "basic_info.ethics_approval_date", "error"),
    (SINGLE, {"basic_info.ethics_approval_date": "2025-02-30"}, "date-format", "basic_info.ethics_approval_date", "error"),
    (SINGLE, {"basic_info.expected_duration": {"start": dt.date(2025, 3, 1), "end": dt.date(2025, 2, 28)}},
     "date-order", "basic_info.expected_duration.end", "error"),
    (SINGLE, {"recruitment.recruitment_period.end": "2025-01-01"}, "date-order", "recruitment.recruitment_period.end",
     "error"),
    (SINGLE, {"recruitment.age_min": 71}, "age-range", "recruitment.age_max", "error"),
    (SINGLE, {"basic_info.ethics_approval_date": TODAY + dt.timedelta(days=1)}, "future-date",
     "basic_info.ethics_approval_date", "error"),
    (MULTI, {"other_registrations.registrations[0].registration_no": "ChiCTR25000987"}, "registration-format",
     "other_registrations.registrations[0].registration_no", "error"),
    (MULTI, {"other_registrations.registrations[1].registration_no": "ChiCTR2500098765"}, "registration-format",
     "other_registrations.registrations[1].registration_no", "error"),
    (MULTI, {"other_registrations.registrations[1].platform": "药物临床试验登记与信息公示平台"}, "registration-format",
     "other_registrations.registrations[1].registration_no", "error"),
    (SINGLE, {"recruitment.contact_phone": "1380000000"}, "phone", "recruitment.contact_phone", "error"),
    (MULTI, {"implementation.participating_units[1].unit_pi_phone": "0312 5551234"}, "phone",
     "implementation.participating_units[1].unit_pi_phone", "error"),
    (SINGLE, {"recruitment.contact_email": "zhang@hospital"}, "email", "recruitment.contact_email", "error"),
    (MULTI, {"research_content.objectives_en": DELETE}, "en-twin", "research_content.objectives_en", "error"),
    (MULTI, {"basic_info.project_name_en": "达格列净 trial"}, "en-twin", "basic_info.project_name_en", "error"),
    (SINGLE, {"research_content.outcomes[0].kind": "次要指标"}, "primary-outcome", "research_content.outcomes", "error"),
    (MULTI, {"research_design.sample_size_total": 250}, "sample-size-sum", "research_design.sample_size_total",
     "warning"),
    (SINGLE, {"basic_info.research_fields": ["肾脏病学", "肾脏病学"]}, "duplicate-option",
     "basic_info.research_fields[1]", "error"),
    (SINGLE, {"basic_info.project_name": "第一行\n第二行"}, "control-char", "basic_info.project_name", "error"),
    (SINGLE, {"research_content.objectives": "目的\x07"}, "control-char", "research_content.objectives", "error"),
    (SINGLE, {"research_content.condition_code": "N04.9, M32.1"}, "icd10", "research_content.condition_code", "error"),
    (MULTI, {}, "read-only", "implementation.lead_unit", "note"),
    # an unregistered institution is checked field by field, as the site's dialog would
    (MULTI, {"implementation.participating_units[1].institution.province": "河北"}, "option",
     "implementation.participating_units[1].institution.province", "error"),
    (MULTI, {"implementation.participating_units[1].institution.city": DELETE}, "required",
     "implementation.participating_units[1].institution.city", "error"),
    (MULTI, {"implementation.participating_units[1].institution.name": "院" * 101}, "max-length",
     "implementation.participating_units[1].institution.name", "error"),
    (MULTI, {"implementation.participating_units[0].institution": "院" * 101}, "max-length",
     "implementation.participating_units[0].institution", "error"),
    (MULTI, {"other_registrations.registrations[1].registration_date": TODAY + dt.timedelta(days=1)}, "future-date",
     "other_registrations.registrations[1].registration_date", "error"),
    # an English twin has its field's limits
    (MULTI, {"basic_info.project_name_en": "x" * 201}, "max-length", "basic_info.project_name_en", "error"),
    (MULTI, {"research_content.conditions_en": "Heart\nfailure"}, "control-char", "research_content.conditions_en",
     "error"),
]

PASSING = [
    # (example, changes, rule that must not fire)
    (SINGLE, {"basic_info.project_source": "企事业单位委托研究项目", "basic_info.commissioning_unit": "某药业有限公司"},
     "required"),
    (SINGLE, {"basic_info.project_source": "国际合作项目", "basic_info.cooperating_unit": "某大学医学院"}, "required"),
    (MULTI, {}, "required"),
    (SINGLE, {"research_design.design_type": "非随机对照"}, "required"),  # startswith 随机 does not hold
    (SINGLE, {"research_content.study_type": "观察性研究", "research_design.interventions": DELETE}, "required"),
    (SINGLE, {"basic_info.project_name_en": ""}, "not-applicable"),  # left blank: nothing to ignore
    (MULTI, {}, "min-rows"),
    (SINGLE, {"basic_info.project_type": "非注册临床研究"}, "option"),
    (SINGLE, {"basic_info.filing_title_short": "字" * 50}, "max-length"),
    (SINGLE, {"recruitment.age_max": 150, "recruitment.age_min": "18"}, "number-range"),
    (SINGLE, {"research_design.interventions[0].sample_size": 1, "research_design.sample_size_total": 1},
     "number-range"),
    (SINGLE, {"basic_info.ethics_approval_date": "2025-01-15"}, "date-format"),
    (SINGLE, {"basic_info.expected_duration": {"start": "2025-03-01", "end": "2025-03-01"}}, "date-order"),
    (SINGLE, {"recruitment.age_min": 70}, "age-range"),
    (SINGLE, {"basic_info.ethics_approval_date": TODAY}, "future-date"),
    (MULTI, {"other_registrations.registrations[1]": {"platform": "药物临床试验登记与信息公示平台",
                                                      "registration_no": "CTR20241234"}}, "registration-format"),
    (SINGLE, {"recruitment.contact_phone": "010-12345678"}, "phone"),
    (SINGLE, {"recruitment.contact_phone": "01012345678"}, "phone"),
    (SINGLE, {"recruitment.contact_phone": 13900000002}, "phone"),  # unquoted: still the same digits
    (SINGLE, {"recruitment.contact_email": "zhang.san+irb@pumch.example.cn"}, "email"),
    (MULTI, {}, "en-twin"),
    (SINGLE, {"research_content.outcomes[1].kind": "主要指标"}, "primary-outcome"),
    (MULTI, {}, "sample-size-sum"),
    (SINGLE, {"research_content.objectives": "第一行\n第二行\t缩进"}, "control-char"),
    (SINGLE, {"research_content.condition_code": "N04"}, "icd10"),
    (MULTI, {"implementation.participating_units[1].institution.name": "院" * 100}, "max-length"),
    (MULTI, {"other_registrations.registrations[1].registration_date": TODAY}, "future-date"),
    (MULTI, {"basic_info.project_name_en": "x" * 200}, "max-length"),
]


@pytest.mark.parametrize(("name", "changes", "rule", "path", "severity"), FAILING,
                         ids=[f"{c[2]}:{c[3]}" for c in FAILING])
def test_breaking_a_rule_is_reported(work, name, changes, rule, path, severity):
    result = check(work, edit(example(name), changes))
    matching = [f for f in result.findings if f.rule == rule and f.path == path]
    assert matching, result.format()
    assert matching[0].severity == severity
    assert matching[0].line > 0
    assert (result.spec is None) == (severity == "error")


@pytest.mark.parametrize(("name", "changes", "rule"), PASSING, ids=[f"{c[2]}-{i}" for i, c in enumerate(PASSING)])
def test_keeping_a_rule_is_clean(work, name, changes, rule):
    result = check(work, edit(example(name), changes))
    assert not [f for f in result.findings if f.rule == rule], result.format()
    assert result.errors == [] and result.warnings == [], result.format()
    assert result.spec is not None


def test_every_finding_of_a_broken_spec_is_reported_at_once(work):
    data = edit(example(SINGLE), {
        "basic_info.project_type": "非注册",
        "recruitment.contact_phone": "123",
        "recruitment.age_min": 80,
        "research_content.outcomes[0].kind": "次要指标",
        "basic_info.publish_to_chictr": "是",
    })
    found = {(f.rule, f.path) for f in check(work, data).findings}
    assert {("option", "basic_info.project_type"), ("phone", "recruitment.contact_phone"),
            ("age-range", "recruitment.age_max"), ("primary-outcome", "research_content.outcomes"),
            ("en-twin", "basic_info.project_name_en"), ("en-twin", "research_content.conditions_en")} <= found


def test_messages_are_chinese_first_then_english(work):
    result = check(work, edit(example(SINGLE), {"recruitment.contact_phone": "123", "basic_info.project_type": "x"}))
    for finding in result.errors:
        zh, _, en = finding.message.partition(" / ")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), finding.message
        assert re.search("[A-Za-z]{3}", en), finding.message
        assert "Input should" not in finding.message and "pydantic" not in finding.message


def test_option_finding_lists_the_options_and_guesses(work):
    result = check(work, edit(example(SINGLE), {"research_content.study_type": "干预研究"}))
    (finding,) = [f for f in result.findings if f.rule == "option"]
    assert "是否应为 干预性研究" in finding.message
    assert "观察性研究" in finding.message
    assert finding.label == "研究类型"


def test_conditional_message_names_the_condition(work):
    result = check(work, edit(example(SINGLE), {"basic_info.project_source": "国际合作项目"}))
    (finding,) = [f for f in result.findings if f.path == "basic_info.cooperating_unit"]
    assert "项目来源" in finding.message and "国际合作项目" in finding.message
