"""Plain widgets (texts, numbers, radios) filled as one run in one page call, on the genuine Element face and on
the hand-written one: a field revealed by a radio of the same run is waited for, every value is stored as sent,
and a text the page cut at its length limit is named as the one that did not take."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from autofiler.site import page_actions
from autofiler.site.widgets_element import element_widgets
from mock_site.launcher import launch
from tests.site.element.examples import plain, spec_values
from tests.site.element.support import MAP, Editing, open_editor

pytestmark = pytest.mark.e2e


def _fill_basic_info(editing: Editing) -> dict:
    """Every field of 基本信息: the pop-up kinds one by one, then all plain ones (the English twin last, shown only
    once 是否需在中国临床试验注册中心网站公开 is 是, which the same run sets) in one call."""
    values = spec_values()["basic_info"]
    module = MAP.module("basic_info")
    run = []
    for f in module.fields:
        if f.readonly or f.key not in values:
            continue
        if f.widget in element_widgets.PLAIN_KINDS:
            run.append((f.label, f.widget, values[f.key]))
        else:
            editing.fill("basic_info", f.key, values[f.key])
    run += [(MAP.twin_label(f), f.widget, values[f.key + "_en"]) for f in module.fields if f.en_twin]
    editing.open("basic_info")
    pane = page_actions.active_pane(editing.page, MAP.ui)
    assert element_widgets.fill_plain(editing.ctx, pane, run) is None
    editing.save("basic_info")
    return values


def test_a_run_of_plain_widgets_is_stored_in_one_call(editing: Editing) -> None:
    values = _fill_basic_info(editing)
    stored = editing.stored("basic_info")
    assert {k: plain(stored.get(k)) for k in values} == {k: plain(v) for k, v in values.items()}


def test_a_run_of_plain_widgets_on_the_hand_written_face_too(browser: Browser) -> None:
    with launch("--face", "sop-2020", "--fast") as mock, open_editor(browser, mock) as editing:
        values = _fill_basic_info(editing)
        stored = editing.stored("basic_info")
    assert {k: plain(stored.get(k)) for k in values} == {k: plain(v) for k, v in values.items()}


def test_a_text_cut_at_its_length_limit_is_the_one_named(editing: Editing) -> None:
    f = MAP.module("basic_info").field("project_name")
    editing.open("basic_info")
    pane = page_actions.active_pane(editing.page, MAP.ui)
    run = [(MAP.module("basic_info").field("project_number").label, "text", "A-1"), (f.label, "text", "长" * 260)]
    assert element_widgets.fill_plain(editing.ctx, pane, run) == 1
    shown = element_widgets.read(editing.ctx, "text", editing.item("basic_info", "project_name"))
    assert shown is not None and len(shown) < 260  # the page kept only what its limit allows
