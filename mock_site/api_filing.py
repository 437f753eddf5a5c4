"""The XHR API the pages call (SITE.md): login, projects, module saves, uploads, 提交 and institutions."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from mock_site import captcha, formats, pdf
from mock_site.access import project_for
from mock_site.api_errors import ApiError
from mock_site.multipart import uploaded_file
from mock_site.served_catalog import CATALOG, MODULES, PROVINCES
from mock_site.sessions import COOKIE, PROFILE_PATH, api_user, session_of, set_cookie, store

SAVED, SUBMITTED, ADDED = "保存成功", "提交成功", "添加成功"
# each field's and column's options, for the fault that stores another valid-looking value
OPTIONS: dict[str, tuple[str, ...]] = {}
for _m in CATALOG:
    for _f in _m["fields"]:
        for _c in (_f, *(_f.get("columns") or ())):
            if _c.get("options"):
                OPTIONS.setdefault(_c["key"], tuple(_c["options"]))


def catalog_options(key: str, value: str) -> tuple[str, ...]:
    return OPTIONS.get(key, ())


async def json_body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise ApiError(400, "请求格式不正确") from None
    if not isinstance(body, dict):
        raise ApiError(400, "请求格式不正确")
    return body


def safe_next(target: Any) -> str | None:
    """Only a path on this site: '/x', never '//host' or a full address."""
    if isinstance(target, str) and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


async def captcha_image(request: Request) -> Response:
    """A new captcha for the asker's session (an anonymous one is made if needed)."""
    session = session_of(request)
    response = Response(media_type="image/png", headers={"Cache-Control": "no-store"})
    if session is None:
        session = store(request).new()
        set_cookie(response, session)
    session.captcha, image = request.app.state.captchas.issue()
    response.body = image
    response.headers["content-length"] = str(len(image))
    return response


async def login(request: Request) -> Response:
    body = await json_body(request)
    state = request.app.state
    session = session_of(request)
    if state.config.captcha:
        ok = session is not None and captcha.matches(session.captcha, body.get("captcha"))
        if session is not None:
            session.captcha = state.captchas.issue()[0]  # one try per captcha, right or wrong
        if not ok:
            raise ApiError(400, "验证码错误")
    user = state.registry.authenticate(str(body.get("username") or ""), str(body.get("password") or ""))
    if user is None:
        raise ApiError(400, "账号或密码错误")
    if session is not None:
        store(request).drop(session.token)
    fresh = store(request).new(user["id"])
    if not user["profile_complete"]:
        redirect = PROFILE_PATH
    elif user["role"] == "admin":
        redirect = safe_next(body.get("next") or request.query_params.get("next")) or "/admin/review"
    else:
        redirect = safe_next(body.get("next") or request.query_params.get("next")) or "/quickstart"
    response = JSONResponse({"message": "登录成功", "redirect": redirect})
    set_cookie(response, fresh)
    return response


async def logout(request: Request) -> Response:
    store(request).drop(request.cookies.get(COOKIE))
    if request.method == "GET":
        response: Response = RedirectResponse("/login", status_code=303)
    else:
        response = JSONResponse({"message": "已退出", "redirect": "/login"})
    response.delete_cookie(COOKIE, path="/")
    return response


async def complete_profile(request: Request) -> Response:
    """完善个人信息: name and e-mail required, a new password optional, other details kept as given."""
    user = api_user(request)
    body = await json_body(request)
    errors = []
    if not str(body.get("name") or "").strip():
        errors.append({"field": "name", "message": "请填写姓名"})
    email = str(body.get("email") or "").strip()
    if not email:
        errors.append({"field": "email", "message": "请填写邮箱"})
    elif not formats.is_email(email):
        errors.append({"field": "email", "message": "邮箱格式不正确"})
    password = body.get("password")
    if password and (not isinstance(password, str) or len(password) < 6):
        errors.append({"field": "password", "message": "密码至少6位"})
    if errors:
        raise ApiError(422, "请检查标红的字段", errors=errors)
    values = {k: v for k, v in body.items() if isinstance(v, str)}
    request.app.state.registry.complete_profile(user["id"], values)
    return JSONResponse({"message": SAVED, "redirect": "/quickstart"})


async def create_project(request: Request) -> Response:
    user = api_user(request)
    if user["role"] != "pi":
        raise ApiError(403, "只有研究者可以新增项目")
    project = request.app.state.registry.create_project(user["id"])
    return JSONResponse({"id": project["id"]})


async def get_project(request: Request) -> Response:
    user = api_user(request)
    project = project_for(request.app.state.registry, user, request.path_params["id"])
    project["editable"] = request.app.state.registry.editable(project)
    project["timeline"] = request.app.state.registry.timeline(project["id"])
    return JSONResponse(project)


def refusal(request: Request, message: str, **extra: Any) -> ApiError:
    """A refused save or 提交: --error-status (422 unless asked otherwise), the body with code 1."""
    return ApiError(request.app.state.config.error_status, message, code=1, **extra)


def editable_project(request: Request) -> dict[str, Any]:
    """The owner's project, if it can be changed now: else 401/403/404/409."""
    user = api_user(request)
    registry = request.app.state.registry
    project = project_for(registry, user, request.path_params["id"], edit=True)
    if not registry.editable(project):
        raise ApiError(409, f"项目{project['status_label']}，不能修改")
    return project


async def save_module(request: Request) -> Response:
    module_key = request.path_params["module"]
    if module_key not in MODULES:
        raise ApiError(404, f"未知模块 {module_key}")
    project = editable_project(request)
    body = await json_body(request)
    faults = request.app.state.faults
    await faults.before("save")
    registry = request.app.state.registry
    errors = registry.save_module(project["id"], module_key, body, mutate=faults.mutator(catalog_options))
    if errors:
        raise refusal(request, "请检查标红的字段", errors=errors)
    return JSONResponse({"message": SAVED, "updated_at": registry.get_project(project["id"])["updated_at"]})


async def upload(request: Request) -> Response:
    project = editable_project(request)
    data, filename = await uploaded_file(request)
    await request.app.state.faults.before("upload")
    stored = request.app.state.registry.add_attachment(project["id"], request.path_params["key"], filename, data)
    return JSONResponse({"message": "上传成功", "file": stored})


async def delete_upload(request: Request) -> Response:
    project = editable_project(request)
    p = request.path_params
    if not request.app.state.registry.delete_attachment(project["id"], p["key"], p["file_id"]):
        raise ApiError(404, "文件不存在")
    return JSONResponse({"message": "删除成功"})


async def download(request: Request) -> Response:
    user = api_user(request)
    project = project_for(request.app.state.registry, user, request.path_params["id"])
    return pdf.stored_file(request.app.state.registry, project["id"], request.path_params["file_id"])


async def submit(request: Request) -> Response:
    project = editable_project(request)
    await request.app.state.faults.before("submit")
    registry = request.app.state.registry
    gaps = registry.submit(project["id"])
    if gaps:
        raise refusal(request, "以下内容尚未完善，请补充后再提交", missing=gaps)
    after = registry.get_project(project["id"])
    return JSONResponse({"message": SUBMITTED, "status": after["status"], "status_label": after["status_label"]})


async def search_institutions(request: Request) -> Response:
    user = api_user(request)
    return JSONResponse(request.app.state.registry.search_institutions(request.query_params.get("q", ""), user["id"]))


async def add_institution(request: Request) -> Response:
    """The 添加未在系统注册的医疗卫生机构 dialog: the institution becomes known to this user."""
    user = api_user(request)
    body = await json_body(request)
    values = {k: str(body.get(k) or "").strip() for k in ("name", "province", "city", "address")}
    errors = []
    if not values["name"]:
        errors.append({"field": "name", "message": "请填写机构名称"})
    if values["province"] not in PROVINCES:
        errors.append({"field": "province", "message": "请选择所在省份"})
    if not values["city"]:
        errors.append({"field": "city", "message": "请填写所在城市"})
    if errors:
        raise ApiError(422, "请检查标红的字段", errors=errors)
    added = request.app.state.registry.add_institution(**values, added_by=user["id"])
    return JSONResponse({"message": ADDED, "institution": added})


def routes() -> list[Route]:
    base = "/api/projects/{id:int}"
    return [
        Route("/captcha", captcha_image, methods=["GET"]),
        Route("/api/login", login, methods=["POST"]),
        Route("/api/logout", logout, methods=["POST"]),
        Route("/logout", logout, methods=["GET"]),
        Route("/api/profile", complete_profile, methods=["POST"]),
        Route("/api/projects", create_project, methods=["POST"]),
        Route(base, get_project, methods=["GET"]),
        Route(base + "/modules/{module}", save_module, methods=["POST"]),
        Route(base + "/attachments/{key}", upload, methods=["POST"]),
        Route(base + "/attachments/{key}/{file_id:int}", delete_upload, methods=["DELETE"]),
        Route(base + "/attachments/{key}/{file_id:int}", download, methods=["GET"]),
        Route(base + "/submit", submit, methods=["POST"]),
        Route("/api/institutions", search_institutions, methods=["GET"]),
        Route("/api/institutions", add_institution, methods=["POST"]),
    ]
