"""Small builders of projects and check results for the progress unit tests."""

from __future__ import annotations

from autofiler.site.lists.progress_page import Event, Project
from autofiler.tracking.changes import Change, CheckResult


def project(pid: str, label: str = "学术审查中", status: str = "academic_review", **kw) -> Project:
    return Project(id=pid, project_name=kw.pop("name", f"项目{pid}"), status=status, status_label=label, **kw)


def returned(pid: str, opinion: str) -> Project:
    timeline = [Event("2025-01-02 10:00:00", "提交", None, None, "已提交"),
                Event("2025-01-03 09:30:00", "学术审查", "李审核", opinion, "退回修改")]
    return project(pid, "退回修改", "returned", updated_at="2025-01-03 09:30:00", opinion=opinion,
                   timeline=timeline, opinion_read=True)


def result(projects: list[Project], changes: list[Change] | None = None, scope: str = "all") -> CheckResult:
    return CheckResult(scope=scope, checked_at="2025-06-01T08:00:00", projects=projects, changes=changes or [],
                       baseline=False)
