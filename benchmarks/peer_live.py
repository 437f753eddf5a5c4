"""A lean hand-written Playwright script that files a live-2026 spec on the mock's live face, as a baseline.

What a competent engineer would write for this one site: selectors straight from its DOM (`.live-item[data-key]`,
the native control followed by layui's rendered box, `dd[lay-value]`), mouse clicks on choosers, styled boxes and
dialog rows as a person makes them, read-only date inputs given their value by script, a wait on each save's
answer, the uploads, then 提交. No read-back, no local state, no resume. Run it through bench_submit.py, or alone:

    .venv/bin/python benchmarks/peer_live.py --site URL [--spec specs/live-2026/single-center.yaml]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autofiler.forms import load as load_form
from autofiler.spec import load_valid

BROWSER = "/usr/bin/chromium"
USER, PASSWORD = "13800000000", "Demo@2025"


def exact(text: str) -> re.Pattern[str]:
    return re.compile(f"^\\s*{re.escape(text)}\\s*$")


def pick_select(item: Locator, value: str) -> None:
    item.locator(".layui-select-title input").click()
    item.locator(f'dl > dd[lay-value="{value}"]').click()


def pick_dialog(page: Page, item: Locator, value: Any) -> None:
    """A selection dialog: search, tick the row, 确定; the picked table then lists it."""
    cells = list(value.values()) if isinstance(value, dict) else [value]
    item.locator(".live-pick").click()
    dialog = page.locator(".layui-layer-page").last
    dialog.locator(".live-dialog-q").fill(str(cells[0]))
    dialog.locator(".live-dialog-go").click()
    row = dialog.locator(".layui-table-body tr")
    for c in cells:
        row = row.filter(has=page.locator("td", has_text=exact(str(c))))
    row.locator(".layui-form-checkbox").click()
    dialog.locator(".layui-layer-btn0").click()
    expect(item.locator(".live-picked tbody tr").filter(has_text=str(cells[0]))).to_have_count(1)


def autocomplete(page: Page, item: Locator, value: str) -> None:
    box = item.locator(".live-auto input")
    box.fill(value)
    suggest = item.locator(".live-suggest li")
    suggest.first.wait_for()
    hit = item.locator(f'.live-suggest li[data-value="{value}"]')
    if hit.count():
        hit.click()
    else:  # not registered: the typed name stands
        box.press("Escape")


def fill(page: Page, item: Locator, value: Any) -> None:
    widget = item.get_attribute("data-widget")
    if widget in ("text", "textarea", "number", "decimal"):
        boxes = item.locator(".layui-input-block input, .layui-input-block textarea")
        if isinstance(value, list):  # 关键词: one input each
            for i, v in enumerate(value):
                boxes.nth(i).fill(str(v))
        else:
            boxes.first.fill(str(value))
    elif widget in ("select", "dependent_select", "country", "province"):
        pick_select(item, str(value))
    elif widget == "radio":
        item.locator(f'input[type=radio][value="{value}"] + .layui-form-radio').click()
    elif widget in ("checkbox_pair", "checkbox_group"):
        for v in value if isinstance(value, list) else [value]:
            item.locator(f'input[type=checkbox][title="{v}"] + .layui-form-checkbox').click()
    elif widget == "date":
        item.locator("input.live-date").evaluate("(e, v) => { e.value = v; }", str(value))
    elif widget == "daterange":
        dates = item.locator("input.live-date")
        dates.nth(0).evaluate("(e, v) => { e.value = v; }", str(value["start"]))
        dates.nth(1).evaluate("(e, v) => { e.value = v; }", str(value["end"]))
    elif widget == "autocomplete":
        autocomplete(page, item, str(value))
    elif widget == "modal_pick":
        for v in value:
            pick_dialog(page, item, v)
    elif widget in ("pdf", "file", "files"):
        for path in value if isinstance(value, list) else [value]:
            item.locator("input.layui-upload-file").set_input_files(path)
            expect(item.locator(".live-file-name", has_text=Path(path).name)).to_be_visible()
    elif widget in ("repeat_group", "table"):
        rows = item.locator(".live-rows > .live-row")
        for i, row_values in enumerate(value):
            if rows.count() <= i:
                item.locator(".live-add").last.click()
            row = rows.nth(i)
            for col, v in row_values.items():
                fill(page, row.locator(f'.live-item[data-key="{col}"]'), v)


def file_tab(page: Page, module: str, values: dict[str, Any]) -> None:
    pane = page.locator(".layui-tab-item.layui-show")
    for key, value in values.items():
        item = pane.locator(f'.live-item[data-key="{key}"]').first
        fill(page, item, value)
    with page.expect_response(lambda r: "/research/api/save/" in r.url):
        pane.locator(".live-save").click()


def run(site: str, spec: Path) -> float:
    """One filing by hand-written script, from browser start to 提交; returns seconds."""
    values = load_valid(spec).spec.site_values()
    tabs = {m.key: (m.tab or "").lstrip("#") for m in load_form("live-2026").modules}
    started = time.perf_counter()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, headless=True)
        page = browser.new_page(locale="zh-CN")
        page.goto(site + "/login")
        page.locator("[name=username]").fill(USER)
        page.locator("[name=password]").fill(PASSWORD)
        page.locator(".layui-btn", has_text="登录").click()
        page.wait_for_url("**/quickstart")
        page.goto(site + "/research/new")
        for n, (module, fields) in enumerate(values.items()):
            if n:
                page.locator(f'.layui-tab-title li[lay-id="{tabs[module]}"]').click()
            file_tab(page, module, fields)
            if n == 0:  # the first save made the draft: its own address
                page.wait_for_url(re.compile(r"/research/edit/\d+"))
        page.locator(".layui-tab-item.layui-show .live-submit").click()
        page.locator(".layui-layer-dialog .layui-layer-btn0").click()
        page.wait_for_url("**/research/progress/**")
        browser.close()
    return time.perf_counter() - started


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--spec", default=str(ROOT / "specs" / "live-2026" / "single-center.yaml"))
    p.add_argument("--site", required=True, help="a running mock of the live face, e.g. http://127.0.0.1:8765")
    a = p.parse_args()
    print(f"peer filing: {run(a.site, Path(a.spec)):.2f} s")


if __name__ == "__main__":
    main()
