"""`autofiler init` writes a template that loads; `autofiler schema` describes every module."""

from __future__ import annotations

import json

import pytest

from autofiler.main import main
from autofiler.spec import catalog, load


def test_init_writes_a_template_that_loads(tmp_path, capsys):
    path = tmp_path / "project.yaml"
    assert main(["init", str(path)]) == 0
    assert str(path) in capsys.readouterr().out
    result = load(path)
    # blank values: only `required` findings until it is filled, and nothing unknown or unreadable
    assert {f.rule for f in result.findings} == {"required"}
    assert {f.path for f in result.findings} >= {"basic_info.project_name", "attachments.protocol"}


def test_template_shows_every_field_label_requirement_and_options(tmp_path):
    path = tmp_path / "project.yaml"
    main(["init", str(path)])
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for mod in catalog.MODULES:
        assert f"{mod.key}:" in lines and mod.label in text
        for field in mod.fields:
            (line,) = [x for x in lines if x.strip().startswith(f"{field.key}:")]
            assert field.label in line
            if field.required is True and not field.twin_of:
                assert "| 必填" in line
            if isinstance(field.required, str):
                assert f"条件必填：{field.required}" in line
            for column in field.columns:
                assert column.label in text
            for option in field.options:
                assert option in text
    assert "选项：注册临床研究 / 非注册临床研究" in text
    assert "选项：主要指标 / 次要指标 / 附加指标 / 副作用指标" in text


def test_init_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "project.yaml"
    path.write_text("basic_info: {}\n", encoding="utf-8")
    assert main(["init", str(path)]) == 1
    err = capsys.readouterr().err
    assert "已存在" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == "basic_info: {}\n"
    assert main(["init", "--force", str(path)]) == 0
    assert "project_name:" in path.read_text(encoding="utf-8")


def test_init_into_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["init", str(tmp_path / "no" / "such" / "p.yaml")]) == 1
    assert "不存在" in capsys.readouterr().err


def test_schema_is_json_with_every_module(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert list(schema["properties"]) == ["form", "site_project_id", *(m.key for m in catalog.MODULES)]
    assert set(schema["required"]) == {m.key for m in catalog.MODULES if m.required}
    for mod in catalog.MODULES:
        ref = schema["properties"][mod.key].get("$ref") or next(
            a["$ref"] for a in schema["properties"][mod.key]["anyOf"] if "$ref" in a)
        definition = schema["$defs"][ref.rsplit("/", 1)[-1]]
        assert list(definition["properties"]) == [f.key for f in mod.fields]
        assert definition["additionalProperties"] is False


@pytest.fixture
def basic_schema(capsys):
    main(["schema"])
    return json.loads(capsys.readouterr().out)["$defs"]


def test_schema_carries_labels_options_and_limits(basic_schema):
    basic = basic_schema["BasicInfo"]["properties"]
    assert basic["project_name"]["title"] == "项目名称" and basic["project_name"]["maxLength"] == 200
    assert basic["project_type"]["enum"] == ["注册临床研究", "非注册临床研究"]
    assert basic["expected_duration"]["$ref"].endswith("/DateRange")
    assert basic_schema["DateRange"]["properties"]["start"]["format"] == "date"
    recruitment = basic_schema["Recruitment"]["properties"]
    assert (recruitment["age_min"]["minimum"], recruitment["age_min"]["maximum"]) == (0, 150)


def test_schema_out_writes_a_file(tmp_path, capsys):
    out = tmp_path / "spec.schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"].startswith("autofiler spec")
    assert str(out) in capsys.readouterr().out
