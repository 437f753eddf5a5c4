"""The shipped sop-2020 example specs, and the values they give the site (`site_values`)."""

from __future__ import annotations

import pytest

from autofiler.forms import load as load_form
from autofiler.spec import load
from tests.spec.helpers import MULTI, SINGLE, SPECS, check, edit, example


@pytest.mark.parametrize("name", [SINGLE, MULTI])
def test_examples_are_clean(name):
    result = load(SPECS / f"{name}.yaml")
    assert result.errors == [] and result.warnings == [], result.format()
    assert result.spec is not None


def test_example_pdfs_are_small_real_pdfs():
    pdfs = sorted((SPECS / "files").glob("*.pdf"))
    assert len(pdfs) >= 5
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert 1000 < len(data) < 10_000


def test_multi_center_example_covers_what_it_promises():
    spec = load(SPECS / "multi-center.yaml").spec
    assert spec is not None and spec.publishes_to_chictr
    units = spec.implementation.participating_units or []
    assert isinstance(units[0].institution, str)
    assert units[0].institution in ("北京大学第一医院", "复旦大学附属中山医院", "四川大学华西医院")
    assert not isinstance(units[1].institution, str) and units[1].institution.province == "河北省"
    platforms = {r.platform for r in spec.other_registrations.registrations or []}
    assert platforms == {"中国临床试验注册中心", "ClinicalTrials.gov"}
    assert spec.research_design.design_type.startswith("随机") and spec.research_design.randomization
    assert spec.implementation.lead_unit == "示例医院"


def test_single_center_site_values():
    spec = load(SPECS / "single-center.yaml").spec
    values = spec.site_values()
    assert list(values) == [m.key for m in load_form("sop-2020").modules]
    basic = values["basic_info"]
    assert basic["expected_duration"] == {"start": "2025-03-01", "end": "2027-02-28"}
    assert basic["ethics_approval_date"] == "2025-01-15"
    assert basic["research_fields"] == ["肾脏病学", "风湿免疫学"]
    assert not any(k.endswith("_en") for module in values.values() for k in module)
    assert values["implementation"] == {"has_participating_units": "无",
                                        "funding_source": "示例医院临床研究培育基金（项目编号 SLYY-2024-LC-017）"}
    design = values["research_design"]
    assert design["sample_size_total"] == 40 and isinstance(design["sample_size_total"], int)
    assert design["interventions"][0]["sample_size"] == 40
    assert values["other_registrations"] == {}
    assert values["attachments"] == {
        "protocol": str((SPECS / "files" / "protocol.pdf").resolve()),
        "informed_consent": str((SPECS / "files" / "informed-consent.pdf").resolve()),
        "other_files": [str((SPECS / "files" / "ethics-approval.pdf").resolve())],
    }
    assert spec.project_name == "超说明书使用利妥昔单抗治疗难治性肾病综合征的单中心研究"


def test_multi_center_site_values():
    values = load(SPECS / "multi-center.yaml").spec.site_values()
    assert values["basic_info"]["project_name_en"].startswith("Dapagliflozin")
    assert list(values["research_content"])[:4] == ["study_type", "study_phase", "conditions", "conditions_en"]
    units = values["implementation"]["participating_units"]
    assert units[1] == {"institution": "某县人民医院", "unit_pi_name": "王五", "unit_pi_phone": "0312-5551234"}
    assert "unit_pi_email" in units[0] and "unit_pi_email" not in units[1]
    assert values["other_registrations"]["registrations"][1] == {
        "platform": "ClinicalTrials.gov", "registration_no": "NCT06912345", "registration_date": "2025-05-12"}
    outcome = values["research_content"]["outcomes"][3]
    assert outcome == {"name": "不良事件", "kind": "副作用指标", "timepoint": "全程"}
    assert values["data_sharing"]["ipd_sharing_plan"].startswith("研究结束")


def test_site_values_leave_out_what_the_page_does_not_show(work):
    data = edit(example(SINGLE), {
        "basic_info.cooperating_unit": "某大学",  # shown only for 国际合作项目
        "basic_info.project_name_en": "Rituximab",  # not published on ChiCTR
        "implementation.participating_units": [{"institution": "北京大学第一医院", "unit_pi_name": "李四",
                                                "unit_pi_phone": "13900000002"}],  # 无 participating units
        "recruitment.age_min": "18",
        "research_content.background": "",
    })
    result = check(work, data)
    assert result.errors == [] and {f.rule for f in result.warnings} == {"not-applicable"}
    values = result.spec.site_values()
    assert "cooperating_unit" not in values["basic_info"] and "project_name_en" not in values["basic_info"]
    assert "participating_units" not in values["implementation"]
    assert values["recruitment"]["age_min"] == 18
    assert "background" not in values["research_content"]
