"""Every rule of a catalog-driven spec, each with a failing and a passing case (live-2026)."""

from __future__ import annotations

from typing import Any

import pytest

from autofiler.spec.catalog_index import index
from tests.spec.helpers import DELETE, copy_files, edit
from tests.spec.live import check, live_example
from tests.spec.pdfs import make_pdf

SINGLE, MULTI, OBS = "single-center", "multi-center-chictr", "observational"
G0 = "research_design.study_groups[0]"

# (widget, example, path, bad value, rule of the bad value's finding, a good value)
WIDGET_CASES: list[tuple[str, str, str, Any, str, Any]] = [
    ("text", SINGLE, "basic_info.research_title", ["a"], "type", "另一个题目"),
    ("text", SINGLE, "recruitment.recruiter_phone", "12345", "phone", "010-12345678"),
    ("text", SINGLE, "recruitment.recruiter_email", "zhang@", "email", "zhang@example.org"),
    ("text", SINGLE, "research_design.sample_size_basis", "一行\n两行", "control-char", "一行"),
    ("textarea", SINGLE, "research_content.objectives", {"a": 1}, "type", "第一行\n第二行"),
    ("number", SINGLE, "research_design.age_min", "十八", "type", "18"),
    ("number", SINGLE, f"{G0}.group_sample_size", -1, "number-range", 40),
    ("decimal", SINGLE, "basic_info.total_funds", "十万", "type", 10.5),
    ("date", SINGLE, "research_design.first_consent_date", "2025-02-30", "date-format", "2025-03-10"),
    ("date", SINGLE, "recruitment.first_enrolment_date", 20250312, "type", "2025-03-12"),
    ("daterange", SINGLE, "basic_info.study_period", {"start": "2025-03-01"}, "required",
     {"start": "2025-03-01", "end": "2027-02-28"}),
    ("daterange", SINGLE, "basic_info.study_period", {"start": "2025-03-01", "end": "2027-02-28", "to": 1},
     "unknown-key", {"start": "2025-03-01", "end": "2027-02-28"}),
    ("daterange", SINGLE, "basic_info.study_period", "2025-03-01", "type", {"start": "2025-03-01", "end": "2027-02-28"}),
    ("radio", SINGLE, "basic_info.material_donation", "不是", "option", "否"),
    ("select", SINGLE, "research_content.primary_purpose", "治愈", "option", "康复"),
    ("dependent_select", SINGLE, "research_design.study_design_l2", "前瞻性", "option", "非随机同期平行对照"),
    ("checkbox_pair", SINGLE, f"{G0}.control_group", "对", "option", "否"),
    ("country", MULTI, "implementation.participating_units[0].country", ["中国"], "type", "中国"),
    ("province", MULTI, "implementation.participating_units[0].province", {"x": 1}, "type", "北京市"),
    ("checkbox_group", SINGLE, "data_sharing.result_release_methods", ["学术论文发表", "网站"], "option",
     ["学术论文发表", "其他"]),
    ("checkbox_group", SINGLE, "data_sharing.result_release_methods", ["学术论文发表", "学术论文发表"],
     "duplicate-option", "学术论文发表"),
    ("autocomplete", MULTI, "implementation.participating_units[0].unit_pi", ["李四"], "type", "李四"),
    ("modal_pick", SINGLE, "research_content.icd11_codes", ["N04.9"], "icd11", ["GB41", "5A11.0"]),
    ("modal_pick", SINGLE, "research_content.discipline_classification", {"a": "b"}, "type", "肾脏病学"),
    ("modal_pick", SINGLE, "implementation.team_members", [{"name": "张医生", "mobile": "1380000"}], "mobile",
     [{"name": "张医生", "mobile": "13800000000"}]),
    ("modal_pick", SINGLE, "implementation.team_members", [{"name": "张医生"}], "required",
     [{"name": "张医生", "mobile": 13800000000}]),
    ("repeat_group", SINGLE, "basic_info.funding_sources", {"project_name": "x"}, "type",
     [{"funding_level_1": "其他", "funding_other_name": "基金", "project_name": "课题", "project_number": "1",
       "international_cooperation": "否", "project_date": "2024-12-01", "amount": 10}]),
    ("repeat_group", SINGLE, "basic_info.funding_sources", [], "min-rows",
     [{"funding_level_1": "国家级", "funding_level_2": "国家重点研发计划", "project_name": "课题", "project_number": "1",
       "international_cooperation": "否", "project_date": "2024-12-01", "amount": 10}]),
    ("repeat_group", SINGLE, "research_design.inclusion_criteria", [{"criterion": "a", "note": "b"}], "unknown-key",
     "只有一条标准"),
    ("repeat_group", SINGLE, "research_design.inclusion_criteria", [["a"]], "type", [{"criterion": "一条"}, "两条"]),
    ("pdf", SINGLE, "attachments.protocol", "files/missing.pdf", "pdf-missing", "files/ethics-approval.pdf"),
    ("pdf", SINGLE, "attachments.protocol", "../protocol.pdf", "path-outside", "files/protocol.pdf"),
    ("pdf", SINGLE, "attachments.other_files", "files/notes.txt", "pdf-not-pdf", "files/ethics-approval.pdf"),
    ("file", SINGLE, f"{G0}.drug_label_file", 3, "type", "files/drug-label.pdf"),
    ("text", SINGLE, "research_content.keywords", ["a", "b", "c", "d", "e", "f"], "too-many", ["a", "b", "c", "d", "e"]),
    ("text", SINGLE, "research_content.keywords", "利妥昔单抗\n", "control-char", "利妥昔单抗"),
]


def test_every_widget_kind_of_the_catalog_has_cases():
    idx = index("live-2026")
    kinds = {c.field.widget for cs in idx.modules.values() for c in cs}
    kinds |= {col.field.widget for cs in idx.modules.values() for c in cs for col in c.columns}
    assert kinds <= {case[0] for case in WIDGET_CASES}


def _findings(tmp_path, name: str, changes: dict[str, Any]) -> list[Any]:
    copy_files(tmp_path)
    (tmp_path / "files" / "notes.txt").write_text("not a pdf", encoding="utf-8")
    result = check(tmp_path, edit(live_example(name), changes))
    return result.findings


@pytest.mark.parametrize(("widget", "name", "path", "bad", "rule", "good"), WIDGET_CASES,
                         ids=[f"{c[0]}:{c[2]}:{c[4]}" for c in WIDGET_CASES])
def test_widget_values(tmp_path, widget, name, path, bad, rule, good):
    found = _findings(tmp_path, name, {path: bad})
    assert any(f.rule == rule and f.path.startswith(path) and f.severity == "error" for f in found), \
        "\n".join(f.format() for f in found)
    assert _findings(tmp_path, name, {path: good}) == []


def test_dictionary_fields_warn_on_an_unknown_option(tmp_path):
    found = _findings(tmp_path, OBS, {"basic_info.funding_sources[0].funding_level_2": "省级自然科学基金"})
    assert [(f.severity, f.rule) for f in found] == [("warning", "option")]
    assert _findings(tmp_path, MULTI, {"implementation.participating_units[0].institution_level": "三级乙等"}) == []


def test_a_dependent_select_takes_the_options_of_its_parent(tmp_path):
    found = _findings(tmp_path, SINGLE, {"research_category.research_type_l2": "药品"})
    option = next(f for f in found if f.path == "research_category.research_type_l2")
    assert option.rule == "option" and "研究者发起的临床研究" in option.message and "干预性研究" in option.message
    # an option the page cannot show is never chosen: no route fields of 药品 are asked for
    assert not any(f.path == "research_category.nmpa_number" for f in found)


def test_a_value_for_a_hidden_field_is_a_warning(tmp_path):
    found = _findings(tmp_path, SINGLE, {"research_content.extra_measure_name": "肾活检"})
    (finding,) = found
    assert (finding.severity, finding.rule) == ("warning", "not-applicable")
    assert "extra_measures" in finding.message and "是否采用额外的检查、检验、诊断措施" in finding.message
    assert _findings(tmp_path, SINGLE, {"research_content.extra_measures": "是",
                                        "research_content.extra_measure_name": "肾活检"}) == []


def test_a_conditionally_required_field_says_when(tmp_path):
    found = _findings(tmp_path, SINGLE, {"basic_info.material_donation": "是"})
    (finding,) = found
    assert (finding.rule, finding.path) == ("required", "basic_info.donated_materials")
    assert "material_donation" in finding.message and "涉及材料捐献" in finding.message


def test_a_condition_on_a_column_means_the_same_row(tmp_path):
    rows = {f"{G0}.intervention_type": "其他", f"{G0}.intervention_type_other": "饮食指导"}
    found = _findings(tmp_path, SINGLE, rows)
    # the drug block of that row is hidden now: its values are warnings, nothing is required
    assert found and all(f.severity == "warning" and f.path.startswith(G0) for f in found)
    # a second row keeps its own drug block: only the first row's is hidden
    groups = live_example(SINGLE)["research_design"]["study_groups"]
    first = {**groups[0], "intervention_type": "其他", "intervention_type_other": "饮食指导"}
    first = {k: v for k, v in first.items() if k in ("group_name", "group_sample_size", "control_group",
                                                     "intervention_name", "combined_intervention", "intervention_type",
                                                     "intervention_type_other", "intervention_description")}
    found = _findings(tmp_path, SINGLE, {"research_design.study_groups": [first, groups[0]],
                                         "research_design.sample_size_total": 80})
    assert found == []


def test_the_recruitment_tab_of_an_observational_study(tmp_path):
    assert _findings(tmp_path, OBS, {}) == []  # no recruitment module: not required
    found = _findings(tmp_path, OBS, {"recruitment": {"recruitment_involved": "是"}})
    assert [(f.severity, f.rule, f.path) for f in found] == [("warning", "not-applicable", "recruitment")]
    found = _findings(tmp_path, SINGLE, {"recruitment": DELETE})
    assert [(f.rule, f.path) for f in found] == [("required", "recruitment")]


def test_english_twins_when_published_on_chictr(tmp_path):
    found = _findings(tmp_path, MULTI, {"basic_info.public_title_en": "达格列净研究"})
    assert [(f.rule, f.path) for f in found] == [("en-twin", "basic_info.public_title_en")]
    found = _findings(tmp_path, MULTI, {"research_design.inclusion_criteria_en[1]": "左室射血分数≥50%"})
    assert [(f.rule, f.path) for f in found] == [("en-twin", "research_design.inclusion_criteria_en[1]")]
    found = _findings(tmp_path, MULTI, {"research_design.outcomes[1].timepoint_en": DELETE})
    assert [(f.rule, f.path) for f in found] == [("en-twin", "research_design.outcomes[1].timepoint_en")]
    # not published: a twin is not filed, and says so
    found = _findings(tmp_path, SINGLE, {"basic_info.research_title_en": "Rituximab"})
    assert [(f.severity, f.rule) for f in found] == [("warning", "not-applicable")]


def test_a_twin_whose_own_condition_fails_is_not_required(tmp_path):
    changes = {"research_design.random_method": "其他", "research_design.random_method_other": "最小化法",
               "research_design.random_sequence_en": DELETE}
    assert _findings(tmp_path, MULTI, changes) == []


def test_attachment_size_limit_comes_from_the_catalog(tmp_path):
    copy_files(tmp_path)
    big = make_pdf("Big protocol", lines=30) + b"%" + b"x" * (6 * 1024 * 1024) + b"\n%%EOF\n"
    (tmp_path / "files" / "big.pdf").write_bytes(big)
    result = check(tmp_path, edit(live_example(SINGLE), {"attachments.protocol": "files/big.pdf"}))
    assert [(f.rule, f.path) for f in result.findings] == [("pdf-too-large", "attachments.protocol")]
    assert "5 MB" in result.findings[0].message
    result = check(tmp_path, edit(live_example(SINGLE), {"attachments.other_files": "files/big.pdf"}))
    assert result.findings == []  # 其他文件 takes 10 MB


@pytest.mark.parametrize(("changes", "rule", "severity"), [
    ({"research_design.sample_size_total": 41}, "sample-size-sum", "warning"),
    ({"research_design.age_max": 17}, "order", "error"),
    ({"research_design.outcomes[0].type_l1": "次要指标"}, "primary-outcome", "error"),
    ({"basic_info.recruitment_period.end": "2027-06-30"}, "date-range", "warning"),
    ({"basic_info.study_period.end": "2024-01-01"}, "date-order", "error"),
])
def test_cross_field_checks(tmp_path, changes, rule, severity):
    found = _findings(tmp_path, SINGLE, changes)
    assert any(f.rule == rule and f.severity == severity for f in found), "\n".join(f.format() for f in found)


def test_ages_in_different_units_are_not_compared(tmp_path):
    assert _findings(tmp_path, SINGLE, {"research_design.age_max": 17, "research_design.age_max_unit": "月",
                                        "research_design.age_max_months_unit": "不限"}) == []


def test_cross_field_checks_run_when_another_field_of_the_module_is_wrong(tmp_path):
    found = _findings(tmp_path, SINGLE, {"research_design.sample_size_total": 41, "research_design.participant_sex": 3,
                                         "research_design.age_max": 17})
    assert {f.rule for f in found} >= {"sample-size-sum", "option", "order"}


def test_unknown_keys_everywhere_suggest_the_right_one(tmp_path):
    found = _findings(tmp_path, SINGLE, {"research_content.keyword": ["a"], f"{G0}.dosag": "x",
                                         "basic_info.study_period.begin": "2025-01-01", "extra_tab": {}})
    unknown = {f.path: f.message for f in found if f.rule == "unknown-key"}
    assert "keywords" in unknown["research_content.keyword"]
    assert "dosage" in unknown[f"{G0}.dosag"]
    assert "start" in unknown["basic_info.study_period.begin"]
    assert "extra_tab" in unknown


def test_an_empty_or_wrong_module_is_reported(tmp_path):
    found = _findings(tmp_path, SINGLE, {"data_sharing": ["a"]})
    assert [(f.rule, f.path) for f in found] == [("type", "data_sharing")]
    found = _findings(tmp_path, SINGLE, {"data_sharing": DELETE})
    assert [(f.rule, f.path) for f in found] == [("required", "data_sharing")]
    assert _findings(tmp_path, MULTI, {"other_registrations": DELETE}) == []
