"""The leanest honest hand-written Playwright script for the same filing, as a baseline for autofiler.

What a skilled engineer would write for this one site, the sop-2020 face on genuine Element UI: form items by
their label and table cells by their column header, mouse clicks on pop-up options as a person makes them, typed dates, a
wait on the save answer and its toast after each module, the uploads, then 提交. No read-back, no local state, no
resume. Run it through bench_submit.py, or alone:

    .venv/bin/python benchmarks/peer_submit.py [--spec specs/multi-center.yaml] --site URL
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


def catalog() -> tuple[dict[str, str], dict[str, str]]:
    """Widget kind and label per field (and per table column, as "table.column"), from the form catalog."""
    data = yaml.safe_load((ROOT / "autofiler" / "forms" / "sop-2020.yaml").read_text(encoding="utf-8"))
    kind, label = {}, {}
    for m in data["modules"]:
        for f in m["fields"]:
            kind[f["key"]], label[f["key"]] = f["widget"], f["label"]
            label[f["key"] + "_en"] = f["label"] + "（英文）"
            for c in f.get("columns", []):
                kind[f"{f['key']}.{c['key']}"], label[f"{f['key']}.{c['key']}"] = c["widget"], c["label"]
    return kind, label


class Dom:
    """Where a field's form item and a table's cell are: by label and by column header."""

    def __init__(self, page: Page, label: dict[str, str]) -> None:
        self.page, self.label = page, label

    def item(self, scope: Locator | Page, key: str, text: str | None = None) -> Locator:
        name = text or self.label[key]
        return scope.locator(".el-form-item").filter(
            has=self.page.locator(":scope > .el-form-item__label", has_text=re.compile(f"^{re.escape(name)}$")))

    def cell(self, item: Locator, tr: Locator, table: str, col: str) -> Locator:
        heads = [h.strip() for h in item.locator(".el-table__header-wrapper th").all_inner_texts()]
        return tr.locator(":scope > td").nth(heads.index(self.label[f"{table}.{col}"]))

    def option(self, text: str) -> Locator:
        """An option whose text (or, on a remote search, its first span: the name beside the province) is `text`."""
        exact = re.compile(f"^{re.escape(text)}$")
        items = self.page.locator(".el-select-dropdown:visible").last.locator("li.el-select-dropdown__item")
        return items.filter(has=self.page.locator("span", has_text=exact)).or_(items.filter(has_text=exact)).first


def pick(page: Page, opener: Locator, text: str) -> None:
    opener.click()
    page.locator(".el-select-dropdown:visible").last.locator("li.el-select-dropdown__item").filter(
        has_text=re.compile(f"^{re.escape(text)}$")).click()


def fill(page: Page, box: Locator, kind: str, value, dom: Dom) -> None:
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
        dom.option(name).click()


def add_institution(page: Page, dom: Dom, link: Locator, inst: dict) -> None:
    link.click()
    dialog = page.locator(".el-dialog[aria-label='添加未在系统注册的医疗卫生机构']")
    dom.item(dialog, "name", "机构名称").locator("input").fill(inst["name"])
    pick(page, dom.item(dialog, "province", "所在省份").locator("input"), inst["province"])
    dom.item(dialog, "city", "所在城市").locator("input").fill(inst["city"])
    dom.item(dialog, "address", "详细地址").locator("input").fill(inst["address"])
    dialog.get_by_role("button", name="确定").click()
    expect(page.locator(".el-message--success", has_text="添加成功").last).to_be_visible()


def file_module(page: Page, key: str, values: dict, raw: dict, kind: dict[str, str], dom: Dom) -> None:
    pane = page.locator(".el-tab-pane:not([aria-hidden])")
    # English twins show once 是否…公开 is 是, so they go last
    ordered = sorted(values.items(), key=lambda kv: kv[0].endswith("_en"))
    for field, value in ordered:
        if key == "implementation" and field == "lead_unit":
            continue  # read-only
        item = dom.item(pane, field)
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
                            link = "a.el-link:has-text('添加未在系统注册的医疗卫生机构')"
                            own = tr.locator(link)  # the row's own link, where each row has one
                            add_institution(page, dom, own if own.count() > 0 else page.locator(link).first, inst)
                    fill(page, dom.cell(item, tr, field, col), ck, cell_value, dom)
        elif widget in ("file", "files"):
            paths = value if isinstance(value, list) else [value]
            for path in paths:
                item.locator("input[type=file]").set_input_files(path)
                expect(item.locator("li.el-upload-list__item.is-success",
                                    has_text=Path(path).name)).to_be_visible()
        else:
            fill(page, item, widget, value, dom)
    if key != "attachments":
        with page.expect_response(lambda r: f"/modules/{key}" in r.url):
            pane.get_by_role("button", name="保存").click()
        expect(page.locator(".el-message--success", has_text="保存成功").last).to_be_visible()


def run(site: str, spec: Path) -> float:
    """One filing by hand-written script, from browser start to 提交成功; returns seconds (history routes, a
    confirmation before 提交)."""
    values = load_valid(spec).spec.site_values()
    raw = yaml.safe_load(spec.read_text(encoding="utf-8"))
    kind, label = catalog()
    started = time.perf_counter()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, headless=True)
        page = browser.new_page(locale="zh-CN")
        dom = Dom(page, label)
        page.goto(site + "/login")
        dom.item(page, "username", "账号").locator("input").fill(USER)
        dom.item(page, "password", "密码").locator("input").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.wait_for_url("**/quickstart")
        page.get_by_role("button", name="新增临床研究项目备案").click()
        page.wait_for_url(re.compile(r"/projects/\d+/edit"))
        for key, tab in TABS.items():
            page.locator(".el-tabs__item", has_text=tab).click()
            file_module(page, key, values.get(key) or {}, raw.get(key) or {}, kind, dom)
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
