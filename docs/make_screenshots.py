"""Screenshots of the mock registry's two faces, for the docs: `python docs/make_screenshots.py [--out DIR]`.

live-2026 (layui): the mock seeds complete filings of the demo PI; the login page, tabs 0-8 of a draft (招募信息,
shown only for an interventional study, after switching 研究分类（二级） in the page), the list and 备案进度.
sop-2020 on Element UI: a sample project filed through the XHR API; the login page, the eight module panes, the
list and 备案进度. Each is a viewport PNG (1360x900) under docs/screenshots/, Chinese rendered by the system's
CJK fonts.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mock_site.launcher import RunningMock, launch
from mock_site.pdf import minimal_pdf
from mock_site.served_catalog import CATALOG

PI = {"username": "13800000000", "password": "Demo@2025"}
BROWSER = os.environ.get("AUTOFILER_BROWSER", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run"]

SAMPLE = {
    "basic_info": {
        "project_name": "达格列净治疗射血分数保留心力衰竭的多中心随机对照研究",
        "project_name_en": "Dapagliflozin in heart failure with preserved ejection fraction",
        "project_type": "非注册临床研究", "project_source": "企事业单位委托研究项目", "commissioning_unit": "某药业有限公司",
        "project_source_detail": "企业委托研究", "project_number": "IIT-2025-018", "filing_title": "达格列净治疗HFpEF",
        "filing_title_short": "DAPA-HF-IIT", "expected_duration": {"start": "2025-03-01", "end": "2027-02-28"},
        "research_fields": ["心血管病学", "内分泌学"], "publish_to_chictr": "是",
        "ethics_committee": "示例医院医学伦理委员会", "ethics_approval_no": "2025-伦审-031", "ethics_approval_date": "2025-01-20",
    },
    "implementation": {
        "has_participating_units": "有", "sponsor": "示例医院", "funding_source": "企业资助",
        "participating_units": [
            {"institution": "北京大学第一医院", "unit_pi_name": "李四", "unit_pi_phone": "13900000002",
             "unit_pi_email": "lisi@example.org"},
            {"institution": "四川大学华西医院", "unit_pi_name": "王五", "unit_pi_phone": "028-85422114"}],
    },
    "research_content": {
        "study_type": "干预性研究", "study_phase": "III期", "conditions": "射血分数保留心力衰竭",
        "conditions_en": "Heart failure with preserved ejection fraction", "condition_code": "I50.9",
        "objectives": "评价达格列净降低心衰住院和心血管死亡的效果", "objectives_en": "Effect on hospitalisation and death",
        "background": "HFpEF 缺乏改善预后的药物", "inclusion_criteria": "年龄≥50岁；LVEF≥50%",
        "inclusion_criteria_en": "Aged 50 or over; LVEF of 50% or more", "exclusion_criteria": "1型糖尿病；eGFR<25",
        "exclusion_criteria_en": "Type 1 diabetes; eGFR below 25",
        "outcomes": [{"name": "心衰住院或心血管死亡", "kind": "主要指标", "timepoint": "第12个月", "method": "随访"},
                     {"name": "KCCQ 评分变化", "kind": "次要指标", "timepoint": "第6个月"}],
    },
    "research_design": {
        "design_type": "随机平行对照", "randomization": "中央随机，区组长度4", "blinding": "双盲",
        "interventions": [{"group": "试验组", "sample_size": 300, "intervention": "达格列净 10mg qd"},
                          {"group": "对照组", "sample_size": 300, "intervention": "安慰剂"}],
        "off_label_use": "是", "unproven_combination": "否", "sample_size_total": 600,
    },
    "recruitment": {
        "recruitment_status": "尚未开始", "recruitment_period": {"start": "2025-04-01", "end": "2026-10-31"},
        "age_min": 50, "age_max": 85, "sex": "男女均可", "contact_name": "张医生", "contact_phone": "010-83572211",
        "contact_email": "zhang@example.org",
    },
    "other_registrations": {"registrations": [
        {"platform": "中国临床试验注册中心", "registration_no": "ChiCTR2500091234", "registration_date": "2025-02-10"}]},
    "data_sharing": {"ipd_sharing": "是", "ipd_sharing_plan": "研究结束后经数据委员会审批共享", "results_public": "公开",
                     "data_management": "EDC 系统采集，双人录入核对", "dsmb": "有"},
}


VIEWPORT = {"width": 1360, "height": 900}


def start_mock() -> RunningMock:
    return launch("--fast", "--face", "sop-2020")


def file_sample(url: str) -> int:
    """A complete sample project of the demo PI, saved and with its PDFs, through the XHR API."""
    with httpx.Client(base_url=url, timeout=30) as c:
        c.post("/api/login", json=PI).raise_for_status()
        project_id = c.post("/api/projects").json()["id"]
        for module, values in SAMPLE.items():
            r = c.post(f"/api/projects/{project_id}/modules/{module}", json=values)
            if r.status_code != 200:
                raise SystemExit(f"saving {module} failed: {r.text}")
        for key, name in (("protocol", "研究方案.pdf"), ("informed_consent", "知情同意书.pdf"),
                          ("other_files", "伦理批件.pdf")):
            c.post(f"/api/projects/{project_id}/attachments/{key}",
                   files={"file": (name, minimal_pdf(name), "application/pdf")}).raise_for_status()
    return project_id


def publish(url: str, project_id: int) -> None:
    """提交 the sample, then approve it step by step through the control API, so 备案进度 has a history."""
    with httpx.Client(base_url=url, timeout=30) as c:
        c.post("/api/login", json=PI).raise_for_status()
        c.post(f"/api/projects/{project_id}/submit").raise_for_status()
        for opinion in ("方案设计合理", "伦理批件齐全", "同意备案"):
            c.post(f"/__mock__/projects/{project_id}/review", json={"decision": "approve", "opinion": opinion}
                   ).raise_for_status()


def shoot(url: str, project_id: int, out: Path) -> list[Path]:
    """The Element face: login, the eight module panes, the project list and 备案进度."""
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def snap(page: Page, name: str) -> None:
        saved.append(out / f"element-{name}.png")
        page.screenshot(path=saved[-1])

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, args=ARGS)
        page = browser.new_page(locale="zh-CN", viewport=VIEWPORT)
        page.goto(url + "/login")
        page.locator("button.el-button", has_text="登录").wait_for()
        snap(page, "00-login")
        page.locator("form input.el-input__inner").nth(0).fill(PI["username"])
        page.locator("form input.el-input__inner").nth(1).fill(PI["password"])
        page.locator("button.el-button", has_text="登录").click()
        page.wait_for_url("**/quickstart")
        for i, module in enumerate(CATALOG, start=1):
            page.goto(f"{url}/projects/{project_id}/edit?tab={module['key']}")
            page.locator(".el-tabs__item.is-active", has_text=module["label"]).wait_for()
            page.locator(".el-tab-pane:not([aria-hidden]) .el-form-item__label").first.wait_for()
            snap(page, f"{i:02d}-{module['key']}")
        publish(url, project_id)
        page.goto(f"{url}/projects")
        page.locator(".el-table__body-wrapper tr.el-table__row").first.wait_for()
        snap(page, "10-projects")
        page.goto(f"{url}/projects/{project_id}/progress")
        page.locator(".el-timeline-item").first.wait_for()
        snap(page, "11-progress")
        browser.close()
    return saved


def shoot_live(out: Path) -> list[Path]:
    """The live face: seeded filings of the demo PI; login, tabs 0-8 of a draft, the list and 备案进度."""
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def snap(page: Page, name: str) -> None:
        saved.append(out / f"live-{name}.png")
        page.screenshot(path=saved[-1])

    with launch("--fast", "--face", "live-2026") as mock, sync_playwright() as p:
        mock.control("POST", "seed", {"owner": PI["username"], "projects": 4})
        projects = mock.projects()
        draft = next(x["id"] for x in projects if x["status"] == "draft")
        done = next(x["id"] for x in projects if x["status"] == "institution_review")
        mock.control("POST", f"projects/{done}/review", {"decision": "approve", "opinion": "同意备案"})
        browser = p.chromium.launch(executable_path=BROWSER, args=ARGS)
        page = browser.new_page(locale="zh-CN", viewport=VIEWPORT)
        page.goto(mock.url + "/login")
        page.locator("button", has_text="登录").wait_for()
        snap(page, "00-login")
        page.locator("input[name=username]").fill(PI["username"])
        page.locator("input[name=password]").fill(PI["password"])
        page.locator("button", has_text="登录").click()
        page.locator(".layui-header .live-user").wait_for()
        page.goto(f"{mock.url}/research/edit/{draft}#tab0")
        page.locator("body.live-ready").wait_for(state="attached")
        titles = page.locator(".live-tabs .layui-tab-title li")
        for i in range(titles.count()):
            tab = titles.nth(i)
            hidden = "layui-hide" in (tab.get_attribute("class") or "")
            if hidden:
                # 招募信息 is an interventional study's tab: switch 研究分类（二级） in the page (not saved)
                titles.nth(0).click()
                page.locator(".layui-tab-item.layui-show .live-item[data-key=research_type_l2] .layui-select-title"
                             ).click()
                page.locator(".layui-tab-item.layui-show dd[lay-value=干预性研究]").click()
                tab.wait_for()
            tab.click()
            shown = page.locator(f".layui-tab-item.layui-show[data-tab='{i}']")
            shown.wait_for()
            if hidden:  # a few answers, so the tab shows its fields
                shown.locator(".live-item[data-key=recruitment_involved] .layui-form-radio", has_text="是").click()
                status = shown.locator(".live-item[data-key=recruitment_status]")
                status.locator(".layui-select-title").click()
                status.locator("dd[lay-value]:not([lay-value=''])").first.click()
            page.evaluate("window.scrollTo(0, 0)")
            module = page.locator(f".layui-tab-item[data-tab='{i}'] form").get_attribute("data-module")
            snap(page, f"tab{i}-{module}")
        page.goto(f"{mock.url}/research/list")
        page.locator(".layui-table-body tr[data-index]").first.wait_for()
        snap(page, "10-list")
        page.goto(f"{mock.url}/research/progress/{done}")
        page.locator(".layui-timeline-item").first.wait_for()
        snap(page, "11-progress")
        browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    paths = shoot_live(args.out)
    with start_mock() as mock:
        project_id = file_sample(mock.url)
        paths += shoot(mock.url, project_id, args.out)
    for path in paths:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path, f"{path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
