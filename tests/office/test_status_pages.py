"""The status pages as documents: self-contained, Chinese, charts from the data, review-step durations."""

import datetime as dt
import json
import re

from autofiler.office.ledger_sheet import LedgerRow
from autofiler.office.reconciliation import reconcile
from autofiler.office.status_pages import progress_html, reconcile_html, step_days
from autofiler.site.lists.progress_page import Event, Project
from autofiler.tracking.changes import CheckResult


def timeline_project(pid, *stamps):
    steps = ["提交", "学术审查", "伦理审查"]
    events = [Event(time=t, step=s) for t, s in zip(stamps, steps, strict=False)]
    return Project(id=pid, project_name=f"研究{pid}", status="ethics_review", status_label="伦理审查中",
                   timeline=events)


def test_step_days_median_and_longest():
    projects = [timeline_project("1", "2025-01-01 09:00:00", "2025-01-03 09:00:00", "2025-01-13 09:00:00"),
                timeline_project("2", "2025-02-01 09:00:00", "2025-02-07 09:00:00"),
                timeline_project("3", "2025-03-01 09:00:00", "2025-03-05 09:00:00")]
    median, longest = step_days(projects)
    assert median == {"学术审查": 4.0, "伦理审查": 10.0}
    assert longest == {"学术审查": 6.0, "伦理审查": 10.0}


def test_progress_page_is_self_contained_and_carries_its_data():
    projects = [Project(id=str(i), project_name=f"研究{i}", status=s, status_label=label,
                        updated_at=f"2025-0{1 + i % 3}-02 10:00:00")
                for i, (s, label) in enumerate([("published", "已公开"), ("draft", "草稿"), ("published", "已公开")])]
    text = progress_html(CheckResult(scope="all", checked_at="2026-11-30 10:00", projects=projects, changes=[],
                                     baseline=True))
    assert '<html lang="zh-CN">' in text and "各状态项目数" in text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text)  # nothing to fetch
    assert text.count('class="bar"') >= 2
    blob = re.search(r'<script type="application/json" id="data">(.*?)</script>', text).group(1)
    assert [p["id"] for p in json.loads(blob)["projects"]] == ["0", "1", "2"]
    assert "需要时间线" in text  # list rows carry no timeline, and the page says how to get one


def test_reconcile_page_counts():
    rec = reconcile([LedgerRow(2, "研究甲", "牵头"), LedgerRow(3, "研究乙", "参与")],
                    [Project(id="1", project_name="研究甲", status="published", status_label="已公开")], [],
                    today=dt.date(2026, 11, 30))
    text = reconcile_html(rec, "2026-11-30 10:00")
    assert "已备案" in text and "分中心未见" in text and "台账核对" in text


def test_state_days_from_the_recorded_checks():
    from autofiler.office.status_pages import state_days

    history = {"1": [("2025-01-01T08:00:00", "学术审查中"), ("2025-01-05T08:00:00", "伦理审查中"),
                     ("2025-01-15T08:00:00", "已公开")],
               "2": [("2025-02-01T08:00:00", "学术审查中"), ("2025-02-03T08:00:00", "伦理审查中")],
               "3": [("2025-02-01T08:00:00", "学术审查中")]}  # still there: not counted
    median, longest = state_days(history)
    assert median == {"学术审查中": 3.0, "伦理审查中": 10.0}
    assert longest == {"学术审查中": 4.0, "伦理审查中": 10.0}


def test_the_store_folds_repeated_states_per_project(tmp_path):
    from autofiler.store import Store

    with Store(tmp_path) as store:
        for states in (["学术审查中", "草稿"], ["学术审查中", "草稿"], ["伦理审查中", "学术审查中"]):
            store.record_check("s", "u", "all", [{"id": "1", "status_label": states[0]},
                                                 {"id": "2", "status_label": states[1]}])
        history = store.state_history("s", "u", "all")
        other = store.state_history("s", "u", "subcenters")
    assert [label for _, label in history["1"]] == ["学术审查中", "伦理审查中"]
    assert [label for _, label in history["2"]] == ["草稿", "学术审查中"]
    assert other == {}


def test_progress_page_uses_the_check_history_when_no_timeline_was_read():
    projects = [Project(id="1", project_name="研究1", status="published", status_label="已公开")]
    result = CheckResult(scope="all", checked_at="2025-01-20 10:00", projects=projects, changes=[], baseline=False,
                         history={"1": [("2025-01-01T08:00:00", "学术审查中"), ("2025-01-08T08:00:00", "已公开")]})
    text = progress_html(result)
    assert "历次检查记录" in text and "7 天" in text
