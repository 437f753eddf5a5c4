"""The live-2026 examples validate clean, and a loaded spec offers the interface the driver uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from autofiler.main import main
from autofiler.spec import load, load_valid
from autofiler.spec.catalog_spec import CatalogLoadResult
from tests.spec.helpers import SPECS, copy_files, dump, example, line_of
from tests.spec.live import EXAMPLES, LIVE, check, live_example


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_validate_with_no_findings(name):
    result = load(LIVE / f"{name}.yaml")
    assert isinstance(result, CatalogLoadResult)
    assert result.findings == [], result.format()
    assert result.spec is not None and result.spec.form == "live-2026"


def test_validate_command_on_the_examples_folder_exits_zero(capsys):
    assert main(["validate", str(LIVE)]) == 0
    assert "3 个文件：0 个错误，0 个警告，0 个提示" in capsys.readouterr().out


def test_site_values_of_the_multicenter_example():
    result = load_valid(LIVE / "multi-center-chictr.yaml")
    spec = result.spec
    assert spec.project_name == "达格列净治疗射血分数保留的心力衰竭的多中心随机对照研究"
    assert spec.site_project_id is None and spec.publishes_to_chictr
    values = spec.site_values()
    assert list(values)[:2] == ["research_category", "basic_info"]
    basic = values["basic_info"]
    assert basic["research_title_en"].startswith("Dapagliflozin")
    assert basic["study_period"] == {"start": "2025-06-01", "end": "2028-05-31"}
    assert basic["funding_sources"][0]["project_date"] == "2025-01-10"
    assert basic["funding_sources"][0]["funding_source_en"] == "Beijing Natural Science Foundation"
    unit = values["implementation"]["participating_units"][1]
    assert unit["institution"] == "某县人民医院" and unit["institution_en"] == "Mou County People's Hospital"
    assert "province_name" not in unit  # shown only outside China
    design = values["research_design"]
    assert design["inclusion_criteria"][0] == {"criterion": "年龄 45–85 岁，性别不限"}
    assert design["inclusion_criteria_en"][0] == {"criterion": "Aged 45 to 85 years, either sex"}
    drug_group, control_group = design["study_groups"]
    assert drug_group["drug_name"] == "达格列净片" and Path(drug_group["drug_label_file"]).is_absolute()
    assert "drug_name" not in control_group
    assert values["research_content"]["keywords"][0] == "达格列净"
    assert values["implementation"]["team_members"][0] == {"name": "张医生", "mobile": "13800000000"}
    attachments = values["attachments"]
    assert Path(attachments["protocol"]).is_file() and Path(attachments["protocol"]).is_absolute()
    # the driver reads a module by its key, as with sop-2020 specs
    assert spec.implementation.participating_units[0]["institution"] == "北京大学第一医院"


def test_site_values_leave_out_what_the_page_hides():
    values = load_valid(LIVE / "observational.yaml").spec.site_values()
    assert "recruitment" not in values  # the tab is not shown for observational studies
    assert "iit_product_attribute" not in values["research_category"]
    assert "age_max" not in values["research_design"]  # its unit is 不限
    assert "research_title_en" not in values["basic_info"]
    single = load_valid(LIVE / "single-center.yaml").spec.site_values()
    assert single["recruitment"]["first_enrolment_date"] == "2025-03-12"
    assert single["basic_info"]["total_funds"] == 10


def test_position_of_a_path_with_or_without_its_module():
    result = load(LIVE / "single-center.yaml")
    text = (LIVE / "single-center.yaml").read_text(encoding="utf-8")
    assert result.position("basic_info.research_title")[0] == line_of(text, "research_title:")
    assert result.position("research_title")[0] == line_of(text, "research_title:")
    assert result.position("study_groups[0].drug_name")[0] == line_of(text, "drug_name:")


def test_site_project_id_is_accepted_in_both_generations(tmp_path):
    copy_files(tmp_path)
    live = check(tmp_path, {**live_example("single-center"), "site_project_id": 4711})
    assert live.findings == [] and live.spec.site_project_id == 4711
    sop = check(tmp_path, {"form": "sop-2020", "site_project_id": "P-88", **example()}, "sop.yaml")
    assert sop.errors == [] and sop.spec.site_project_id == "P-88" and sop.spec.form == "sop-2020"
    assert load(SPECS / "single-center.yaml").spec.site_project_id is None
    bad = check(tmp_path, {**live_example("single-center"), "site_project_id": [1]})
    assert [(f.rule, f.path) for f in bad.errors] == [("type", "site_project_id")]


def test_unknown_form_names_the_known_generations(tmp_path):
    text = dump({**live_example("single-center"), "form": "live-2099"})
    result = check(tmp_path, text)
    (finding,) = result.findings
    assert (finding.rule, finding.path, finding.line) == ("form", "form", 1)
    assert "live-2026" in finding.message and "sop-2020" in finding.message and result.spec is None


def test_a_key_of_the_other_generation_names_its_counterpart(tmp_path):
    copy_files(tmp_path)
    data = live_example("single-center")
    data["basic_info"]["project_name"] = data["basic_info"].pop("research_title")
    result = check(tmp_path, data)
    unknown = next(f for f in result.errors if f.rule == "unknown-key")
    assert unknown.path == "basic_info.project_name"
    assert "research_title" in unknown.message and "医学研究题目" in unknown.message and "sop-2020" in unknown.message
    sop = example()
    sop["basic_info"]["research_title"] = sop["basic_info"].pop("project_name")
    found = next(f for f in check(tmp_path, sop, "sop.yaml").errors if f.rule == "unknown-key")
    assert "form: live-2026" in found.message and "project_name" in found.message


def test_a_key_in_the_wrong_tab_names_its_tab(tmp_path):
    copy_files(tmp_path)
    data = live_example("single-center")
    data["research_category"]["sync_platform"] = data["basic_info"].pop("sync_platform")
    messages = [f.message for f in check(tmp_path, data).errors if f.rule == "unknown-key"]
    assert any("basic_info" in m for m in messages)
