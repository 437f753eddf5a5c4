"""提交 and the review after it: academic → ethics → institution → published, with returns and rejections.

Every event lands in the timeline. A filing number is issued on publication:
MR-<province code of the institution>-<two-digit year>-<six-digit serial>.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mock_site.api_errors import Conflict, Invalid
from mock_site.formats import timestamp as now
from mock_site.served_catalog import CATALOG, EN_LABEL, EN_SUFFIX, MODULES, province_code
from mock_site.validation import Context, validate_module

if TYPE_CHECKING:
    import sqlite3

    from mock_site.db import Registry

# review step -> (the step's name in the timeline, the state an approval leads to)
STEPS: dict[str, tuple[str, str]] = {
    "academic_review": ("学术审查", "ethics_review"),
    "ethics_review": ("伦理审查", "institution_review"),
    "institution_review": ("机构审核", "published"),
}
SUBMIT_STEP, SUBMIT_RESULT = "提交", "已提交"
PUBLISH_STEP, PUBLISH_RESULT = "公开", "已公开"
RESULTS = {"approve": "通过", "return": "退回修改", "reject": "不通过"}


def add_event(c: sqlite3.Connection, project_id: int, step: str, result: str, reviewer: str = "",
              opinion: str = "", filing_no: str = "", time: str | None = None) -> None:
    c.execute("INSERT INTO events(project_id, time, step, reviewer, opinion, result, filing_no) "
              "VALUES(?,?,?,?,?,?,?)", (project_id, time or now(), step, reviewer, opinion, result, filing_no))


def label_of(module_key: str, path: str) -> str:
    """The field label a dotted error path belongs to (a table cell counts as its table)."""
    top = re.split(r"[.\[]", path, maxsplit=1)[0]
    base = top.removesuffix(EN_SUFFIX)
    for f in MODULES[module_key]["fields"]:
        if f["key"] == base:
            return f["label"] + (EN_LABEL if base != top else "")
    return path


def missing(saved: dict[str, dict[str, Any]], ctx: Context) -> list[dict[str, Any]]:
    """What 提交 lists: per module, the labels of fields that are missing or no longer valid."""
    out = []
    for mod in CATALOG:
        errors, _ = validate_module(mod["key"], saved.get(mod["key"], {}), ctx)
        labels: list[str] = []
        for e in errors:
            label = label_of(mod["key"], e["field"])
            if label not in labels:
                labels.append(label)
        if labels:
            out.append({"module": mod["label"], "fields": labels})
    return out


class ReviewMixin:
    def submit(self: Registry, project_id: int) -> list[dict[str, Any]]:
        """Check every module; answers what is missing, or [] after moving the project into review."""
        project = self.get_project(project_id)
        if project is None:
            raise Invalid("项目不存在")
        if not self.editable(project):
            raise Conflict("项目当前状态不能提交")
        gaps = missing(project["modules"], self.context(project))
        if gaps:
            return gaps
        if project["status"] == "returned" and project["return_step"]:
            target = project["return_step"]
        else:
            target = "ethics_review" if self.academic_exempt(project["institution"]) else "academic_review"
        stamp = now()
        with self.tx() as c:
            c.execute("UPDATE projects SET status = ?, return_step = NULL, updated_at = ? WHERE id = ?",
                      (target, stamp, project_id))
            add_event(c, project_id, SUBMIT_STEP, SUBMIT_RESULT, time=stamp)
        return []

    def review(self: Registry, project_id: int, decision: str, opinion: str = "", reviewer: str = "审核员"
               ) -> dict[str, Any]:
        """One reviewer's decision on the current step; answers the project as it is afterwards."""
        project = self.get_project(project_id)
        if project is None:
            raise Invalid("项目不存在")
        if decision not in RESULTS:
            raise Invalid("decision 只能为 approve、return 或 reject")
        opinion = (opinion or "").strip()
        if decision != "approve" and not opinion:
            raise Invalid("请填写审核意见")
        status = project["status"]
        if status not in STEPS:
            raise Conflict("项目当前不在审核中")
        step, after = STEPS[status]
        stamp = now()
        with self.tx() as c:
            add_event(c, project_id, step, RESULTS[decision], reviewer, opinion, time=stamp)
            if decision == "return":
                c.execute("UPDATE projects SET status = 'returned', return_step = ?, updated_at = ? WHERE id = ?",
                          (status, stamp, project_id))
            elif decision == "reject":
                c.execute("UPDATE projects SET status = 'rejected', updated_at = ? WHERE id = ?", (stamp, project_id))
            elif after == "published":
                filing_no = self.filing_number(c, project["institution"])
                c.execute("UPDATE projects SET status = 'published', filing_no = ?, updated_at = ? WHERE id = ?",
                          (filing_no, stamp, project_id))
                add_event(c, project_id, PUBLISH_STEP, PUBLISH_RESULT, filing_no=filing_no, time=stamp)
            else:
                c.execute("UPDATE projects SET status = ?, updated_at = ? WHERE id = ?", (after, stamp, project_id))
        return self.get_project(project_id)  # type: ignore[return-value]

    def filing_number(self: Registry, c: sqlite3.Connection, institution: str, year: int | None = None) -> str:
        row = c.execute("SELECT province FROM institutions WHERE name = ? ORDER BY added_by IS NOT NULL LIMIT 1",
                        (institution,)).fetchone()
        serial = self.next_counter(c, "filing_no")
        yy = (year or datetime.now().year) % 100
        return f"MR-{province_code(row['province'] if row else None)}-{yy:02d}-{serial:06d}"

    def timeline(self: Registry, project_id: int) -> list[dict[str, Any]]:
        """The project's events, oldest first: {time, step, reviewer, opinion, result, filing_no}."""
        rows = self.query("SELECT time, step, reviewer, opinion, result, filing_no FROM events "
                          "WHERE project_id = ? ORDER BY id", (project_id,))
        return [dict(r) for r in rows]
