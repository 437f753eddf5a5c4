"""Selects the mock's editor does not have (without a filter, single and multiple), as genuine Element UI renders
them: a page of the test's own built on the library files the mock serves. The value is judged from the Vue
model the page prints, not from the driver's reader."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from autofiler.site import page_actions
from autofiler.site.widgets_element import element_widgets, pickers
from mock_site.launcher import RunningMock
from tests.site.element.support import MAP

pytestmark = pytest.mark.e2e

OPTIONS = ["I期", "I/II期", "II期", "II/III期", "III期", "IV期"]
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/static/lib/element-ui/theme-chalk/index.css"></head><body>
<div id="app"><el-form label-width="120px" style="width: 520px">
  <el-form-item label="单选"><el-select v-model="one" placeholder="请选择">
    <el-option v-for="o in options" :key="o" :label="o" :value="o"></el-option></el-select></el-form-item>
  <el-form-item label="多选"><el-select v-model="many" multiple placeholder="请选择">
    <el-option v-for="o in options" :key="o" :label="o" :value="o"></el-option></el-select></el-form-item>
  <pre id="model">{{ JSON.stringify({one: one, many: many}) }}</pre>
</el-form></div>
<script src="/static/lib/vue/vue.min.js"></script><script src="/static/lib/element-ui/index.js"></script>
<script>new Vue({el: '#app', data: {one: '', many: [], options: OPTIONS}});</script>
</body></html>""".replace("OPTIONS", json.dumps(OPTIONS))


@pytest.fixture
def selects(browser: Browser, genuine: RunningMock) -> Iterator[Page]:
    context = browser.new_context(base_url=genuine.url)
    page = context.new_page()
    page.route("**/__selects__", lambda route: route.fulfill(body=PAGE, content_type="text/html; charset=utf-8"))
    page.goto("/__selects__")
    page.locator(MAP.ui.form_item).first.wait_for()
    yield page
    context.close()


def model(page: Page) -> dict:
    return json.loads(page.locator("#model").inner_text())


def test_a_select_without_a_filter_is_picked_from_its_whole_list(selects: Page) -> None:
    ctx = element_widgets.Ctx(selects, MAP)
    item = page_actions.form_item(selects, MAP.ui, "单选").first
    for phase in ("II期", "I期", "III期", "II期"):
        pickers.fill_select(ctx, item, phase)
        assert model(selects)["one"] == phase
        assert element_widgets.read(ctx, "select", item) == phase


def test_a_multiselect_without_a_filter_takes_exactly_the_wanted_tags(selects: Page) -> None:
    ctx = element_widgets.Ctx(selects, MAP)
    item = page_actions.form_item(selects, MAP.ui, "多选").first
    for wanted in (["II期"], ["I期", "III期", "II期"], ["I/II期"], []):
        pickers.fill_multiselect(ctx, item, wanted)
        assert sorted(model(selects)["many"]) == sorted(wanted)
        assert sorted(element_widgets.read(ctx, "multiselect", item)) == sorted(wanted)
