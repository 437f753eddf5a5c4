"""Plain Playwright steps on genuine Element UI widgets, as a person would take them."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.support import DEMO_PI

POPPER = ".el-select-dropdown:visible, .el-picker-panel:visible"


def login(page: Page, url: str, phone: str = DEMO_PI["phone"], password: str = DEMO_PI["password"]) -> None:
    page.goto(url)
    form = page.locator(".el-form")
    item(form, "账号").locator("input").fill(phone)
    item(form, "密码").locator("input").fill(password)
    page.locator("button.el-button", has_text="登录").click()


def item(scope: Locator | Page, label: str) -> Locator:
    """The form item whose own label reads `label` (the label has no input of its own)."""
    return scope.locator(f".el-form-item:has(> .el-form-item__label:text-is('{label}'))")


def pane(page: Page) -> Locator:
    return page.locator(".el-tab-pane:not([aria-hidden])")


def open_tab(page: Page, label: str) -> Locator:
    tab = page.locator(".el-tabs__item[role=tab]", has_text=label)
    tab.click()
    expect(tab).to_have_class(re.compile(r"\bis-active\b"))
    return pane(page)


def no_popper(page: Page) -> None:
    expect(page.locator(POPPER)).to_have_count(0)


def choose(page: Page, field: Locator, option: str, query: str | None = None) -> None:
    """A filterable select: open it, type to filter, click the option in the dropdown attached to <body>."""
    no_popper(page)
    field.locator("input.el-input__inner").click()
    dropdown = page.locator("body > .el-select-dropdown:visible")
    expect(dropdown).to_have_count(1)
    if query:
        field.locator("input.el-input__inner").press_sequentially(query)
    li = dropdown.locator("li.el-select-dropdown__item:visible").filter(has_text=re.compile(f"^{re.escape(option)}"))
    expect(li).to_have_count(1)
    li.click()
    expect(field.locator("input.el-input__inner")).to_have_value(option)
    no_popper(page)


def choose_many(page: Page, field: Locator, options: list[str]) -> None:
    no_popper(page)
    field.locator(".el-select").click()
    dropdown = page.locator("body > .el-select-dropdown:visible")
    expect(dropdown).to_have_count(1)
    for option in options:
        dropdown.locator("li.el-select-dropdown__item:visible", has_text=option).click()
        expect(field.locator(".el-select__tags-text", has_text=option)).to_have_count(1)
    page.keyboard.press("Escape")
    no_popper(page)


def pick_date(page: Page, field: Locator, value: str) -> None:
    no_popper(page)
    box = field.locator("input.el-input__inner")
    box.click()
    expect(page.locator("body > .el-picker-panel:visible")).to_have_count(1)
    box.fill(value)
    box.press("Enter")
    no_popper(page)
    expect(box).to_have_value(value)


def pick_range(page: Page, field: Locator, start: str, end: str) -> None:
    no_popper(page)
    first, second = field.locator("input.el-range-input").nth(0), field.locator("input.el-range-input").nth(1)
    first.click()
    expect(page.locator("body > .el-picker-panel:visible")).to_have_count(1)
    first.fill(start)
    second.fill(end)
    second.press("Enter")
    no_popper(page)
    expect(first).to_have_value(start)
    expect(second).to_have_value(end)


def radio(field: Locator, option: str) -> None:
    label = field.locator("label.el-radio", has_text=option)
    label.click()
    expect(label).to_have_class(re.compile(r"\bis-checked\b"))


def save(page: Page, scope: Locator, status: int = 200) -> None:
    """保存 in the active pane; the answer's status, then the toast that answer brings."""
    with page.expect_response(lambda r: "/modules/" in r.url and r.request.method == "POST") as answer:
        scope.locator("button.el-button", has_text="保存").click()
    assert answer.value.status == status
    kind, text = ("success", "保存成功") if status == 200 else ("error", "请检查标红的字段")
    expect(page.locator(f".el-message--{kind}", has_text=text).last).to_be_visible()
