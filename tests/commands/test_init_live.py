"""`autofiler init --form live-2026`: the full commented template, filled from its comments alone, validates clean;
`init` always names the form; `schema --form live-2026` describes every tab."""

from __future__ import annotations

import json

import pytest
import yaml

from autofiler.main import main
from autofiler.spec import load
from autofiler.spec.catalog_index import index
from autofiler.spec.template_catalog import render
from tests.spec.helpers import copy_files
from tests.spec.live import fill

IDX = index("live-2026")


def _template(tmp_path, capsys) -> str:
    path = tmp_path / "project.yaml"
    assert main(["init", "--form", "live-2026", str(path)]) == 0
    assert "live-2026" in capsys.readouterr().out
    return path.read_text(encoding="utf-8")


def test_template_has_every_field_with_label_need_options_and_condition(tmp_path, capsys):
    text = _template(tmp_path, capsys)
    lines = text.splitlines()
    assert lines[lines.index("form: live-2026")].startswith("form:")
    for mod in IDX.form.modules:
        assert f"{mod.key}:" in lines and mod.label in text
        for c in IDX.modules[mod.key]:
            line = next(x for x in lines if x.lstrip(" -").startswith(f"{c.key}:"))
            assert c.field.label in line
            assert ("| 必填" in line) == (c.field.required is True)
            if isinstance(c.field.required, str):
                assert f"条件必填：{c.field.required}" in line
            if c.field.visible_if:
                assert c.field.visible_if in line
            for option in c.field.options:
                assert option in text
            if c.twin:
                assert any(x.lstrip().startswith(f"{c.twin.key}:") and c.twin.label in x for x in lines)
            for col in c.columns:
                assert any(x.lstrip(" -").startswith(f"{col.key}:") and col.field.label in x for x in lines)
    assert "# 此页只在 research_type_l2 in [药品, 医疗器械, 特殊医学用途配方食品, 干预性研究] 时显示" in text


def test_template_explains_the_routes_and_fills_the_default_one(tmp_path, capsys):
    text = _template(tmp_path, capsys)
    assert "  research_type_l1: 研究者发起的临床研究" in text and "  research_type_l2: 干预性研究" in text
    assert "研究者发起的临床研究 > 干预性研究（模板默认 / the default）" in text
    assert "研究者发起的临床研究 > 观察性研究：本页另有 是否是诊断试验" in text
    assert "不显示「招募信息」页" in text
    for sub in ("药品", "医疗器械", "体外诊断试剂", "特殊医学用途配方食品"):
        assert f"以产品注册为目的的临床试验 > {sub}" in text


def test_unfilled_template_gives_only_missing_value_findings(tmp_path, capsys):
    _template(tmp_path, capsys)
    result = load(tmp_path / "project.yaml")
    assert result.findings and {f.rule for f in result.findings} <= {"required", "min-rows"}
    paths = {f.path for f in result.findings}
    assert {"basic_info.research_title", "attachments.protocol", "research_design.study_groups[0].group_name",
            "implementation.team_members[0].name"} <= paths
    assert all(f.line > 0 and f.label for f in result.findings)


def test_template_filled_from_its_comments_validates_clean(tmp_path, capsys):
    text = _template(tmp_path, capsys)
    copy_files(tmp_path)
    data, result = fill(tmp_path, text)
    assert result.findings == [], result.format()
    assert data["research_category"]["research_type_l2"] == "干预性研究"
    values = result.spec.site_values()
    assert values["basic_info"]["research_title"] == "示例" and "recruitment" in values


def test_init_without_form_writes_the_live_form(tmp_path, capsys):
    path = tmp_path / "project.yaml"
    assert main(["init", str(path)]) == 0
    assert "live-2026" in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert "\nform: live-2026" in text and "research_title:" in text and "filing_title:" not in text
    assert text == render("live-2026")


def test_init_with_an_unknown_form_is_a_clear_error(tmp_path, capsys):
    assert main(["init", "--form", "live-2099", str(tmp_path / "p.yaml")]) == 1
    err = capsys.readouterr().err
    assert "live-2099" in err and "live-2026" in err and not (tmp_path / "p.yaml").exists()


def test_schema_of_the_live_form(capsys):
    assert main(["schema", "--form", "live-2026"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["form"] == {"const": "live-2026", "title": "表单版本 / form generation"}
    assert list(schema["properties"])[2:] == [m.key for m in IDX.form.modules]
    basic = schema["properties"]["basic_info"]
    assert basic["additionalProperties"] is False and "research_title" in basic["required"]
    assert basic["properties"]["research_title"]["title"] == "医学研究题目"
    assert basic["properties"]["research_title_en"]["title"] == "Scientific title"
    assert basic["properties"]["sync_platform"]["enum"][1] == "中国临床试验注册中心公开"
    rows = basic["properties"]["funding_sources"]
    assert rows["type"] == "array" and "funding_source_en" in rows["items"]["properties"]
    assert schema["properties"]["research_content"]["properties"]["keywords"]["maxItems"] == 5
    assert "registration_status" not in basic["required"]  # conditional: told in its description
    assert "sync_platform == 中国临床试验注册中心公开" in basic["properties"]["registration_status"]["description"]


@pytest.mark.parametrize("choices", [
    {"basic_info": {"sync_platform": "中国临床试验注册中心公开"}},
    {"research_category": {"research_type_l2": "观察性研究"}},
    {"research_category": {"research_type_l1": "以产品注册为目的的临床试验", "research_type_l2": "药品"}},
    {"research_category": {"research_type_l1": "以产品注册为目的的临床试验", "research_type_l2": "医疗器械"}},
], ids=["chictr", "observational", "drug", "device"])
def test_every_route_of_the_template_can_be_filled_from_the_catalog(tmp_path, capsys, choices):
    text = _template(tmp_path, capsys)
    copy_files(tmp_path)
    data = yaml.safe_load(text)
    for module, values in choices.items():
        data[module] = {**(data[module] or {}), **values}
    _, result = fill(tmp_path, data)
    assert result.findings == [], result.format()
