"""The office's status pages: a progress check and a ledger reconciliation, each as one offline HTML file."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from autofiler.office.reconciliation import LABELS, Reconciliation
from autofiler.office.status_page import Chart, data_table, page

if TYPE_CHECKING:
    from autofiler.site.lists.progress_page import Project
    from autofiler.tracking.changes import CheckResult


def _time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        return None


def step_days(projects: list[Project]) -> tuple[dict[str, float], dict[str, float]]:
    """Per review step, the median and the longest days it took, from the timelines that were read: a step
    lasts from the entry before it to its own entry."""
    spans: dict[str, list[float]] = defaultdict(list)
    for p in projects:
        events = [(t, e.step or "") for e in p.timeline or [] if (t := _time(e.time))]
        events.sort()
        for (before, _), (after, step) in itertools.pairwise(events):
            spans[step].append(round((after - before).total_seconds() / 86400, 1))
    median = {s: round(statistics.median(v), 1) for s, v in spans.items()}
    longest = {s: max(v) for s, v in spans.items()}
    return median, longest


def state_days(history: dict[str, list[tuple[str, str]]]) -> tuple[dict[str, float], dict[str, float]]:
    """Per state, the median and longest days a project stayed in it, as the recorded checks saw it: from the
    first check that saw the state to the first that saw the next one (as exact as the checks are frequent)."""
    spans: dict[str, list[float]] = defaultdict(list)
    for seen in history.values():
        for (since, state), (until, _) in itertools.pairwise(seen):
            start, end = _time(since), _time(until)
            if start and end:
                spans[state].append(round((end - start).total_seconds() / 86400, 1))
    return ({s: round(statistics.median(v), 1) for s, v in spans.items()}, {s: max(v) for s, v in spans.items()})


def per_month(projects: list[Project], submit_step: str) -> tuple[dict[str, float], str]:
    """Filings per month: the month of 提交 in a timeline, else the month a listed project last changed."""
    months: Counter[str] = Counter()
    from_timelines = any(p.timeline for p in projects)
    for p in projects:
        if from_timelines:
            times = [_time(e.time) for e in p.timeline or [] if e.step == submit_step]
        else:
            times = [_time(p.updated_at)] if p.status != "draft" else []
        for t in times:
            if t:
                months[t.strftime("%Y-%m")] += 1
    note = "按提交时间统计" if from_timelines else "列表无时间线：按项目最后更新的月份统计"
    return dict(sorted(months.items())), note


def progress_html(result: CheckResult, submit_step: str = "提交") -> str:
    projects = result.projects
    states = Counter(p.status_label or p.status for p in projects)
    median, longest = step_days(projects)
    timeline_note = "按各项目备案进度的时间线统计"
    if not median and result.history:
        median, longest = state_days(result.history)
        timeline_note = "按 autofiler 历次检查记录估算（检查越频繁越准确）；状态离开后才计入"
    if not median:
        timeline_note = ("需要时间线或多次检查：定期运行 autofiler progress --all，或用 autofiler progress 项目编号 "
                         "读取各项目的备案进度")
    months, month_note = per_month(projects, submit_step)
    rows = [(p.id, p.project_name, p.status_label, p.filing_no or "", p.updated_at or "") for p in projects]
    return page(
        "备案进度", f"检查时间 {result.checked_at}；项目 {len(projects)} 个；范围 {result.scope}",
        [Chart("各状态项目数", dict(states.most_common())),
         Chart("各审查环节用时（中位数）", median, " 天", timeline_note),
         Chart("各审查环节用时（最长）", longest, " 天", timeline_note),
         Chart("每月备案数", months, "", month_note)],
        [("项目", data_table("projects", ["项目编号", "项目名称", "状态", "备案号", "更新时间"], rows))],
        data={"checked_at": result.checked_at, "projects": [p.to_dict() for p in projects]},
    )


def reconcile_html(rec: Reconciliation, checked_at: str) -> str:
    counts = {LABELS[k]: n for k, n in rec.counts().items() if n}
    if rec.not_in_ledger:
        counts["台账中没有"] = len(rec.not_in_ledger)
    rows = [(r.row.row, r.row.project_name, r.row.role, LABELS[r.finding],
             r.project.status_label if r.project else "", r.project.filing_no if r.project else "")
            for r in rec.rows]
    extra = [(p.id, p.project_name, p.status_label) for p in rec.not_in_ledger]
    return page(
        "台账核对", f"核对时间 {checked_at}；台账 {len(rec.rows)} 行",
        [Chart("核对结果", counts)],
        [("台账各行", data_table("rows", ["台账行", "项目名称", "本院角色", "结论", "网站状态", "备案号"], rows)),
         ("网站上有、台账中没有", data_table("extra", ["网站项目编号", "项目名称", "网站状态"], extra))],
        data=rec.to_dict(),
    )
