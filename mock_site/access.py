"""Who may see, edit and review a project."""

from __future__ import annotations

from typing import Any

from mock_site.api_errors import ApiError


def is_admin_of(user: dict[str, Any], project: dict[str, Any]) -> bool:
    return user["role"] == "admin" and user["institution"] == project["institution"]


def is_subcenter(user: dict[str, Any], project: dict[str, Any]) -> bool:
    """The user's institution is a participating unit of the project (分中心项目)."""
    units = project.get("modules", {}).get("implementation", {}).get("participating_units") or []
    return any(row.get("institution") == user["institution"] for row in units)


def can_view(user: dict[str, Any], project: dict[str, Any]) -> bool:
    return project["owner_id"] == user["id"] or is_admin_of(user, project) or is_subcenter(user, project)


def can_edit(user: dict[str, Any], project: dict[str, Any]) -> bool:
    """Only the owner edits (and only while the project is a draft or returned: the caller checks that)."""
    return project["owner_id"] == user["id"]


def project_for(registry: Any, user: dict[str, Any], project_id: int, edit: bool = False) -> dict[str, Any]:
    """The project if this user may see it (or edit it); otherwise ApiError 404/403."""
    project = registry.get_project(project_id)
    if project is None:
        raise ApiError(404, "项目不存在")
    allowed = can_edit(user, project) if edit else can_view(user, project)
    if not allowed:
        raise ApiError(403, "无权访问该项目")
    return project
