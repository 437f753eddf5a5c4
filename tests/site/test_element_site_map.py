"""The Element family's site map as a typed model: documented keys, optional keys with their fallbacks, a JSON
Schema, and the answers of a save judged by the shape the map declares."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from autofiler.errors import ConfigError
from autofiler.site import sitemap
from autofiler.site.flows_element import save_answers
from autofiler.site.maps.element_answers import SaveAnswer


def _shipped() -> dict:
    return yaml.safe_load(sitemap.default_path().read_text(encoding="utf-8"))


def _load(tmp_path: Path, data: dict) -> sitemap.SiteMap:
    p = tmp_path / "map.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return sitemap.load(p)


def test_the_shipped_map_names_its_form_generation_and_ui_family():
    m = sitemap.load()
    assert (m.form, m.family) == ("sop-2020", "element")
    assert m.layout.logged_in and m.layout.form_ready
    assert m.project_api is not None and "{id}" in m.project_api.path


def _properties(node: Any, defs: dict, seen: set[str], where: str = "") -> list[str]:
    """Every property of the schema lacking a description, as dotted paths."""
    missing = []
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return []
        return _properties(defs[name], defs, seen | {name}, where)
    for key in ("anyOf", "allOf"):
        for part in node.get(key, []):
            missing += _properties(part, defs, seen, where)
    for key, prop in (node.get("properties") or {}).items():
        if not prop.get("description"):
            missing.append(f"{where}{key}")
        missing += _properties(prop, defs, seen, f"{where}{key}.")
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            missing += _properties(node[key], defs, seen, where)
    return missing


def test_the_json_schema_documents_every_key():
    schema = sitemap.schema()
    json.dumps(schema)  # plain JSON
    assert {"ui", "layout", "login", "modules", "save_answer", "form", "family"} <= set(schema["properties"])
    assert _properties(schema, schema.get("$defs", {}), set()) == []


@pytest.mark.parametrize(("section", "key"), [
    ("ui", "link"), ("ui", "message_box"), ("login", "captcha"), ("login", "captcha_image"),
    ("login", "profile_page"), ("buttons", "search"), ("project_list", "name_filter"),
])
def test_keys_a_site_may_lack_are_optional(tmp_path, section, key):
    data = _shipped()
    del data[section][key]
    m = _load(tmp_path, data)
    assert key not in getattr(m, section).as_dict() or section == "ui"


def test_an_optional_ui_key_left_out_falls_back_to_its_stand_in(tmp_path):
    data = _shipped()
    del data["ui"]["link"], data["ui"]["message_box"]
    m = _load(tmp_path, data)
    assert m.ui.link == m.ui.button
    assert m.ui.message_box == m.ui.dialog
    assert sitemap.load().ui.link == "a.el-link"


def test_one_line_key_per_page(tmp_path):
    m = sitemap.load()
    assert m.ui.timeline_line and m.ui.submit_check_line
    data = _shipped()
    data["ui"]["line"] = "p"
    with pytest.raises(ConfigError, match=r"ui\.line is not a key of the site map"):
        _load(tmp_path, data)


def test_a_missing_needed_key_is_named(tmp_path):
    data = _shipped()
    del data["layout"]["logged_in"]
    with pytest.raises(ConfigError, match=r"layout\.logged_in is missing"):
        _load(tmp_path, data)
    data = _shipped()
    del data["states"]["draft"]
    with pytest.raises(ConfigError, match=r"states\.draft is missing"):
        _load(tmp_path, data)


def test_a_map_of_another_family_is_refused(tmp_path):
    data = _shipped()
    data["family"] = "classic"
    with pytest.raises(ConfigError, match="family 'classic' is not one of 'element'"):
        _load(tmp_path, data)


SHAPE = SaveAnswer()  # the shipped map's shape: {message, errors: [{field, message}], missing: [...]}


def test_any_4xx_is_a_refusal_and_its_field_errors_are_read():
    got = save_answers.judge(400, {"message": "请检查", "errors": [{"field": "outcomes[1].kind", "message": "请选择"}]},
                        SHAPE)
    assert got.refused and got.message == "请检查"
    assert got.errors == [{"field": "outcomes[1].kind", "message": "请选择"}]
    assert save_answers.judge(403, None, SHAPE).refused


def test_a_200_with_errors_in_its_body_is_a_refusal():
    got = save_answers.judge(200, {"message": "保存失败", "errors": [{"field": "sex", "message": "请选择性别"}]}, SHAPE)
    assert got.refused and got.errors[0]["field"] == "sex"
    assert not save_answers.judge(200, {"message": "保存成功"}, SHAPE).refused
    assert not save_answers.judge(200, {"message": "保存成功", "errors": []}, SHAPE).refused


def test_a_result_code_decides_where_the_map_declares_one():
    shape = SaveAnswer(code="code", ok=0, message="msg", errors="errors", error_field="name", error_message="msg")
    refused = save_answers.judge(200, {"code": 1, "msg": "请填写必填项", "errors": [{"name": "title", "msg": "请填写"}]}, shape)
    assert refused.refused and refused.errors == [{"field": "title", "message": "请填写"}]
    assert save_answers.judge(200, {"code": 7, "msg": "系统繁忙"}, shape).refused
    assert not save_answers.judge(200, {"code": 0, "msg": "ok"}, shape).refused


def test_a_refused_submit_lists_the_incomplete_modules():
    got = save_answers.judge(422, {"message": "以下内容尚未完善", "missing": [
        {"module": "招募信息", "fields": ["招募状态", "性别"]}, {"module": "相关附件", "fields": ["研究方案"]}]}, SHAPE)
    assert got.refused
    assert got.missing == ["招募信息：招募状态、性别", "相关附件：研究方案"]
