"""The control API (`--control` only): what tests, benchmarks and the demo use to set up and inspect the mock."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from mock_site import faults as faults_mod
from mock_site.api_errors import ApiError, Invalid
from mock_site.api_filing import json_body
from mock_site.seed import seed_base, seed_projects
from mock_site.served_catalog import PROVINCES


def _text(body: dict[str, Any], key: str, required: bool = True) -> str:
    value = body.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise Invalid(f"缺少 {key}")
        return ""
    if not isinstance(value, str):
        raise Invalid(f"{key} 应为字符串")
    return value.strip()


async def projects(request: Request) -> Response:
    return JSONResponse(request.app.state.registry.export_projects())


async def one_project(request: Request) -> Response:
    found = request.app.state.registry.export_projects(request.path_params["id"])
    if not found:
        raise ApiError(404, "项目不存在")
    return JSONResponse(found[0])


async def review(request: Request) -> Response:
    body = await json_body(request)
    registry = request.app.state.registry
    if registry.get_project(request.path_params["id"]) is None:
        raise ApiError(404, "项目不存在")
    registry.review(request.path_params["id"], _text(body, "decision"), _text(body, "opinion", False),
                    _text(body, "reviewer", False) or "审核员")
    return JSONResponse(registry.export_projects(request.path_params["id"])[0])


async def users(request: Request) -> Response:
    """Make an account (profile complete unless told otherwise); an unknown institution gets registered."""
    body = await json_body(request)
    registry = request.app.state.registry
    institution = _text(body, "institution")
    if registry.institution(institution) is None:
        registry.add_institution(institution, _text(body, "province", False) or "北京市",
                                 _text(body, "city", False) or "北京市")
    user = registry.create_user(
        _text(body, "phone"), _text(body, "password"), _text(body, "name"), institution,
        _text(body, "role", False) or "pi", bool(body.get("profile_complete", True)), _text(body, "email", False) or None)
    return JSONResponse(user)


async def list_users(request: Request) -> Response:
    return JSONResponse(request.app.state.registry.list_users())


async def institutions(request: Request) -> Response:
    body = await json_body(request)
    province = _text(body, "province")
    if province not in PROVINCES:
        raise Invalid(f"未知省份 {province}")
    added = request.app.state.registry.add_institution(
        _text(body, "name"), province, _text(body, "city"), _text(body, "address", False))
    return JSONResponse(added)


async def list_institutions(request: Request) -> Response:
    """Every institution the site knows: the registered ones (added_by null), then those a user added through
    the 添加未在系统注册的医疗卫生机构 dialog (added_by: that user's phone); ?q= keeps names holding it."""
    q = (request.query_params.get("q") or "").strip()
    rows = request.app.state.registry.query(
        "SELECT i.name, i.province, i.city, i.address, u.phone AS added_by FROM institutions i "
        "LEFT JOIN users u ON u.id = i.added_by WHERE instr(i.name, ?) > 0 "
        "ORDER BY i.added_by IS NOT NULL, i.name", (q,))
    return JSONResponse([dict(r) for r in rows])


async def seed(request: Request) -> Response:
    body = await json_body(request)
    count = body.get("projects")
    if isinstance(count, bool) or not isinstance(count, int):
        raise Invalid("projects 应为整数")
    participant = body.get("participant")
    if participant is not None and not isinstance(participant, str):
        raise Invalid("participant 应为机构名称")
    result = seed_projects(request.app.state.registry, _text(body, "owner"), count, participant)
    if request.app.state.config.face == "live-2026":
        from mock_site.live.seeding import convert  # the live face's projects are 2026 filings

        convert(request.app.state.registry, result["ids"], participant)
    return JSONResponse(result)


def _apply_ttl(request: Request) -> None:
    ttl = request.app.state.faults.settings.session_ttl_s
    request.app.state.sessions.ttl = ttl if ttl is not None else request.app.state.config.session_ttl


async def set_faults(request: Request) -> Response:
    """Replaces every fault setting (an omitted key means that fault is off)."""
    request.app.state.faults.configure(faults_mod.parse(await json_body(request)))
    _apply_ttl(request)
    return JSONResponse(request.app.state.faults.snapshot())


async def get_faults(request: Request) -> Response:
    return JSONResponse(request.app.state.faults.snapshot())


async def reset(request: Request) -> Response:
    """Empty state plus the demo accounts; sessions, faults and the last captcha are forgotten too."""
    state = request.app.state
    seed_base(state.registry)
    state.sessions.clear()
    state.faults.reset()
    state.captchas.last = None
    state.live_refusals = []  # the live face's planned refusals (refuse-next)
    _apply_ttl(request)
    return JSONResponse({"message": "ok"})


async def snapshot(request: Request) -> Response:
    """The whole registry (accounts, institutions, projects, files, timelines) as SQLite database bytes."""
    return Response(request.app.state.registry.snapshot(), media_type="application/vnd.sqlite3")


async def restore(request: Request) -> Response:
    """The body (a snapshot's bytes) becomes the whole registry; every session ends, faults stay as set."""
    state = request.app.state
    state.registry.restore(await request.body())
    state.sessions.clear()
    state.captchas.last = None
    state.live_refusals = []
    return JSONResponse({"message": "ok", "projects": len(state.registry.export_projects())})


async def settings(request: Request) -> Response:
    body = await json_body(request)
    if not isinstance(body.get("academic_exempt"), bool):
        raise Invalid("academic_exempt 应为 true 或 false")
    institution = _text(body, "institution")
    request.app.state.registry.set_academic_exempt(institution, body["academic_exempt"])
    return JSONResponse({"institution": institution, "academic_exempt": body["academic_exempt"]})


async def captcha_answer(request: Request) -> Response:
    """The answer of the captcha a session holds (?session=<mr_session cookie value>), as plain text."""
    session = request.app.state.sessions.get(request.query_params.get("session"), touch=False)
    if session is None or not session.captcha:
        raise ApiError(404, "该会话没有验证码")
    return PlainTextResponse(session.captcha)


async def captcha_last(request: Request) -> Response:
    """The last captcha answer issued to anyone, as plain text (for a test's --captcha-cmd)."""
    last = request.app.state.captchas.last
    if not last:
        raise ApiError(404, "尚未生成验证码")
    return PlainTextResponse(last)


def routes() -> list[Route]:
    return [
        Route("/__mock__/projects", projects, methods=["GET"]),
        Route("/__mock__/projects/{id:int}", one_project, methods=["GET"]),
        Route("/__mock__/projects/{id:int}/review", review, methods=["POST"]),
        Route("/__mock__/users", users, methods=["POST"]),
        Route("/__mock__/users", list_users, methods=["GET"]),
        Route("/__mock__/institutions", institutions, methods=["POST"]),
        Route("/__mock__/institutions", list_institutions, methods=["GET"]),
        Route("/__mock__/seed", seed, methods=["POST"]),
        Route("/__mock__/faults", set_faults, methods=["POST"]),
        Route("/__mock__/faults", get_faults, methods=["GET"]),
        Route("/__mock__/reset", reset, methods=["POST"]),
        Route("/__mock__/snapshot", snapshot, methods=["GET"]),
        Route("/__mock__/restore", restore, methods=["POST"]),
        Route("/__mock__/settings", settings, methods=["POST"]),
        Route("/__mock__/captcha", captcha_answer, methods=["GET"]),
        Route("/__mock__/captcha/last", captcha_last, methods=["GET"]),
    ]
