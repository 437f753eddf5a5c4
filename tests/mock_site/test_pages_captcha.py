"""--captcha: the login page shows the image, a wrong answer is refused with a toast and a new image."""

from __future__ import annotations

import re
import urllib.request

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.mock_site import test_pages_helpers as ui
from tests.support import DEMO_PI, MockServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def captcha_site():
    server = MockServer("--captcha")
    yield server
    server.stop()


def answer(page: Page, server: MockServer) -> str:
    session = next(c["value"] for c in page.context.cookies() if c["name"] == "mr_session")
    with urllib.request.urlopen(f"{server.url}/__mock__/captcha?session={session}", timeout=10) as resp:
        return resp.read().decode()


def test_a_wrong_captcha_is_refused_and_a_new_image_shown(browser: Browser, captcha_site: MockServer):
    context = browser.new_context(base_url=captcha_site.url)
    page = context.new_page()
    with page.expect_response(re.compile(r"/captcha$")):
        page.goto("/login")
    form = page.locator("form")
    image = page.locator("img.captcha-img")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") > 0
    ui.text(page, "账号", DEMO_PI["phone"], form)
    ui.text(page, "密码", DEMO_PI["password"], form)
    ui.text(page, "验证码", "0000" if answer(page, captcha_site) != "0000" else "1111", form)
    with page.expect_response(re.compile(r"/captcha\?t=\d+$")):
        page.locator("button.el-button").filter(has_text="登录").click()
    ui.toast(page, "error", "验证码错误")
    expect(ui.item(page, "验证码", form).locator("input")).to_have_value("")
    ui.text(page, "验证码", answer(page, captcha_site), form)
    page.locator("button.el-button").filter(has_text="登录").click()
    page.wait_for_url(re.compile(r"/quickstart$"))
    context.close()
