"""Projects, their module values and their uploaded files (part of `db.Registry`)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mock_site import pdf
from mock_site.api_errors import Conflict, Invalid, UploadRejected
from mock_site.formats import timestamp as now
from mock_site.served_catalog import MODULES, states
from mock_site.validation import Context, validate_module

if TYPE_CHECKING:
    from mock_site.db import Registry

EDITABLE = ("draft", "returned")
FILE_WIDGETS = {f["key"]: f["widget"] for f in MODULES["attachments"]["fields"]}


def _row_project(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"], "owner_id": row["owner_id"], "owner_name": row["owner_name"],
        "owner_phone": row["owner_phone"], "institution": row["institution"], "status": row["status"],
        "status_label": states[row["status"]], "filing_no": row["filing_no"] or "",
        "project_name": row["project_name"] or "", "project_type": row["project_type"] or "",
        "created_at": row["created_at"], "updated_at": row["updated_at"], "return_step": row["return_step"],
        "form": row["form"],
    }


SELECT = ("SELECT p.*, u.name AS owner_name, u.phone AS owner_phone FROM projects p "
          "JOIN users u ON u.id = p.owner_id")


class ProjectsMixin:
    def create_project(self: Registry, owner_id: int, form: str = "sop-2020") -> dict[str, Any]:
        owner = self.get_user(owner_id)
        if owner is None:
            raise Invalid("账号不存在")
        stamp = now()
        with self.tx() as c:
            cur = c.execute("INSERT INTO projects(owner_id, institution, status, created_at, updated_at, form) "
                            "VALUES(?, ?, 'draft', ?, ?, ?)", (owner_id, owner["institution"], stamp, stamp, form))
            project_id = cur.lastrowid
        return self.get_project(project_id)  # type: ignore[return-value]

    def get_project(self: Registry, project_id: int) -> dict[str, Any] | None:
        rows = self.query(SELECT + " WHERE p.id = ?", (project_id,))
        if not rows:
            return None
        project = _row_project(rows[0])
        project["modules"] = json.loads(rows[0]["modules"])
        project["attachments"] = self.attachments(project_id)
        return project

    def attachments(self: Registry, project_id: int) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for r in self.query("SELECT id, key, name, size, sha256 FROM files WHERE project_id = ? ORDER BY id",
                            (project_id,)):
            out.setdefault(r["key"], []).append({"id": r["id"], "name": r["name"], "size": r["size"],
                                                 "sha256": r["sha256"]})
        return out

    def list_projects(self: Registry, owner_id: int | None = None, institution: str | None = None,
                      subcenter_of: str | None = None, name: str | None = None, status: str | None = None,
                      page: int = 1, size: int = 10, exclude_owner: int | None = None
                      ) -> tuple[list[dict[str, Any]], int]:
        """One page of projects, newest first, and the count of all that match (rows carry no modules)."""
        where, params = ["1 = 1"], []
        for clause, value in (("p.owner_id = ?", owner_id), ("p.institution = ?", institution),
                              ("p.status = ?", status or None), ("p.owner_id != ?", exclude_owner),
                              ("p.id IN (SELECT project_id FROM units WHERE institution = ?)", subcenter_of)):
            if value is not None:
                where.append(clause)
                params.append(value)
        if name:
            where.append("instr(coalesce(p.project_name, ''), ?) > 0")
            params.append(name)
        cond = " AND ".join(where)
        total = self.query(f"SELECT count(*) FROM projects p WHERE {cond}", params)[0][0]
        page, size = max(1, int(page)), max(1, int(size))
        rows = self.query(f"{SELECT} WHERE {cond} ORDER BY p.id DESC LIMIT ? OFFSET ?",
                          [*params, size, (page - 1) * size])
        return [_row_project(r) for r in rows], total

    def editable(self, project: dict[str, Any]) -> bool:
        return project["status"] in EDITABLE

    def context(self: Registry, project: dict[str, Any]) -> Context:
        """What the project's saves are checked against: its other modules, files and owner."""
        owner_id = project["owner_id"]
        return Context(
            saved=project["modules"], owner_institution=project["institution"],
            institution_known=lambda name: self.institution(name, owner_id) is not None,
            attachments=project["attachments"],
        )

    def save_module(self: Registry, project_id: int, module_key: str, values: Any,
                    mutate: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> list[dict[str, str]]:
        """Validate and store one module; answers the errors (nothing is stored unless there are none).

        `mutate` lets fault injection alter what is stored after the checks passed.
        """
        project = self.get_project(project_id)
        if project is None:
            raise Invalid("项目不存在")
        if not self.editable(project):
            raise Conflict("项目当前状态不可编辑")
        errors, cleaned = validate_module(module_key, values, self.context(project))
        if errors:
            return errors
        if module_key == "attachments":
            return []  # files are stored by their uploads; this save only checks them
        if mutate is not None:
            cleaned = mutate(cleaned)
        with self.tx() as c:
            row = c.execute("SELECT modules FROM projects WHERE id = ?", (project_id,)).fetchone()
            modules = json.loads(row["modules"])
            modules[module_key] = cleaned
            sets = {"modules": json.dumps(modules, ensure_ascii=False), "updated_at": now()}
            if module_key == "basic_info":
                sets["project_name"] = cleaned.get("project_name")
                sets["project_type"] = cleaned.get("project_type")
            c.execute(f"UPDATE projects SET {', '.join(k + ' = ?' for k in sets)} WHERE id = ?",
                      [*sets.values(), project_id])
            if module_key == "implementation":
                c.execute("DELETE FROM units WHERE project_id = ?", (project_id,))
                c.executemany("INSERT INTO units(project_id, institution) VALUES(?, ?)",
                              [(project_id, r["institution"]) for r in cleaned.get("participating_units", [])
                               if r.get("institution")])
        return []

    def add_attachment(self: Registry, project_id: int, key: str, filename: str, data: bytes,
                       widgets: dict[str, str] | None = None, limit: int | None = None) -> dict[str, Any]:
        """Store an uploaded PDF; a `file` field holds one file, so a new upload replaces the old one.

        `widgets` (key -> file, files or pdf) and `limit` (bytes) default to the sop-2020 form's and --upload-limit-mb.
        """
        widgets = FILE_WIDGETS if widgets is None else widgets
        project = self.get_project(project_id)
        if project is None:
            raise Invalid("项目不存在")
        if key not in widgets:
            raise UploadRejected(f"未知的附件类型 {key}")
        if not self.editable(project):
            raise Conflict("项目当前状态不可编辑")
        reason = pdf.problem(data, self.upload_limit if limit is None else limit)
        if reason:
            raise UploadRejected(reason)
        sha = hashlib.sha256(data).hexdigest()
        name = (filename or "附件.pdf").replace("\\", "/").rsplit("/", 1)[-1]
        stamp = now()
        with self.tx() as c:
            if widgets[key] in ("file", "pdf"):
                c.execute("DELETE FROM files WHERE project_id = ? AND key = ?", (project_id, key))
            cur = c.execute("INSERT INTO files(project_id, key, name, size, sha256, data, created_at) "
                            "VALUES(?,?,?,?,?,?,?)", (project_id, key, name, len(data), sha, data, stamp))
            c.execute("UPDATE projects SET updated_at = ? WHERE id = ?", (stamp, project_id))
        return {"id": cur.lastrowid, "name": name, "size": len(data), "sha256": sha}

    def delete_attachment(self: Registry, project_id: int, key: str, file_id: int) -> bool:
        project = self.get_project(project_id)
        if project is None:
            return False
        if not self.editable(project):
            raise Conflict("项目当前状态不可编辑")
        with self.tx() as c:
            cur = c.execute("DELETE FROM files WHERE id = ? AND project_id = ? AND key = ?", (file_id, project_id, key))
            if cur.rowcount:
                c.execute("UPDATE projects SET updated_at = ? WHERE id = ?", (now(), project_id))
        return bool(cur.rowcount)

    def attachment_data(self: Registry, project_id: int, file_id: int) -> tuple[str, bytes] | None:
        rows = self.query("SELECT name, data FROM files WHERE id = ? AND project_id = ?", (file_id, project_id))
        return (rows[0]["name"], bytes(rows[0]["data"])) if rows else None

    def export_projects(self: Registry, project_id: int | None = None) -> list[dict[str, Any]]:
        """Every project (or one) as the control API shows it: a few bulk queries, so a thousand stay quick."""
        only, args = ("", ()) if project_id is None else (" WHERE project_id = ?", (project_id,))
        files: dict[int, dict[str, list[dict[str, Any]]]] = {}
        for r in self.query(f"SELECT project_id, key, name, size, sha256 FROM files{only} ORDER BY id", args):
            files.setdefault(r["project_id"], {}).setdefault(r["key"], []).append(
                {"name": r["name"], "sha256": r["sha256"], "size": r["size"]})
        events: dict[int, list[dict[str, Any]]] = {}
        for r in self.query(f"SELECT * FROM events{only} ORDER BY id", args):
            events.setdefault(r["project_id"], []).append(_event(r))
        out = []
        where = "" if project_id is None else " WHERE p.id = ?"
        for r in self.query(f"{SELECT}{where} ORDER BY p.id", args):
            p = _row_project(r)
            out.append({
                "id": p["id"], "owner": p["owner_phone"], "owner_name": p["owner_name"],
                "institution": p["institution"], "status": p["status"], "status_label": p["status_label"],
                "filing_no": p["filing_no"], "project_name": p["project_name"], "form": p["form"],
                "modules": json.loads(r["modules"]), "attachments": files.get(p["id"], {}),
                "timeline": events.get(p["id"], []), "created_at": p["created_at"], "updated_at": p["updated_at"],
            })
        return out


def _event(r: sqlite3.Row) -> dict[str, Any]:
    return {"time": r["time"], "step": r["step"], "reviewer": r["reviewer"], "opinion": r["opinion"],
            "result": r["result"], "filing_no": r["filing_no"]}
