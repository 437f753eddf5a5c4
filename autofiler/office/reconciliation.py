"""The ledger reconciled with the site's lists: one finding per ledger row, and the site's projects in no row.

Findings: `filed` (on the site and submitted), `not_filed`, `overdue` (not filed, approved more than N days ago),
`subcenter_visible` / `subcenter_missing` (本院角色 参与: the lead unit's filing is or is not in 分中心项目), and
`ambiguous` (several site projects share the name) or `near_match` (only a similar name): never guessed.
A draft on the site counts as not filed; its id and state are still given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from autofiler.office.ledger_sheet import LedgerRow
from autofiler.office.matching import NameIndex
from autofiler.site.lists.progress_page import Project

FILED = "filed"
NOT_FILED = "not_filed"
OVERDUE = "overdue"
SUBCENTER_VISIBLE = "subcenter_visible"
SUBCENTER_MISSING = "subcenter_missing"
AMBIGUOUS = "ambiguous"
NEAR_MATCH = "near_match"
GAPS = frozenset({NOT_FILED, OVERDUE, SUBCENTER_MISSING, AMBIGUOUS, NEAR_MATCH})
LABELS = {
    FILED: "已备案", NOT_FILED: "未备案", OVERDUE: "逾期未备案", SUBCENTER_VISIBLE: "分中心可见",
    SUBCENTER_MISSING: "分中心未见", AMBIGUOUS: "重名待确认", NEAR_MATCH: "名称相近待确认",
}
DRAFT = "draft"


@dataclass
class RowFinding:
    row: LedgerRow
    finding: str
    project: Project | None = None
    candidates: list[Project] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        p = self.project
        data: dict[str, Any] = {
            "row": self.row.row, "project_name": self.row.project_name, "role": self.row.role,
            "finding": self.finding, "site_project_id": p.id if p else None,
            "status": p.status_label if p else None, "filing_no": p.filing_no if p else None,
        }
        if self.candidates:
            data["candidates"] = [{"site_project_id": c.id, "project_name": c.project_name,
                                   "status": c.status_label} for c in self.candidates]
        return data


@dataclass
class Reconciliation:
    rows: list[RowFinding]
    not_in_ledger: list[Project]

    @property
    def gaps(self) -> int:
        return sum(1 for r in self.rows if r.finding in GAPS)

    def counts(self) -> dict[str, int]:
        out = {key: 0 for key in LABELS}
        for r in self.rows:
            out[r.finding] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": [r.to_dict() for r in self.rows],
            "not_in_ledger": [{"site_project_id": p.id, "project_name": p.project_name, "status": p.status_label}
                              for p in self.not_in_ledger],
        }


def reconcile(rows: list[LedgerRow], own: list[Project], subcenters: list[Project], *, today: dt.date,
              overdue_days: int = 30) -> Reconciliation:
    own_index = NameIndex(own, lambda p: p.project_name)
    sub_index = NameIndex(subcenters, lambda p: p.project_name)
    matched: set[str] = set()
    findings = []
    for row in rows:
        lead = row.role != "参与"
        found = (own_index if lead else sub_index).find(row.project_name)
        if len(found.exact) > 1:
            findings.append(RowFinding(row, AMBIGUOUS, candidates=found.exact))
            matched.update(p.id for p in found.exact)
            continue
        project = found.one
        if project is not None:
            matched.add(project.id)
            if not lead:
                findings.append(RowFinding(row, SUBCENTER_VISIBLE, project))
            elif project.status != DRAFT:
                findings.append(RowFinding(row, FILED, project))
            else:
                findings.append(RowFinding(row, _unfiled(row, today, overdue_days), project))
            continue
        if found.near:
            findings.append(RowFinding(row, NEAR_MATCH, candidates=found.near))
            continue
        findings.append(RowFinding(row, _unfiled(row, today, overdue_days) if lead else SUBCENTER_MISSING))
    return Reconciliation(findings, [p for p in own if p.id not in matched])


def _unfiled(row: LedgerRow, today: dt.date, overdue_days: int) -> str:
    if row.ethics_date and (today - row.ethics_date).days > overdue_days:
        return OVERDUE
    return NOT_FILED
