"""The live face's saves, uploads and 提交 against the registry (the same projects table as the SOP form).

A project of this face has `form = 'live-2026'`; its modules column holds one dict per tab, keyed by the
catalog's keys, in the shapes a live-2026 spec writes. The review chain after 提交 is the registry's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from mock_site.api_errors import ApiError
from mock_site.formats import timestamp as now
from mock_site.live import picker_choices
from mock_site.live.form import GENERATION, Tab, all_controls, tabs
from mock_site.live.rules import FILES, Context, check_tab, tab_shown
from mock_site.review import SUBMIT_RESULT, SUBMIT_STEP, add_event

# catalog key -> widget, and key -> size limit in bytes, of every upload control
FILE_KEYS = {c.key: c.widget for c in all_controls() if c.widget in FILES}
FILE_LIMITS = {c.key: int((c.source.data_size or 5) * 2**20) for c in all_controls() if c.widget in FILES}


def context(registry: Any, project: dict[str, Any] | None, owner: dict[str, Any]) -> Context:
    institution = owner["institution"]
    return Context(
        saved=project["modules"] if project else {},
        institution=institution,
        files=project["attachments"] if project else {},
        people=lambda: picker_choices.people(registry, institution),
    )


def save_tab(registry: Any, owner: dict[str, Any], project: dict[str, Any] | None, t: Tab, values: dict[str, Any],
             mutate: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> tuple[list[dict[str, Any]], int | None]:
    """Check and store one tab; (errors, project id). A draft not yet saved is created by its first good tab0.

    `mutate` lets fault injection alter what is stored after the checks passed.
    """
    if project is None and t.index != 0:
        return [{"name": "", "label": "", "msg": "请先保存研究类别"}], None
    errors, clean = check_tab(t, values, context(registry, project, owner))
    if errors:
        return errors, project["id"] if project else None
    if mutate is not None:
        clean = mutate(clean)
    if project is None:
        project = registry.create_project(owner["id"], form=GENERATION)
    pid = project["id"]
    with registry.tx() as c:
        row = c.execute("SELECT modules FROM projects WHERE id = ?", (pid,)).fetchone()
        modules = json.loads(row["modules"])
        modules[t.key] = clean
        sets: dict[str, Any] = {"modules": json.dumps(modules, ensure_ascii=False), "updated_at": now()}
        if t.key == "basic_info":
            sets["project_name"] = clean.get("research_title")
        if t.key == "research_category":
            sets["project_type"] = clean.get("research_type_l2")
        c.execute(f"UPDATE projects SET {', '.join(k + ' = ?' for k in sets)} WHERE id = ?", [*sets.values(), pid])
        if t.key == "implementation":
            c.execute("DELETE FROM units WHERE project_id = ?", (pid,))
            c.executemany("INSERT INTO units(project_id, institution) VALUES(?, ?)",
                          [(pid, r["institution"]) for r in clean.get("participating_units", [])
                           if r.get("institution")])
    return [], pid


def missing(registry: Any, project: dict[str, Any], owner: dict[str, Any]) -> list[dict[str, Any]]:
    """What 提交 lists: per shown tab, the labels of what is missing or no longer valid."""
    ctx = context(registry, project, owner)
    out = []
    for t in tabs():
        if not tab_shown(t, project["modules"]):
            continue
        errors, _ = check_tab(t, project["modules"].get(t.key, {}), ctx)
        labels = list(dict.fromkeys(e["label"] for e in errors))
        if labels:
            out.append({"tab": t.index, "module": t.label, "fields": labels})
    return out


def submit(registry: Any, project: dict[str, Any], owner: dict[str, Any]) -> list[dict[str, Any]]:
    """Every shown tab checked; the gaps, or [] once the project is in review (the registry's chain)."""
    if not registry.editable(project):
        raise ApiError(409, f"项目{project['status_label']}，不能提交")
    gaps = missing(registry, project, owner)
    if gaps:
        return gaps
    if project["status"] == "returned" and project["return_step"]:
        target = project["return_step"]
    else:
        target = "ethics_review" if registry.academic_exempt(project["institution"]) else "academic_review"
    stamp = now()
    with registry.tx() as c:
        c.execute("UPDATE projects SET status = ?, return_step = NULL, updated_at = ? WHERE id = ?",
                  (target, stamp, project["id"]))
        add_event(c, project["id"], SUBMIT_STEP, SUBMIT_RESULT, time=stamp)
    return []
