"""Picks on the genuine Element UI face: a select counts as filled by its chosen state only; a pick waits for the
list to settle and clicks the exact option; an unregistered institution goes into the row being filled."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser

from autofiler.site.widgets_element import pickers
from mock_site.launcher import launch
from tests.site.element.examples import spec_values
from tests.site.element.support import MAP, Editing, open_editor

pytestmark = pytest.mark.e2e


def test_a_select_reads_as_unfilled_while_its_list_shows_typed_text(editing: Editing) -> None:
    editing.fill("research_content", "study_type", "观察性研究")
    item = editing.item("research_content", "study_type")
    box = item.locator(MAP.ui.select_input).first
    pickers.open_list(editing.ctx, box)
    box.fill("干预")  # typed to filter, nothing chosen
    assert editing.read("research_content", "study_type") is None
    box.press("Escape")
    assert pickers.shows(editing.ctx, box, "观察性研究")
    assert editing.read("research_content", "study_type") == "观察性研究"


def test_a_typed_prefix_that_matches_several_options_picks_the_exact_one(editing: Editing) -> None:
    # English twins show only once the saved 基本信息 publishes on ChiCTR: this project has no 基本信息
    values = {k: v for k, v in spec_values()["research_content"].items() if not k.endswith("_en")}
    # 研究阶段: "II期" is also inside I/II期, II/III期 and III期; "I期" inside all five phases with 期
    for phase in ("II期", "I期", "III期", "I/II期"):
        values["study_phase"] = phase
        editing.fill_module("research_content", values)
        editing.save("research_content")
        assert editing.stored("research_content")["study_phase"] == phase


def test_multiselect_takes_exactly_the_wanted_tags_time_after_time(editing: Editing) -> None:
    values = spec_values()["basic_info"]
    rounds = [["心血管病学"], ["呼吸病学", "心血管病学", "血液病学"], ["心血管病学", "内分泌学"], ["心血管病学"],
              ["神经病学", "精神病学", "心血管病学"], ["心血管病学"]]
    for fields in rounds:
        values["research_fields"] = fields
        editing.fill_module("basic_info", values)
        editing.save("basic_info")
        stored = editing.stored("basic_info")["research_fields"]
        assert sorted(stored) == sorted(fields) and len(stored) == len(fields)


def institution_rows(editing: Editing, new_name: str) -> list[Any]:
    """Row 1 a registered unit, row 2 one added through the dialog; the units the mock stored, by row."""
    unit = {"name": new_name, "province": "河北省", "city": "保定市", "address": "某路2号"}
    rows = [{"institution": "北京大学第一医院", "unit_pi_name": "李四", "unit_pi_phone": "13900000002"},
            {"institution": unit, "unit_pi_name": "王五", "unit_pi_phone": "0312-5551234"}]
    values = dict(spec_values()["implementation"], participating_units=rows)
    editing.fill_module("implementation", values)
    editing.save("implementation")
    return [r["institution"] for r in editing.stored("implementation")["participating_units"]]


def test_the_row_button_adds_the_unregistered_unit_to_its_own_row(editing: Editing) -> None:
    assert institution_rows(editing, "某县第二人民医院") == ["北京大学第一医院", "某县第二人民医院"]


def test_the_table_button_adds_the_unit_and_the_driver_picks_it_in_its_row(browser: Browser) -> None:
    with launch("--face", "sop-2020", "--institution-button", "table") as mock, \
            open_editor(browser, mock) as editing:
        assert institution_rows(editing, "某县第三人民医院") == ["北京大学第一医院", "某县第三人民医院"]


