"""The institution admin's XHRs: the account sheet upload, review decisions and the academic-review switch."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mock_site.access import is_admin_of
from mock_site.api_errors import ApiError
from mock_site.api_filing import json_body
from mock_site.multipart import uploaded_file
from mock_site.sessions import api_user
from mock_site.sheet import import_accounts


def admin_user(request: Request) -> dict[str, Any]:
    user = api_user(request)
    if user["role"] != "admin":
        raise ApiError(403, "需要机构管理员权限")
    return user


async def upload_accounts(request: Request) -> Response:
    """POST multipart `file` (the Appendix-1 xlsx) → {"message", "created", "results": [{row, name, ok, message}]}."""
    user = admin_user(request)
    data, _name = await uploaded_file(request)
    results = import_accounts(request.app.state.registry, user["institution"], data)
    created = sum(1 for r in results if r["ok"])
    return JSONResponse({"message": f"导入完成：成功 {created} 行，失败 {len(results) - created} 行",
                         "created": created, "results": results})


async def review(request: Request) -> Response:
    user = admin_user(request)
    registry = request.app.state.registry
    project = registry.get_project(request.path_params["id"])
    if project is None:
        raise ApiError(404, "项目不存在")
    if not is_admin_of(user, project):
        raise ApiError(403, "无权审核该项目")
    body = await json_body(request)
    after = registry.review(project["id"], str(body.get("decision") or ""), str(body.get("opinion") or ""),
                            user["name"])
    return JSONResponse({"message": "操作成功", "status": after["status"], "status_label": after["status_label"],
                         "filing_no": after["filing_no"]})


async def settings(request: Request) -> Response:
    user = admin_user(request)
    body = await json_body(request)
    if not isinstance(body.get("academic_exempt"), bool):
        raise ApiError(400, "academic_exempt 应为 true 或 false")
    request.app.state.registry.set_academic_exempt(user["institution"], body["academic_exempt"])
    return JSONResponse({"message": "设置成功", "academic_exempt": body["academic_exempt"]})


def routes() -> list[Route]:
    return [
        Route("/api/admin/accounts", upload_accounts, methods=["POST"]),
        Route("/api/admin/projects/{id:int}/review", review, methods=["POST"]),
        Route("/api/admin/settings", settings, methods=["POST"]),
    ]
