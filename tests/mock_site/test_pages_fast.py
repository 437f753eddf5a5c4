"""--fast: the same pages without transitions or the search debounce (for quick unit tests)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.mock_site import test_pages_helpers as ui
from tests.support import MockServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def fast():
    server = MockServer("--fast")
    yield server
    server.stop()


def test_fast_mode_opens_pop_ups_without_a_transition(browser: Browser, fast: MockServer):
    context = browser.new_context(base_url=fast.url)
    page = context.new_page()
    ui.login(page)
    ui.new_project(page)
    expect(page.locator("body")).to_have_attribute("data-fast", "1")
    ui.item(page, "项目来源").locator(".el-select").click()
    dropdown = page.locator(ui.OPEN_DROPDOWN)
    expect(dropdown).to_be_visible()
    assert "el-zoom-in-top" not in (dropdown.get_attribute("class") or "")
    page.keyboard.press("Escape")
    expect(page.locator(ui.OPEN_DROPDOWN)).to_have_count(0)
    ui.select(page, "项目来源", "国际合作项目")
    expect(ui.item(page, "合作单位")).to_have_count(1)
    # the message still shows, so a save can be seen to succeed or fail
    ui.save(page, "请检查标红的字段")
    context.close()
