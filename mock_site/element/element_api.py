"""JSON the single-page app needs beyond the shared XHR API: who is logged in, the catalog, the accounts list."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from autofiler.forms import conditions
from mock_site.api_admin import admin_user
from mock_site.served_catalog import CATALOG, FIELD_MODULE, PROVINCES, STATES
from mock_site.sessions import api_user

USER_KEYS = ("id", "name", "phone", "email", "institution", "role", "profile_complete")
# What the form renderer reads of a field; notes and sources stay on the server.
FIELD_KEYS = ("key", "label", "widget", "options", "max_length", "min", "max", "readonly", "add_button",
              "min_rows", "en_twin", "add_unregistered_button", "accept")


def condition_tree(cond: conditions.Condition) -> dict[str, Any]:
    """A parsed catalog condition as JSON, so the page evaluates it without a second parser."""
    if isinstance(cond, conditions.Junction):
        return {"op": cond.op, "parts": [condition_tree(p) for p in cond.parts]}
    return {"op": cond.op, "field": cond.field, "values": list(cond.values)}


def field_json(f: dict[str, Any]) -> dict[str, Any]:
    out = {k: f[k] for k in FIELD_KEYS if k in f}
    required = f.get("required", False)
    out["required"] = required is True
    if isinstance(required, str):
        out["required_if"] = condition_tree(conditions.parse(required))
    if f.get("columns"):
        out["columns"] = [field_json(c) for c in f["columns"]]
    return out


def catalog_json() -> dict[str, Any]:
    return {
        "generation": "sop-2020",
        "modules": [{"key": m["key"], "label": m["label"], "fields": [field_json(f) for f in m["fields"]]}
                    for m in CATALOG],
        "field_module": FIELD_MODULE,
        "states": STATES,
        "provinces": list(PROVINCES),
    }


async def catalog(request: Request) -> Response:
    api_user(request)
    return JSONResponse(catalog_json())


async def me(request: Request) -> Response:
    """The logged-in user for the layout (name, role, menu) and the profile page; 401 when the session is gone."""
    user = api_user(request)
    registry = request.app.state.registry
    out: dict[str, Any] = {k: user.get(k) for k in USER_KEYS}
    out["details"] = registry.user_profile(user["id"])
    if user["role"] == "admin":
        out["academic_exempt"] = registry.academic_exempt(user["institution"])
    config = request.app.state.config
    out["upload_limit_mb"] = config.upload_limit_mb
    return JSONResponse(out)


async def accounts(request: Request) -> Response:
    user = admin_user(request)
    rows = request.app.state.registry.list_users(user["institution"])
    return JSONResponse({"rows": [{k: u.get(k) for k in USER_KEYS} for u in rows]})


def routes() -> list[Route]:
    return [
        Route("/api/me", me, methods=["GET"]),
        Route("/api/catalog", catalog, methods=["GET"]),
        Route("/api/admin/accounts", accounts, methods=["GET"]),
    ]
