from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from autofiler.errors import ConfigError
from autofiler.site import sitemap


def test_shipped_map_lists_the_eight_modules_in_form_order():
    m = sitemap.load()
    assert [mod.key for mod in m.modules] == [
        "basic_info", "implementation", "research_content", "research_design", "recruitment",
        "other_registrations", "data_sharing", "attachments",
    ]
    assert m.module("basic_info").tab == "基本信息"
    units = m.module("implementation").field("participating_units")
    assert units.widget == "table" and units.add_button == "添加参与单位"
    assert [c.key for c in units.columns][:2] == ["institution", "unit_pi_name"]
    assert units.column("institution").widget == "institution"
    assert m.module("research_design").field("randomization").when == "design_type startswith 随机"


def test_texts_states_and_ids_come_from_the_map():
    m = sitemap.load()
    assert m.ui.form_item == ".el-form-item"
    assert m.buttons["save"] == "保存"
    assert m.state_key("退回修改") == "returned"
    assert m.state_key(" 草稿 ") == "draft"
    assert m.state_key("不存在的状态") is None
    assert m.project_id("http://x/projects/42/edit") == "42"
    assert m.project_id("http://x/quickstart") is None
    assert m.twin_label(m.module("basic_info").field("project_name")) == "项目名称（英文）"


def _write(tmp_path: Path, data: dict) -> Path:
    p = tmp_path / "map.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def _shipped() -> dict:
    return yaml.safe_load(sitemap.default_path().read_text(encoding="utf-8"))


def test_a_replacement_map_is_used_as_given(tmp_path):
    data = _shipped()
    data["modules"][0]["tab"] = "项目基本信息"
    data["buttons"]["save"] = "暂存"
    m = sitemap.load(_write(tmp_path, data))
    assert m.module("basic_info").tab == "项目基本信息"
    assert m.buttons.save == "暂存"


def test_a_missing_key_is_named_when_loading(tmp_path):
    data = _shipped()
    del data["ui"]["form_item_label"]
    with pytest.raises(ConfigError, match=r"ui\.form_item_label is missing"):
        sitemap.load(_write(tmp_path, data))


def test_an_unknown_widget_is_refused_with_its_field(tmp_path):
    data = _shipped()
    data["modules"][0]["fields"][0]["widget"] = "slider"
    with pytest.raises(ConfigError, match=r"modules\.basic_info\.project_name\.widget 'slider'"):
        sitemap.load(_write(tmp_path, data))


def test_a_table_without_columns_is_refused(tmp_path):
    data = _shipped()
    impl = data["modules"][1]["fields"]
    next(f for f in impl if f["key"] == "participating_units")["columns"] = []
    with pytest.raises(ConfigError, match="participating_units needs columns"):
        sitemap.load(_write(tmp_path, data))


def test_an_unreadable_or_broken_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        sitemap.load(tmp_path / "absent.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("ui: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        sitemap.load(bad)


def test_a_missing_section_key_read_later_names_it():
    m = sitemap.load()
    with pytest.raises(ConfigError, match=r"buttons\.no_such_button is missing"):
        _ = m.buttons.no_such_button


def test_the_tab_address_is_optional(tmp_path):
    m = sitemap.load()
    assert m.project_tab_url and m.project_tab_url.format(id=3, module="recruitment").startswith("/projects/3/")
    data = _shipped()
    del data["site"]["project_tab_url"]
    assert sitemap.load(_write(tmp_path, data)).project_tab_url is None
