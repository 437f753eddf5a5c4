"""The typed site map of a classic face: optional keys and their fallbacks, fields from the catalog with the
map's overrides, the control name over the label, and a map of another form generation refused by name."""

from __future__ import annotations

import copy
import json

import pytest
import yaml

from autofiler.errors import ConfigError
from autofiler.site.maps import choose, resolve
from autofiler.site.maps.classic_model import ClassicSiteMap, schema
from autofiler.site.widgets_classic.context import BY_LABEL

SHIPPED = choose.shipped("live-2026")


@pytest.fixture
def raw() -> dict:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


def test_shipped_map_names_its_generation_and_family_and_takes_tabs_from_the_catalog():
    site = resolve.load(SHIPPED)
    assert (site.map.form, site.map.family) == ("live-2026", "classic")
    assert [t.address for t in site.tabs] == [f"#tab{i}" for i in range(9)]
    title = site.tab("basic_info").field("research_title")
    assert (title.label, title.name, title.widget) == ("医学研究题目", "researchTitle", "text")
    twin = site.tab("basic_info").field("research_title_en")  # an English twin is a field of its own
    assert (twin.name, twin.widget) == ("eng.name", "text")
    funds = site.tab("basic_info").field("funding_sources")
    twin_col = funds.column("funding_source_en")
    assert twin_col is not None and twin_col.widget == "text"  # a choice's twin is typed


def test_optional_keys_may_be_left_out_and_the_fallbacks_apply(raw):
    for section, key in [("routes", "login"), ("routes", "projects_json"), ("login", "captcha"),
                         ("login", "captcha_image"), ("login", "profile_page"), ("login", "error"),
                         ("buttons", "search"), ("buttons", "next"), ("buttons", "remove_pick"),
                         ("ui", "field_error"), ("ui", "required_mark"), ("ui", "suggestion_value"),
                         ("menu", "projects")]:
        raw[section].pop(key, None)
    raw.pop("save_answer")
    raw.pop("tabs")
    m = resolve.parse(raw).map
    assert m.routes.login is None and m.login.captcha is None and m.buttons.search is None
    assert m.save_answer.code == "code" and m.save_answer.ok == 0  # the layui-style answer by default
    assert m.buttons.answer_yes == "是"


def test_a_missing_required_key_is_named(raw):
    del raw["layout"]["logged_in"]
    with pytest.raises(ConfigError, match=r"layout\.logged_in"):
        resolve.parse(raw)


def test_an_unknown_key_is_refused_rather_than_ignored(raw):
    raw["ui"]["form_itme"] = ".x"
    with pytest.raises(ConfigError, match=r"ui\.form_itme"):
        resolve.parse(raw)


def test_overrides_change_only_what_they_name(raw):
    raw["tabs"]["basic_info"] = {"label": "基本信息（新）",
                                 "fields": {"research_title": {"label": "研究题目", "name": "title"},
                                            "public_title": {"skip": True}}}
    tab = resolve.parse(raw).tab("basic_info")
    assert tab.label == "基本信息（新）" and tab.address == "#tab1"
    f = tab.field("research_title")
    assert (f.label, f.name, f.widget) == ("研究题目", "title", "text")
    assert tab.field("public_title") is None
    assert tab.field("research_title_short").label == "医学研究题目简写"


def test_an_override_of_a_field_the_catalog_lacks_is_an_error(raw):
    raw["tabs"]["basic_info"] = {"fields": {"research_titel": {"label": "x"}}}
    with pytest.raises(ConfigError, match="research_titel"):
        resolve.parse(raw)


def test_a_field_is_found_by_name_when_it_has_one_else_by_label():
    site = resolve.load(SHIPPED)
    daterange = site.tab("basic_info").field("study_period")  # two names: found by its label
    assert daterange.name is None and daterange.label == "研究预计持续时间"
    group = site.tab("research_design").field("inclusion_criteria")
    assert group.widget in BY_LABEL  # a group's name is its rows' controls, not its own


def test_a_map_of_another_generation_is_refused_naming_both(tmp_path, raw):
    path = tmp_path / "live.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        choose.for_spec("sop-2020", path)
    assert "live-2026" in e.value.message and "sop-2020" in e.value.message
    with pytest.raises(ConfigError) as e:
        choose.for_spec("live-2026", choose.shipped("sop-2020"))  # registry.yaml is the sop-2020 map
    assert "live-2026" in e.value.message and "sop-2020" in e.value.message


def test_each_generation_gets_its_own_map_and_family():
    assert choose.for_spec("live-2026", None) == (SHIPPED, "classic")
    path, family = choose.for_spec("sop-2020", None)
    assert path.name == "registry.yaml" and family == "element"


def test_an_unknown_generation_in_a_map_is_a_config_error(raw):
    bad = copy.deepcopy(raw)
    bad["form"] = "live-2099"
    with pytest.raises(ConfigError, match="live-2099"):
        resolve.parse(bad)


def test_json_schema_documents_every_key():
    s = schema()
    json.dumps(s)  # serialisable
    defs = s["$defs"]
    undocumented = [f"{name}.{key}" for name, d in defs.items() for key, p in d.get("properties", {}).items()
                    if "description" not in p]
    assert undocumented == []
    assert set(s["required"]) >= {"form", "family", "routes", "layout", "login", "ui"}
    assert ClassicSiteMap.model_fields["family"].annotation is not None


def test_both_families_offer_a_strategy_for_every_widget_kind_their_maps_name():
    from autofiler.forms.catalog import Widget
    from autofiler.site import sitemap
    from autofiler.site.widgets_classic import FAMILY as CLASSIC
    from autofiler.site.widgets_element.element_family import FAMILY as ELEMENT

    assert set(ELEMENT) == sitemap.WIDGETS
    kinds = {f.widget for t in resolve.load(SHIPPED).tabs for f in t.fields}
    kinds |= {c.widget for t in resolve.load(SHIPPED).tabs for f in t.fields for c in f.columns}
    assert kinds <= set(CLASSIC) and set(CLASSIC) <= set(Widget.__args__)
