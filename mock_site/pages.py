"""The mock's HTML pages: `routes(registry, config)` gives every page of SITE.md and the /static mount.

Pages are rendered on the server from the registry's state; the scripts under static/js make them interactive
and talk to the XHR API (`api.py`). Access rules: no session → /login, incomplete profile → 完善个人信息,
another PI's project → 403. Handlers are plain functions: Starlette runs them in its thread pool, so a slow
SQLite call or render never stalls the event loop (the registry is thread-safe).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mock_site import access, sessions
from mock_site.config import MockConfig
from mock_site.db import Registry
from mock_site.editor import build_panes
from mock_site.listing import list_context
from mock_site.render import STATIC, Renderer

PI_MENU = [("快速开始", "/quickstart", "el-icon-s-home"), ("临床研究项目备案", "/projects", "el-icon-document"),
           ("分中心项目", "/subcenters", "el-icon-office-building"), ("个人信息", "/profile", "el-icon-user")]
ADMIN_MENU = [("账号管理", "/admin/accounts", "el-icon-s-custom"), ("项目审核", "/admin/review", "el-icon-s-check"),
              ("个人信息", "/profile", "el-icon-user")]
TAG_TYPES = {"draft": "info", "returned": "danger", "rejected": "danger", "published": "success"}


def status_type(status: str) -> str:
    """The el-tag colour of a state (under review: warning)."""
    return TAG_TYPES.get(status, "warning")


class Pages:
    def __init__(self, registry: Registry, config: MockConfig) -> None:
        self.registry = registry
        self.config = config
        self.render = Renderer(config)

    # --- access
    def user_or_redirect(self, request: Request, admin: bool = False,
                         allow_incomplete: bool = False) -> dict[str, Any] | Response:
        """The user, or the answer instead: /login without a session, 完善个人信息 when due, 403 for non-admins."""
        user = sessions.page_user(request, allow_incomplete=allow_incomplete)
        if isinstance(user, Response):
            return user
        if admin and user.get("role") != "admin":
            return self.refuse(request, user, "只有机构管理员可以访问此页面")
        return user

    def page(self, request: Request, user: dict[str, Any], template: str, http_status: int = 200,
             **context: Any) -> Response:
        items = ADMIN_MENU if user.get("role") == "admin" else PI_MENU
        path = request.url.path
        menu = [{"label": label, "href": href, "icon": icon, "active": path == href or path.startswith(href + "/")}
                for label, href, icon in items]
        return self.render.page(template, context.pop("rng", None), http_status, user=user, menu=menu, **context)

    def refuse(self, request: Request, user: dict[str, Any], message: str, status: int = 403) -> Response:
        return self.page(request, user, "refused.html", http_status=status, message=message, code=status)

    # --- pages without a layout
    def root(self, request: Request) -> Response:
        return RedirectResponse("/quickstart", status_code=303)

    def login(self, request: Request) -> Response:
        nxt = request.query_params.get("next", "")
        return self.render.page("login.html", page_data={"next": nxt, "captcha": self.config.captcha})

    def profile_complete(self, request: Request) -> Response:
        user = self.user_or_redirect(request, allow_incomplete=True)
        if isinstance(user, Response):
            return user
        if user.get("profile_complete", True):
            return RedirectResponse("/quickstart", status_code=303)
        return self.render.page("profile_complete.html", user=user, page_data={})

    # --- PI pages
    def quickstart(self, request: Request) -> Response:
        user = self.user_or_redirect(request)
        if isinstance(user, Response):
            return user
        if user.get("role") == "admin":
            return RedirectResponse("/admin/review", status_code=303)
        return self.page(request, user, "quickstart.html")

    def projects(self, request: Request) -> Response:
        user = self.user_or_redirect(request)
        if isinstance(user, Response):
            return user
        ctx = list_context(self.registry, request, owner_id=user["id"])
        return self.page(request, user, "projects.html", title="临床研究项目备案", editable_links=True, **ctx)

    def subcenters(self, request: Request) -> Response:
        user = self.user_or_redirect(request)
        if isinstance(user, Response):
            return user
        ctx = list_context(self.registry, request, subcenter_of=user["institution"], exclude_owner=user["id"])
        return self.page(request, user, "projects.html", title="分中心项目", editable_links=False, **ctx)

    def profile(self, request: Request) -> Response:
        user = self.user_or_redirect(request)
        if isinstance(user, Response):
            return user
        details = self.registry.user_profile(user["id"])
        return self.page(request, user, "profile.html", details=details)

    # --- one project
    def project_for(self, request: Request, user: dict[str, Any]
                    ) -> tuple[dict[str, Any] | None, bool, Response | None]:
        """The project of the path, whether this user owns it, or the refusal page to answer instead."""
        project = self.registry.get_project(int(request.path_params["project_id"]))
        if project is None:
            return None, False, self.refuse(request, user, "项目不存在", 404)
        if not access.can_view(user, project):
            return None, False, self.refuse(request, user, "无权访问该项目")
        return project, access.can_edit(user, project), None

    def editor(self, request: Request) -> Response:
        return self._editor(request, readonly_view=False)

    def view(self, request: Request) -> Response:
        return self._editor(request, readonly_view=True)

    def _editor(self, request: Request, readonly_view: bool) -> Response:
        user = self.user_or_redirect(request)
        if isinstance(user, Response):
            return user
        project, owner, refusal = self.project_for(request, user)
        if refusal is not None or project is None:
            return refusal  # type: ignore[return-value]
        editable = owner and not readonly_view and self.registry.editable(project)
        rng = self.render.rng()
        panes = build_panes(project, project["institution"], request.query_params.get("tab"), rng)
        saved = (project["modules"].get("basic_info") or {}).get("publish_to_chictr")
        data = {"projectId": project["id"], "editable": editable, "savedPublish": saved}
        return self.page(request, user, "editor.html", rng=rng, project=project, panes=panes,
                         disabled=not editable, readonly_view=readonly_view or not owner,
                         status_type=status_type(project["status"]), page_data=data)

    def progress(self, request: Request) -> Response:
        user = self.user_or_redirect(request)
        if isinstance(user, Response):
            return user
        project, _, refusal = self.project_for(request, user)
        if refusal is not None or project is None:
            return refusal  # type: ignore[return-value]
        events = self.registry.timeline(project["id"])
        return self.page(request, user, "progress.html", project=project, events=events,
                         status_type=status_type(project["status"]))

    # --- the institution admin
    def admin_accounts(self, request: Request) -> Response:
        user = self.user_or_redirect(request, admin=True)
        if isinstance(user, Response):
            return user
        accounts = self.registry.list_users(user["institution"])
        return self.page(request, user, "admin_accounts.html", accounts=accounts)

    def admin_review(self, request: Request) -> Response:
        user = self.user_or_redirect(request, admin=True)
        if isinstance(user, Response):
            return user
        ctx = list_context(self.registry, request, institution=user["institution"])
        exempt = self.registry.academic_exempt(user["institution"])
        return self.page(request, user, "admin_review.html", exempt=exempt, **ctx)


def routes(registry: Registry, config: MockConfig) -> list[Route | Mount]:
    """Every HTML page of SITE.md plus /static; `app.py` mounts them beside the XHR and control APIs."""
    p = Pages(registry, config)
    return [
        Route("/", p.root),
        Route("/login", p.login),
        Route("/profile/complete", p.profile_complete),
        Route("/quickstart", p.quickstart),
        Route("/projects", p.projects),
        Route("/projects/{project_id:int}/edit", p.editor),
        Route("/projects/{project_id:int}/progress", p.progress),
        Route("/projects/{project_id:int}", p.view),
        Route("/subcenters", p.subcenters),
        Route("/profile", p.profile),
        Route("/admin/accounts", p.admin_accounts),
        Route("/admin/review", p.admin_review),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]

