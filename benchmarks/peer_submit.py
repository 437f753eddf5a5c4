"""The leanest honest hand-written Playwright script for the same filing, as a baseline for autofiler.

What a skilled engineer would write for this one site: selectors straight from its DOM (data-prop, data-col),
mouse clicks on pop-up options as a person makes them, typed dates, a wait on the save answer and its toast after
each module, the uploads, then 提交. No read-back, no local state, no resume. Run it through bench_submit.py,
or alone:

    .venv/bin/python benchmarks/peer_submit.py [--spec specs/multi-center.yaml] [--site URL]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import yaml
from playwright.sync_api import Locator, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autofiler.spec import load_valid

BROWSER = "/usr/bin/chromium"
USER, PASSWORD = "13800000000", "Demo@2025"
TABS = {"basic_info": "基本信息", "implementation": "实施信息", "research_content": "研究内容",
        "research_design": "研究设计", "recruitment": "招募信息", "other_registrations": "其他信息",
        "data_sharing": "数据共享", "attachments": "相关附件"}


def kinds() -> dict[str, str]:
    """Widget kind per field (and per table column, as "table.column"), from the mock's catalog."""
    data = yaml.safe_load((ROOT / "autofiler" / "forms" / "sop-2020.yaml").read_text(encoding="utf-8"))
    out = {}
    for m in data["modules"]:
        for f in m["fields"]:
            out[f["key"]] = f["widget"]
            for c in f.get("columns", []):
                out[f"{f['key']}.{c['key']}"] = c["widget"]
    return out


def pick(page: Page, opener: Locator, text: str) -> None:
    opener.click()
    page.locator(".el-select-dropdown:visible").last.locator("li.el-select-dropdown__item").filter(
        has_text=re.compile(f"^{re.escape(text)}$")).click()


def fill(page: Page, box: Locator, kind: str, value, raw=None) -> None:
    if kind in ("text", "textarea"):
        box.locator("input, textarea").first.fill(str(value))
    elif kind == "number":
        inp = box.locator("input")
        inp.fill(str(value))
        inp.press("Enter")
    elif kind == "date":
        inp = box.locator("input")
        inp.fill(value)
        inp.press("Enter")
    elif kind == "daterange":
        start, end = box.locator("input.el-range-input").all()
        start.fill(value["start"])
        end.fill(value["end"])
        end.press("Enter")
    elif kind == "radio":
        box.get_by_role("radio", name=value, exact=True).click()
    elif kind == "select":
        pick(page, box.locator("input.el-input__inner"), value)
    elif kind == "multiselect":
        box.locator(".el-select").click()
        for v in value:
            page.locator(".el-select-dropdown:visible").last.locator("li.el-select-dropdown__item").filter(
                has_text=re.compile(f"^{re.escape(v)}$")).click()
        page.keyboard.press("Escape")
    elif kind == "institution":
        name = value
        inp = box.locator("input.el-input__inner")
        inp.click()
        inp.fill(name)
        page.locator(".el-select-dropdown:visible").last.locator("li.el-select-dropdown__item").filter(
            has_text=re.compile(f"^{re.escape(name)}$")).click()


def add_institution(page: Page, inst: dict) -> None:
    page.locator("a.el-link", has_text="添加未在系统注册的医疗卫生机构").click()
    dialog = page.locator(".el-dialog[aria-label='添加未在系统注册的医疗卫生机构']")
    dialog.locator("[data-prop=name] input").fill(inst["name"])
    pick(page, dialog.locator("[data-prop=province] input"), inst["province"])
    dialog.locator("[data-prop=city] input").fill(inst["city"])
    dialog.locator("[data-prop=address] input").fill(inst["address"])
    dialog.get_by_role("button", name="确定").click()
    expect(page.locator(".el-message--success", has_text="添加成功").last).to_be_visible()


def file_module(page: Page, key: str, values: dict, raw: dict, kind: dict[str, str]) -> None:
    pane = page.locator(".el-tab-pane:not([aria-hidden])")
    # English twins show once 是否…公开 is 是, so they go last
    ordered = sorted(values.items(), key=lambda kv: kv[0].endswith("_en"))
    for field, value in ordered:
        if key == "implementation" and field == "lead_unit":
            continue  # read-only
        item = pane.locator(f".el-form-item[data-prop={field}]")
        widget = kind.get(field) or kind[field.removesuffix("_en")]
        if widget == "table":
            for i, row in enumerate(value):
                item.get_by_role("button", name=re.compile("添加")).click()
                tr = item.locator("tbody tr.el-table__row").nth(i)
                for col, cell_value in row.items():
                    ck = kind[f"{field}.{col}"]
                    if ck == "institution":
                        inst = raw[field][i][col]
                        if isinstance(inst, dict):
                            add_institution(page, inst)
                    fill(page, tr.locator(f"td[data-col={col}]"), ck, cell_value)
        elif widget in ("file", "files"):
            paths = value if isinstance(value, list) else [value]
            for path in paths:
                item.locator("input[type=file]").set_input_files(path)
                expect(item.locator("li.el-upload-list__item.is-success",
                                    has_text=Path(path).name)).to_be_visible()
        else:
            fill(page, item, widget, value)
    if key != "attachments":
        with page.expect_response(lambda r: f"/modules/{key}" in r.url):
            pane.get_by_role("button", name="保存").click()
        expect(page.locator(".el-message--success", has_text="保存成功").last).to_be_visible()


def run(site: str, spec: Path) -> float:
    """One filing by hand-written script, from browser start to 提交成功; returns seconds."""
    values = load_valid(spec).spec.site_values()
    raw = yaml.safe_load(spec.read_text(encoding="utf-8"))
    kind = kinds()
    started = time.perf_counter()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, headless=True)
        page = browser.new_page(locale="zh-CN")
        page.goto(site + "/login")
        page.locator("[data-prop=username] input").fill(USER)
        page.locator("[data-prop=password] input").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.wait_for_url("**/quickstart")
        page.get_by_role("button", name="新增临床研究项目备案").click()
        page.wait_for_url(re.compile(r"/projects/\d+/edit"))
        for key, tab in TABS.items():
            page.locator(".el-tabs__item", has_text=tab).click()
            file_module(page, key, values.get(key) or {}, raw.get(key) or {}, kind)
        page.get_by_role("button", name="提交").click()
        page.locator(".el-message-box").get_by_role("button", name="确定").click()
        expect(page.locator(".el-message--success", has_text="提交成功").last).to_be_visible()
        browser.close()
    return time.perf_counter() - started


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--spec", default=str(ROOT / "specs" / "multi-center.yaml"))
    p.add_argument("--site", required=True, help="a running mock, e.g. http://127.0.0.1:8765")
    a = p.parse_args()
    print(f"peer filing: {run(a.site, Path(a.spec)):.2f} s")


if __name__ == "__main__":
    main()
