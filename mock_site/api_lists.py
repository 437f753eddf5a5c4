"""The JSON behind the three project lists (临床研究项目备案, 分中心项目, 项目审核), as a Vue page would fetch it.

`GET /api/projects`, `/api/subcenters`, `/api/admin/review` with `page`, `size` (at most 100, as the pager
offers), `name` and `status` (a state key) → {"code": 200, "msg", "rows": [...], "total": N}, newest first.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mock_site.api_admin import admin_user
from mock_site.api_errors import ApiError
from mock_site.served_catalog import STATES
from mock_site.sessions import api_user

MAX_SIZE = 100
# What a list row shows; the rest of a project (its modules, owner's phone) needs its own request.
ROW_KEYS = ("id", "project_name", "project_type", "status", "status_label", "filing_no", "updated_at",
            "owner_name", "institution")


def _answer(request: Request, **filters: Any) -> Response:
    q = request.query_params
    try:
        page, size = int(q.get("page", 1)), int(q.get("size", 10))
    except ValueError:
        raise ApiError(400, "page、size 应为整数") from None
    if page < 1 or not 1 <= size <= MAX_SIZE:
        raise ApiError(400, f"page 应不小于 1，size 应在 1 到 {MAX_SIZE} 之间")
    status = q.get("status") or None
    if status is not None and status not in STATES:
        raise ApiError(400, "未知的状态")
    rows, total = request.app.state.registry.list_projects(
        name=(q.get("name") or "").strip() or None, status=status, page=page, size=size, **filters)
    return JSONResponse({"code": 200, "msg": "查询成功", "total": total,
                         "rows": [{k: r[k] for k in ROW_KEYS} for r in rows]})


async def own_projects(request: Request) -> Response:
    await request.app.state.faults.before_list()
    return _answer(request, owner_id=api_user(request)["id"])


async def subcenter_projects(request: Request) -> Response:
    await request.app.state.faults.before_list()
    user = api_user(request)
    return _answer(request, subcenter_of=user["institution"], exclude_owner=user["id"])


async def institution_projects(request: Request) -> Response:
    await request.app.state.faults.before_list()
    return _answer(request, institution=admin_user(request)["institution"])


def routes() -> list[Route]:
    return [
        Route("/api/projects", own_projects, methods=["GET"]),
        Route("/api/subcenters", subcenter_projects, methods=["GET"]),
        Route("/api/admin/review", institution_projects, methods=["GET"]),
    ]
