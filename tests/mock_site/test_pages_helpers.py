"""What a person does on the mock's pages, as plain Playwright actions (no autofiler code): shared by the
test_pages_* files. Fields are found the way a person finds them, by their label in the open tab."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, Response, expect

from tests.spec.pdfs import make_pdf
from tests.support import DEMO_PI, MockServer

ACTIVE = ".el-tab-pane:not([aria-hidden])"
OPEN_DROPDOWN = ".el-select-dropdown:visible"


def exact(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def login(page: Page, phone: str = DEMO_PI["phone"], password: str = DEMO_PI["password"]) -> None:
    page.goto("/login")
    item(page, "账号", page.locator("form")).locator("input").fill(phone)
    item(page, "密码", page.locator("form")).locator("input").fill(password)
    page.locator("button.el-button", has_text="登录").click()
    page.wait_for_url(lambda url: "/login" not in url)


def new_project(page: Page) -> int:
    page.goto("/quickstart")
    page.locator("button.el-button", has_text="新增临床研究项目备案").click()
    page.wait_for_url(re.compile(r"/projects/\d+/edit"))
    return int(re.search(r"/projects/(\d+)/edit", page.url).group(1))  # type: ignore[union-attr]


def item(page: Page, label: str, scope: Locator | None = None) -> Locator:
    """The form item whose label reads exactly `label`, inside the open tab (or `scope`)."""
    scope = scope if scope is not None else page.locator(ACTIVE)
    return scope.locator(".el-form-item").filter(
        has=page.locator(".el-form-item__label").filter(has_text=exact(label)))


def tab(page: Page, label: str) -> None:
    target = page.locator(".el-tabs__item[role=tab]").filter(has_text=exact(label))
    target.click()
    expect(target).to_have_class(re.compile(r"\bis-active\b"))


def text(page: Page, label: str, value: str, scope: Locator | None = None) -> None:
    item(page, label, scope).locator("input.el-input__inner, textarea.el-textarea__inner").fill(value)


def radio(page: Page, label: str, option: str) -> None:
    item(page, label).locator("label.el-radio").filter(has_text=exact(option)).click()


def choose(page: Page, box: Locator, option: str) -> None:
    """Open a select and click the option in the pop-up attached to <body>, as a person would."""
    box.click()
    page.locator(OPEN_DROPDOWN).locator("li.el-select-dropdown__item").filter(has_text=exact(option)).click()
    expect(page.locator(OPEN_DROPDOWN)).to_have_count(0)


def select(page: Page, label: str, option: str, scope: Locator | None = None) -> None:
    choose(page, item(page, label, scope).locator(".el-select"), option)


def multiselect(page: Page, label: str, options: list[str]) -> None:
    item(page, label).locator(".el-select").click()
    for option in options:
        page.locator(OPEN_DROPDOWN).locator("li.el-select-dropdown__item").filter(has_text=exact(option)).click()
    page.keyboard.press("Escape")
    expect(page.locator(OPEN_DROPDOWN)).to_have_count(0)


def typed_date(page: Page, box: Locator, value: str) -> None:
    box.click()
    box.fill(value)
    box.press("Enter")
    expect(page.locator(".el-picker-panel:visible")).to_have_count(0)


def date(page: Page, label: str, value: str) -> None:
    typed_date(page, item(page, label).locator("input"), value)


def daterange(page: Page, label: str, start: str, end: str) -> None:
    inputs = item(page, label).locator("input.el-range-input")
    inputs.nth(0).click()
    inputs.nth(0).fill(start)
    inputs.nth(1).fill(end)
    inputs.nth(1).press("Enter")
    expect(page.locator(".el-picker-panel:visible")).to_have_count(0)


def number(page: Page, box: Locator, value: int) -> None:
    box.locator("input[role=spinbutton]").fill(str(value))
    box.locator("input[role=spinbutton]").press("Enter")


def institution(page: Page, box: Locator, name: str, query: str | None = None) -> None:
    """The remote search: type, wait for the server's matches, click the exact one."""
    box.click()
    box.locator("input").press_sequentially(query or name)
    page.locator(OPEN_DROPDOWN).locator("li.el-select-dropdown__item").filter(has_text=exact(name)).click()
    expect(page.locator(OPEN_DROPDOWN)).to_have_count(0)


def add_row(page: Page, label: str) -> Locator:
    """Click the table's add button; answers the new (last) row."""
    table_item = item(page, label)
    rows = table_item.locator(".el-table__body-wrapper tr.el-table__row")
    before = rows.count()
    table_item.locator("button.el-button").filter(has_text=re.compile(r"^\W*添加")).click()
    expect(rows).to_have_count(before + 1)
    return rows.nth(before)


def cell(page: Page, table_label: str, row: Locator, column: str) -> Locator:
    """A row's cell under the header `column` (header and body are separate tables: match by index)."""
    headers = item(page, table_label).locator(".el-table__header-wrapper th").all_inner_texts()
    index = [h.strip() for h in headers].index(column)
    return row.locator("td").nth(index)


def save(page: Page, message: str = "保存成功") -> Response:
    """Click the open tab's 保存; answers the save's response once the page shows `message` for it."""
    with page.expect_response(lambda r: "/modules/" in r.url and r.request.method == "POST") as info:
        page.locator(ACTIVE).locator("button.el-button").filter(has_text="保存").click()
    expect(page.locator(".el-message").last).to_contain_text(message)
    return info.value


def toast(page: Page, kind: str, message: str) -> None:
    expect(page.locator(f".el-message--{kind} .el-message__content").filter(has_text=message).last).to_be_visible()


def pdf(folder: Path, name: str, title: str = "Study protocol") -> Path:
    path = folder / name
    path.write_bytes(make_pdf(title, "attachment"))
    return path


def project_of(mock: MockServer, project_id: int) -> dict:
    return next(p for p in mock.projects() if p["id"] == project_id)
