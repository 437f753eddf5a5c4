"""The live face's HTML pages: login, 完善个人信息, the layui admin layout, lists, the editor and 备案进度."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from mock_site import access, sessions
from mock_site.db import Registry
from mock_site.dom_shuffle import PageDraws
from mock_site.live import live_shuffle, picker_choices
from mock_site.live.decode import single_column
from mock_site.live.form import DISABLED_OPTIONS, Control, Tab, page_rules, tabs
from mock_site.live.rules import COUNTRIES, tab_shown
from mock_site.mock_config import MockConfig
from mock_site.served_catalog import PROVINCES

TEMPLATES = Path(__file__).with_name("templates")
PI_MENU: list[dict[str, Any]] = [
    {"label": "快速开始", "children": [{"label": "医学研究信息上传", "href": "/quickstart"},
                                   {"label": "新建医学研究", "href": "/research/new"}]},
    {"label": "我的医学研究", "href": "/research/list"},
    {"label": "备案进度", "href": "/research/progress"},
    {"label": "分中心项目", "href": "/research/branch"},
]
ADMIN_MENU: list[dict[str, Any]] = [{"label": "项目审核", "href": "/admin/review"},
                                    {"label": "账号管理", "href": "/admin/accounts"}]
PICKERS = {"team_members": "people", "discipline_classification": "disciplines", "icd11_codes": "icd11"}
PICKER_HEADS = {"team_members": ["姓名", "职称", "科室", "手机"], "discipline_classification": ["学科名称", "所属学科"],
                "icd11_codes": ["编码", "疾病名称"]}


def _menu(items: list[dict[str, Any]], path: str) -> list[dict[str, Any]]:
    out = []
    for item in items:
        children = [{**c, "active": path == c["href"]} for c in item.get("children", [])]
        out.append({**item, "children": children, "active": path == item.get("href")})
    return out


class LivePages:
    def __init__(self, registry: Registry, config: MockConfig) -> None:
        self.registry = registry
        self.config = config
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(countries=COUNTRIES, provinces=list(PROVINCES), disabled_options=DISABLED_OPTIONS,
                                pickers=PICKERS, picker_heads=PICKER_HEADS, single_column=single_column,
                                captcha=config.captcha, fast=config.fast)
        self._draws = PageDraws(config.shuffle_dom, config.seed)

    def rng(self) -> random.Random | None:
        return self._draws.next()

    def html(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        rng = self.rng()

        def order(t: Tab) -> list[Control]:
            return live_shuffle.shuffled(t, rng) if rng is not None else list(t.controls)

        text = self.env.get_template(template).render(order=order, **context)
        if rng is not None:
            text = live_shuffle.rewrite(text, rng)
        return HTMLResponse(text, status_code=status)

    def page(self, request: Request, user: dict[str, Any], template: str, status: int = 200,
             **context: Any) -> HTMLResponse:
        items = ADMIN_MENU if user["role"] == "admin" else PI_MENU
        return self.html(template, status, user=user, menu=_menu(items, request.url.path), **context)

    def user(self, request: Request, allow_incomplete: bool = False) -> dict[str, Any] | Response:
        return sessions.page_user(request, allow_incomplete=allow_incomplete)

    def refuse(self, request: Request, user: dict[str, Any], message: str, status: int = 403) -> Response:
        return self.page(request, user, "message.html", status, message=message)

    # --- pages without the layout
    def root(self, request: Request) -> Response:
        return RedirectResponse("/quickstart", status_code=303)

    def login(self, request: Request) -> Response:
        return self.html("login.html", page_data={"next": request.query_params.get("next", ""),
                                                  "captcha": self.config.captcha})

    def profile_complete(self, request: Request) -> Response:
        user = self.user(request, allow_incomplete=True)
        if isinstance(user, Response):
            return user
        if user["profile_complete"]:
            return RedirectResponse("/quickstart", status_code=303)
        return self.html("profile_complete.html", user=user)

    # --- PI pages
    def quickstart(self, request: Request) -> Response:
        user = self.user(request)
        if isinstance(user, Response):
            return user
        if user["role"] == "admin":
            return RedirectResponse("/admin/review", status_code=303)
        return self.page(request, user, "quickstart.html")

    def listing(self, request: Request) -> Response:
        user = self.user(request)
        if isinstance(user, Response):
            return user
        kind = request.url.path.rsplit("/", 1)[-1]
        titles = {"list": "我的医学研究", "progress": "备案进度", "branch": "分中心项目", "review": "项目审核"}
        if kind == "review" and user["role"] != "admin":
            return self.refuse(request, user, "只有机构管理员可以访问此页面")
        return self.page(request, user, "list.html", title=titles[kind],
                         page_data={"kind": kind, "source": f"/research/api/{kind}"})

    def accounts(self, request: Request) -> Response:
        user = self.user(request)
        if isinstance(user, Response):
            return user
        if user["role"] != "admin":
            return self.refuse(request, user, "只有机构管理员可以访问此页面")
        return self.page(request, user, "accounts.html", accounts=self.registry.list_users(user["institution"]))

    # --- one project
    def _project(self, request: Request, user: dict[str, Any]) -> tuple[dict[str, Any] | None, Response | None]:
        project = self.registry.get_project(int(request.path_params["project_id"]))
        if project is None or project.get("form") != "live-2026":
            return None, self.refuse(request, user, "项目不存在", 404)
        if not access.can_view(user, project):
            return None, self.refuse(request, user, "无权访问该项目")
        return project, None

    def new(self, request: Request) -> Response:
        user = self.user(request)
        if isinstance(user, Response):
            return user
        return self._editor(request, user, None, readonly=False)

    def edit(self, request: Request) -> Response:
        user = self.user(request)
        if isinstance(user, Response):
            return user
        project, refusal = self._project(request, user)
        if project is None:
            return refusal  # type: ignore[return-value]
        editable = access.can_edit(user, project) and self.registry.editable(project)
        return self._editor(request, user, project, readonly=not editable)

    def view(self, request: Request) -> Response:
        user = self.user(request)
        if isinstance(user, Response):
            return user
        project, refusal = self._project(request, user)
        if project is None:
            return refusal  # type: ignore[return-value]
        return self._editor(request, user, project, readonly=True)

    def _editor(self, request: Request, user: dict[str, Any], project: dict[str, Any] | None,
                readonly: bool) -> Response:
        modules = project["modules"] if project else {}
        files = project["attachments"] if project else {}
        pid = project["id"] if project else None
        institution = project["institution"] if project else user["institution"]

        def file_list(key: str) -> list[dict[str, Any]]:
            return [{**f, "href": f"/research/api/file/{pid}/{f['id']}"} for f in files.get(key, [])]

        def dependent_options(c: Control, scope: dict[str, Any]) -> tuple[str, ...]:
            parent = scope.get(c.parent) if c.parent else None
            return c.source.options_by_parent.get(parent, ()) if parent else ()

        def picked(c: Control, values: list[Any] | None) -> list[dict[str, Any]]:
            out = []
            for v in values or []:
                if isinstance(v, dict):  # a row of columns: the row marker, then one input per column
                    hidden = [(c.first_name, "")] + [(col.first_name, v.get(col.key, "")) for col in c.columns]
                    out.append({"id": f"{v.get('name')}|{v.get('mobile')}", "hidden": hidden,
                                "cells": self._cells(c.key, v, institution)})
                else:
                    out.append({"id": v, "hidden": [(c.first_name, v)], "cells": self._cells(c.key, v, institution)})
            return out

        title = (modules.get("basic_info") or {}).get("research_title") or "新建医学研究"
        shown = {t.index: tab_shown(t, modules) for t in tabs()}
        data = {"projectId": pid, "readonly": readonly, "rules": page_rules(), "tabShown": shown,
                "errorStatus": self.config.error_status, "fast": self.config.fast,
                "submitConfirm": self.config.submit_confirm}
        return self.page(request, user, "editor.html", tabs=tabs(), modules=modules, project=project,
                         readonly=readonly, title=title, institution=institution, files=file_list,
                         dependent_options=dependent_options, picked=picked, page_data=data)

    def _cells(self, key: str, value: Any, institution: str) -> list[str]:
        if key == "icd11_codes":
            return [value, picker_choices.icd11_title(value) or ""]
        if key == "discipline_classification":
            return [value, next((d["group"] for d in picker_choices.disciplines() if d["name"] == value), "")]
        name, mobile = (value.get("name", ""), value.get("mobile", "")) if isinstance(value, dict) else (value, "")
        person = next((p for p in picker_choices.people(self.registry, institution) if p["name"] == name), None)
        return [name, person["title"], person["department"], mobile] if person else [name, "", "", mobile]

    def progress(self, request: Request) -> Response:
        user = self.user(request)
        if isinstance(user, Response):
            return user
        project, refusal = self._project(request, user)
        if project is None:
            return refusal  # type: ignore[return-value]
        return self.page(request, user, "progress.html", project=project,
                         events=self.registry.timeline(project["id"]))
