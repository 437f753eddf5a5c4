"""`autofiler init --form sop-2020` writes the SOP form's template from its catalog, and it loads; `autofiler
schema --form sop-2020` describes every module. Without --form both give live-2026 (test_init_live.py)."""

from __future__ import annotations

import json

import pytest

from autofiler.main import main
from autofiler.spec import load
from autofiler.spec.catalog_index import index

IDX = index("sop-2020")


def _init(tmp_path, *extra: str) -> tuple[int, str]:
    path = tmp_path / "project.yaml"
    code = main(["init", "--form", "sop-2020", *extra, str(path)])
    return code, path.read_text(encoding="utf-8") if path.exists() else ""


def test_init_writes_a_template_that_loads(tmp_path, capsys):
    assert _init(tmp_path)[0] == 0
    assert str(tmp_path / "project.yaml") in capsys.readouterr().out
    result = load(tmp_path / "project.yaml")
    assert result.spec is None
    # blank values: only `required` findings until it is filled, and nothing unknown or unreadable
    assert {f.rule for f in result.findings} == {"required"}
    assert {f.path for f in result.findings} >= {"basic_info.project_name", "attachments.protocol"}


def test_template_shows_every_field_label_requirement_and_options(tmp_path):
    text = _init(tmp_path)[1]
    lines = text.splitlines()
    assert "form: sop-2020" in lines
    for mod in IDX.form.modules:
        assert f"{mod.key}:" in lines and mod.label in text
        for c in IDX.modules[mod.key]:
            (line,) = [x for x in lines if x.strip().removeprefix("- ").startswith(f"{c.key}:")]
            assert c.field.label in line
            if c.field.readonly:
                assert "| 只读" in line
            elif c.field.required is True:
                assert "| 必填" in line
            if isinstance(c.field.required, str):
                assert f"条件必填：{c.field.required}" in line
            if c.field.visible_if:
                assert f"显示条件：{c.field.visible_if}" in line
            if c.twin:
                assert any(x.strip().startswith(f"{c.twin.key}:") and c.twin.label in x for x in lines)
            for column in c.columns:
                assert column.field.label in text
            for option in c.field.options:
                assert option in text
    assert "选项：注册临床研究 / 非注册临床研究" in text
    assert "选项：主要指标 / 次要指标 / 附加指标 / 副作用指标" in text
    assert "未注册的写成 {name: 机构名称, province: 所在省份, city: 所在城市, address: 详细地址}" in text
    assert "publish_to_chictr（是否需在中国临床试验注册中心网站公开） == 是" in text


def test_init_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "project.yaml"
    path.write_text("basic_info: {}\n", encoding="utf-8")
    assert main(["init", str(path)]) == 1
    err = capsys.readouterr().err
    assert "已存在" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == "basic_info: {}\n"
    assert main(["init", "--form", "sop-2020", "--force", str(path)]) == 0
    assert "project_name:" in path.read_text(encoding="utf-8")


def test_init_into_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["init", str(tmp_path / "no" / "such" / "p.yaml")]) == 1
    assert "不存在" in capsys.readouterr().err


def _schema(capsys, *args: str) -> dict:
    assert main(["schema", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_schema_without_form_follows_init(capsys):
    assert _schema(capsys)["properties"]["form"]["const"] == "live-2026"


def test_schema_is_json_with_every_module(capsys):
    schema = _schema(capsys, "--form", "sop-2020")
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert schema["properties"]["form"] == {"const": "sop-2020", "title": "表单版本 / form generation"}
    assert list(schema["properties"]) == ["form", "site_project_id", *(m.key for m in IDX.form.modules)]
    for mod in IDX.form.modules:
        definition = schema["properties"][mod.key]
        keys = [k for c in IDX.modules[mod.key] for k in (c.key, *([c.twin.key] if c.twin else []))]
        assert list(definition["properties"]) == keys
        assert definition["additionalProperties"] is False


@pytest.fixture
def sop_schema(capsys):
    return _schema(capsys, "--form", "sop-2020")["properties"]


def test_schema_carries_labels_options_and_limits(sop_schema):
    basic = sop_schema["basic_info"]["properties"]
    assert basic["project_name"]["title"] == "项目名称" and basic["project_name"]["maxLength"] == 200
    assert basic["project_type"]["enum"] == ["注册临床研究", "非注册临床研究"]
    assert set(basic["expected_duration"]["required"]) == {"start", "end"}
    assert basic["expected_duration"]["properties"]["start"]["format"] == "date"
    recruitment = sop_schema["recruitment"]["properties"]
    assert (recruitment["age_min"]["minimum"], recruitment["age_min"]["maximum"]) == (0, 150)
    assert "project_name" in sop_schema["basic_info"]["required"]
    assert "cooperating_unit" not in sop_schema["basic_info"].get("required", [])  # conditional: in its description
    assert "project_source == 国际合作项目" in basic["cooperating_unit"]["description"]
    unit = sop_schema["implementation"]["properties"]["participating_units"]["items"]["properties"]["institution"]
    registered, unregistered = unit["anyOf"]
    assert registered == {"type": "string", "maxLength": 100}
    assert unregistered["required"] == ["name", "province", "city", "address"]
    assert "河北省" in unregistered["properties"]["province"]["enum"]


def test_schema_out_writes_a_file(tmp_path, capsys):
    out = tmp_path / "spec.schema.json"
    assert main(["schema", "--form", "sop-2020", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"].startswith("autofiler spec (sop-2020)")
    assert str(out) in capsys.readouterr().out


def test_schema_site_map_is_the_schema_of_the_generations_ui_family(capsys):
    from autofiler.main import main

    assert main(["schema", "--site-map", "--form", "sop-2020"]) == 0
    element = json.loads(capsys.readouterr().out)
    assert main(["schema", "--site-map"]) == 0
    classic = json.loads(capsys.readouterr().out)
    assert element["title"] == "ElementSiteMap" and "modules" in element["properties"]
    assert classic["title"] == "ClassicSiteMap" and "tabs" in classic["properties"]
    assert all(p.get("description") for p in element["properties"].values())
