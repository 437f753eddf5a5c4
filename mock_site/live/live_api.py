"""The live face's XHR answers, layui style: {"code": 0, "msg", "data"} on success, code 1 on a refusal.

Saves are form-encoded (the tab's named controls in page order); a refused save answers
{"code": 1, "msg", "errors": [{"name", "row"?, "label", "msg"}]} with --error-status (422 by default).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mock_site import pdf
from mock_site.access import project_for
from mock_site.alter import OptionsOf
from mock_site.api_errors import ApiError, Conflict, UploadRejected
from mock_site.live import picker_choices, service
from mock_site.live.decode import decode
from mock_site.live.form import DISABLED_OPTIONS, GENERATION, Tab, tab
from mock_site.live.rules import COUNTRIES
from mock_site.multipart import uploaded_file
from mock_site.served_catalog import PROVINCES
from mock_site.sessions import api_user

SAVED = "保存成功"


def ok(data: Any = None, msg: str = "", **extra: Any) -> JSONResponse:
    return JSONResponse({"code": 0, "msg": msg, "data": data, **extra})


def refuse(request: Request, msg: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"code": 1, "msg": msg, **extra}, status_code=request.app.state.config.error_status)


def _live_project(request: Request, user: dict[str, Any], pid: int, edit: bool = False) -> dict[str, Any]:
    project = project_for(request.app.state.registry, user, pid, edit=edit)
    if project.get("form") != GENERATION:
        raise ApiError(404, "项目不存在")
    return project


def options_of(t: Tab) -> OptionsOf:
    """What each control of the tab offers, for the fault that stores another valid-looking value."""
    fixed: dict[str, tuple[str, ...]] = {}
    lists: dict[str, list[tuple[str, ...]]] = {}
    for c in t.controls:
        for x in (c, *c.columns):
            if x.widget == "dependent_select":
                lists[x.key] = list(x.source.options_by_parent.values())
                continue
            opts = COUNTRIES if x.widget == "country" else tuple(PROVINCES) if x.widget == "province" else x.options
            opts = tuple(o for o in opts if o not in DISABLED_OPTIONS)
            if opts:
                fixed.setdefault(x.key, opts)

    def lookup(key: str, value: str) -> tuple[str, ...]:
        if key in lists:  # a dependent select keeps to the list its value came from
            return next((o for o in lists[key] if value in o), ())
        return fixed.get(key, ())

    return lookup


def _planned_refusal(request: Request, t: Tab) -> dict[str, Any] | None:
    """The refusal the control API planned for the next save of a tab holding that control name, used up."""
    pending: list[dict[str, Any]] = getattr(request.app.state, "live_refusals", [])
    names = {c.first_name: c.label for c in t.controls} | {
        col.first_name: c.label for c in t.controls for col in c.columns}
    for i, planned in enumerate(pending):
        if planned["name"] in names:
            del pending[i]
            return {"name": planned["name"], "label": names[planned["name"]], "msg": planned["msg"]}
    return None


async def refuse_next(request: Request) -> Response:
    """Control API: the next save of the tab holding control `name` is refused with `msg` for that control
    (a rule of the real site the mock does not know; nothing of that save is stored)."""
    body = await request.json()
    if not (isinstance(body, dict) and isinstance(body.get("name"), str) and isinstance(body.get("msg"), str)):
        raise ApiError(400, "需要 name 和 msg")
    pending = getattr(request.app.state, "live_refusals", None)
    if pending is None:
        pending = request.app.state.live_refusals = []
    pending.append({"name": body["name"], "msg": body["msg"]})
    return JSONResponse({"pending": pending})


async def save(request: Request) -> Response:
    user = api_user(request)
    registry = request.app.state.registry
    t = tab(request.path_params["tab"])
    if t is None:
        raise ApiError(404, "没有这个页签")
    raw_id = request.query_params.get("id") or ""
    project = _live_project(request, user, int(raw_id), edit=True) if raw_id.isdigit() else None
    if project is not None and not registry.editable(project):
        raise ApiError(409, f"项目{project['status_label']}，不能修改")
    async with request.form() as form:
        items = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    faults = request.app.state.faults
    await faults.before("save")
    planned = _planned_refusal(request, t)
    if planned is not None:
        return refuse(request, planned["msg"], errors=[planned])
    errors, pid = service.save_tab(registry, user, project, t, decode(t, items),
                                  mutate=faults.mutator(options_of(t)))
    if errors:
        return refuse(request, errors[0]["msg"] if len(errors) == 1 else "请检查标红的字段", errors=errors)
    return ok({"id": pid}, SAVED)


async def submit(request: Request) -> Response:
    user = api_user(request)
    registry = request.app.state.registry
    project = _live_project(request, user, request.path_params["id"], edit=True)
    await request.app.state.faults.before("submit")
    gaps = service.submit(registry, project, user)
    if gaps:
        return refuse(request, "以下内容尚未完善，请补充后再提交", missing=gaps)
    after = registry.get_project(project["id"])
    return ok({"id": after["id"], "status": after["status"], "status_label": after["status_label"]}, "提交成功")


async def upload(request: Request) -> Response:
    user = api_user(request)
    registry = request.app.state.registry
    key = request.path_params["key"]
    project = _live_project(request, user, request.path_params["id"], edit=True)
    if key not in service.FILE_KEYS:
        return refuse(request, f"未知的附件类型 {key}")
    try:
        data, filename = await uploaded_file(request)
    except ApiError as exc:  # the live face answers its own refusal shape
        return refuse(request, exc.message)
    await request.app.state.faults.before("upload")
    try:
        stored = registry.add_attachment(project["id"], key, filename, data, widgets=service.FILE_KEYS,
                                         limit=service.FILE_LIMITS[key])
    except (UploadRejected, Conflict) as exc:
        return refuse(request, str(exc))
    stored["href"] = f"/research/api/file/{project['id']}/{stored['id']}"
    return ok(stored, "上传成功")


async def download(request: Request) -> Response:
    user = api_user(request)
    project = _live_project(request, user, request.path_params["id"])
    return pdf.stored_file(request.app.state.registry, project["id"], request.path_params["file_id"])


def _int(text: str | None, default: int, high: int = 10**6) -> int:
    try:
        return max(1, min(high, int(text or default)))
    except ValueError:
        return default


async def listing(request: Request) -> Response:
    """layui table data: {code: 0, count, data} for page/limit; own, 备案进度 (own), 分中心 or 项目审核."""
    user = api_user(request)
    await request.app.state.faults.before_list()
    kind = request.path_params["kind"]
    q = request.query_params
    filters: dict[str, Any] = {"owner_id": user["id"]}
    if kind == "branch":
        filters = {"subcenter_of": user["institution"], "exclude_owner": user["id"]}
    elif kind == "review":
        if user["role"] != "admin":
            raise ApiError(403, "只有机构管理员可以访问")
        filters = {"institution": user["institution"]}
    rows, total = request.app.state.registry.list_projects(
        name=(q.get("name") or "").strip() or None, status=q.get("status") or None,
        page=_int(q.get("page"), 1), size=_int(q.get("limit"), 10, 100), **filters)
    for r in rows:
        live = r["form"] == GENERATION
        r["edit_href"] = f"/research/edit/{r['id']}" if live else f"/projects/{r['id']}/edit"
        r["view_href"] = f"/research/view/{r['id']}" if live else f"/projects/{r['id']}"
        r["progress_href"] = f"/research/progress/{r['id']}" if live else f"/projects/{r['id']}/progress"
        r["editable"] = r["status"] in ("draft", "returned") and r["owner_id"] == user["id"]
    return JSONResponse({"code": 0, "msg": "", "count": total, "data": rows})


async def people(request: Request) -> Response:
    """The people of an institution (?org=, default the user's), matching ?q= on name, department or phone."""
    user = api_user(request)
    org = request.query_params.get("org") or user["institution"]
    rows = picker_choices.search(picker_choices.people(request.app.state.registry, org), request.query_params.get("q", ""),
                          "name", "department", "mobile")
    return JSONResponse({"code": 0, "msg": "", "count": len(rows), "data": rows})


async def disciplines(request: Request) -> Response:
    api_user(request)
    rows = picker_choices.search(picker_choices.disciplines(), request.query_params.get("q", ""), "name", "group")
    return JSONResponse({"code": 0, "msg": "", "count": len(rows), "data": rows})


async def icd11(request: Request) -> Response:
    api_user(request)
    rows = picker_choices.search(picker_choices.icd11(), request.query_params.get("q", ""), "name", "code")
    return JSONResponse({"code": 0, "msg": "", "count": len(rows), "data": rows})


async def orgs(request: Request) -> Response:
    """Registered institutions whose name holds ?q= (the 机构名称 autocomplete)."""
    user = api_user(request)
    rows = request.app.state.registry.search_institutions(request.query_params.get("q", ""), user["id"])
    return JSONResponse({"code": 0, "msg": "", "count": len(rows), "data": rows})
