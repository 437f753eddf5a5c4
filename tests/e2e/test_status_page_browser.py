"""The status page opened in Chromium from a file: charts drawn, Chinese laid out, no request leaves the file,
and the table sorts and filters."""

import datetime as dt

import pytest

from autofiler.office.status_pages import progress_html
from autofiler.site.lists.progress_page import Event, Project
from autofiler.tracking.changes import CheckResult

pytestmark = pytest.mark.e2e


def result():
    projects = []
    for i in range(12):
        start = dt.datetime(2025, 1 + i % 6, 3, 9)
        events = [Event(time=str(start), step="提交"),
                  Event(time=str(start + dt.timedelta(days=2 + i)), step="学术审查")]
        projects.append(Project(id=str(100 + i), project_name=f"第{i}号研究：超说明书用药", status="ethics_review",
                                status_label="伦理审查中" if i % 2 else "已公开", timeline=events,
                                updated_at=str(start)))
    return CheckResult(scope="all", checked_at="2026-11-30 10:00", projects=projects, changes=[], baseline=True)


def test_the_page_renders_offline_sorts_and_filters(page, tmp_path):
    path = tmp_path / "进度.html"
    path.write_text(progress_html(result()), encoding="utf-8")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    assert requests == [path.as_uri()]  # nothing else was asked for
    bars = page.locator("rect.bar")
    assert bars.count() >= 4
    assert all(b["width"] > 0 for b in (bars.nth(i).bounding_box() for i in range(bars.count())))
    title = page.locator("h1").bounding_box()
    assert title["width"] > 40 and page.locator("h1").inner_text() == "备案进度"
    # sort by 项目编号 descending, then filter by a project's name
    header = page.locator("th", has_text="项目编号")
    header.click()
    header.click()
    first = page.locator("#projects tbody tr").first.locator("td").first
    assert first.inner_text() == "111"
    page.fill("input.filter", "第3号")
    visible = page.locator("#projects tbody tr:not([hidden])")
    assert visible.count() == 1 and "第3号" in visible.inner_text()


def test_the_reconciliation_page_renders_offline(page, tmp_path):
    from autofiler.office.ledger_sheet import LedgerRow
    from autofiler.office.reconciliation import reconcile
    from autofiler.office.status_pages import reconcile_html

    own = [Project(id="1", project_name="研究甲", status="published", status_label="已公开", filing_no="MR-1")]
    rows = [LedgerRow(2, "研究甲", "牵头"), LedgerRow(3, "研究乙", "牵头"), LedgerRow(4, "研究丙", "参与")]
    path = tmp_path / "核对.html"
    path.write_text(reconcile_html(reconcile(rows, own, [], today=dt.date(2026, 11, 30)), "2026-11-30"),
                    encoding="utf-8")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    assert requests == [path.as_uri()]
    assert page.locator("rect.bar").count() == 3  # 已备案, 未备案, 分中心未见
    assert page.locator("#rows tbody tr").count() == 3
    assert page.locator("figcaption").first.inner_text() == "核对结果"
