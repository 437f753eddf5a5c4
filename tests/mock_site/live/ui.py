"""Plain Playwright steps on the genuine layui widgets of the live face, as a person would take them."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.support import DEMO_PI


def login(page: Page, url: str, phone: str = DEMO_PI["phone"], password: str = DEMO_PI["password"]) -> None:
    page.goto(url + "/login")
    page.locator("input[name=username]").fill(phone)
    page.locator("input[name=password]").fill(password)
    page.locator("button", has_text="登录").click()
    expect(page.locator(".layui-header .live-user")).to_be_visible()


def ready(page: Page) -> None:
    expect(page.locator("body.live-ready")).to_have_count(1)


def tab(page: Page, index: int) -> Locator:
    return page.locator(f"#tab{index}")


def item(scope: Locator, label: str) -> Locator:
    """The form item whose own label reads `label` (the required star aside)."""
    return scope.locator(".live-item").filter(
        has=scope.page.locator("> .layui-form-label", has_text=re.compile(rf"^\*?{re.escape(label)}$"))).first


def choose(field: Locator, option: str) -> None:
    """layui's chooser: click its title, then the option in the list it opens."""
    field.locator(".layui-select-title").click()
    dd = field.locator(f"dl dd[lay-value='{option}']")
    expect(dd).to_be_visible()
    dd.click()
    expect(field.locator(".layui-select-title input")).to_have_value(option)


def radio(field: Locator, option: str) -> None:
    styled = field.locator(".layui-form-radio", has_text=option)
    styled.click()
    expect(styled).to_have_class(re.compile(r"\blayui-form-radioed\b"))


def check(field: Locator, option: str) -> None:
    box = field.locator(".layui-form-checkbox", has_text=option)
    box.click()
    expect(box).to_have_class(re.compile(r"\blayui-form-checked\b"))


def pick_day(page: Page, field: Locator, day: int) -> None:
    """Open laydate on a read-only date input and click a day of the month shown."""
    field.click()
    panel = page.locator(".layui-laydate")
    expect(panel).to_be_visible()
    panel.locator("td[lay-ymd]:not(.laydate-day-prev):not(.laydate-day-next)").nth(day - 1).click()
    expect(panel).to_have_count(0)


def toast(page: Page) -> Locator:
    """The toast shown now (a newer one makes layer close the older: that one is still in the DOM, closing)."""
    return page.locator(".layui-layer-msg:not(.layer-anim-close)")
