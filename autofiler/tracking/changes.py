"""What a progress check found: the projects read, what changed since the last check of the same scope, and
how a check is recorded.

The first check of a scope has nothing to compare with: it records the baseline and reports no change. From then
on a new project, a new state, a new opinion, a filing number and a project that left the list are changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from autofiler.site.lists.progress_page import Project
from autofiler.store import Store


@dataclass(frozen=True)
class Change:
    project_id: str
    project_name: str
    kind: str  # new | status | opinion | filing_no | removed
    before: str | None = None
    after: str | None = None
    opinion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"project_id": self.project_id, "project_name": self.project_name, "kind": self.kind,
                "before": self.before, "after": self.after, "opinion": self.opinion}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Change:
        return cls(**{k: data.get(k) for k in ("project_id", "project_name", "kind", "before", "after", "opinion")})

    def describe(self) -> str:
        who = f"{self.project_name}（{self.project_id}）"
        text = {
            "new": f"新项目 / new: {who}：{self.after}",
            "status": f"{who}：{self.before} → {self.after}",
            "opinion": f"{who}：新的审核意见 / new opinion",
            "filing_no": f"{who}：备案号 / filing no. {self.after}",
            "removed": f"{who}：已不在列表中 / no longer listed",
        }.get(self.kind, f"{who}: {self.kind}")
        if self.opinion:
            text += f"；审核意见：{self.opinion}"
        return text


def detect_changes(previous: dict[str, dict], current: list[Project], *, listed: bool) -> list[Change]:
    """What differs between the last check's snapshots and what was read now.

    `listed` says the projects are a whole list, so a project missing from it has left the view.
    """
    changes: list[Change] = []
    for p in current:
        before = previous.get(p.id)
        opinion = p.opinion if p.opinion_read else None
        if before is None:
            changes.append(Change(p.id, p.project_name, "new", None, p.status_label, opinion))
            continue
        if before.get("status_label") != p.status_label:
            changes.append(Change(p.id, p.project_name, "status", before.get("status_label"), p.status_label,
                                  opinion))
        elif opinion and "opinion" in before and opinion != before.get("opinion"):
            changes.append(Change(p.id, p.project_name, "opinion", before.get("opinion"), opinion, opinion))
        if p.filing_no and p.filing_no != before.get("filing_no"):
            changes.append(Change(p.id, p.project_name, "filing_no", before.get("filing_no"), p.filing_no))
    if listed:
        seen = {p.id for p in current}
        for pid, before in previous.items():
            if pid not in seen:
                changes.append(Change(pid, before.get("project_name", ""), "removed", before.get("status_label")))
    return changes


@dataclass
class CheckResult:
    scope: str
    checked_at: str
    projects: list[Project]
    changes: list[Change]
    baseline: bool
    notify_errors: list[str] = field(default_factory=list)
    # per project, the states the checks of this scope saw and when first (only when a report asks for it)
    history: dict[str, list[tuple[str, str]]] | None = None


def carry_opinions(previous: dict[str, dict], projects: list[Project]) -> None:
    """Keep an opinion read earlier while the project's row has not moved (a list row carries none)."""
    for p in projects:
        before = previous.get(p.id)
        if p.opinion_read or not before or "opinion" not in before:
            continue
        if before.get("status_label") == p.status_label and before.get("updated_at") == p.updated_at:
            p.opinion, p.opinion_read = before["opinion"], True


def record(store: Store, site: str, user: str, scope: str, projects: list[Project]) -> CheckResult:
    """Compare with the last check of this scope and record this one."""
    baseline = not store.has_check(site, user, scope)
    previous = store.last_check(site, user, scope)
    carry_opinions(previous, projects)
    changes = [] if baseline else detect_changes(previous, projects, listed=not scope.startswith("ids:"))
    check_id = store.record_check(site, user, scope, [p.to_dict() for p in projects])
    return CheckResult(scope, store.checked_at(check_id), projects, changes, baseline)
