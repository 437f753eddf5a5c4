"""Every route of the live face: its pages, its XHR answers and the static files (layui from node_modules)."""

from __future__ import annotations

from pathlib import Path

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from mock_site.db import Registry
from mock_site.live import live_api
from mock_site.live.pages import LivePages
from mock_site.mock_config import MockConfig

HERE = Path(__file__).parent
LAYUI = HERE.parent / "node_modules" / "layui" / "dist"
MISSING = "layui is not installed: run `npm ci` in mock_site/ (it reads package-lock.json)"


def routes(registry: Registry, config: MockConfig) -> list[BaseRoute]:
    if not (LAYUI / "layui.js").is_file():
        raise SystemExit(MISSING)
    p = LivePages(registry, config)
    base = "/research/api"
    control = [Route("/__mock__/refuse-next", live_api.refuse_next, methods=["POST"])] if config.control else []
    return control + [
        Route("/", p.root),
        Route("/login", p.login),
        Route("/profile/complete", p.profile_complete),
        Route("/quickstart", p.quickstart),
        Route("/research/new", p.new),
        Route("/research/edit/{project_id:int}", p.edit),
        Route("/research/view/{project_id:int}", p.view),
        Route("/research/progress/{project_id:int}", p.progress),
        Route("/research/list", p.listing),
        Route("/research/progress", p.listing),
        Route("/research/branch", p.listing),
        Route("/admin/review", p.listing),
        Route("/admin/accounts", p.accounts),
        Route(base + "/save/{tab:int}", live_api.save, methods=["POST"]),
        Route(base + "/submit/{id:int}", live_api.submit, methods=["POST"]),
        Route(base + "/upload/{id:int}/{key}", live_api.upload, methods=["POST"]),
        Route(base + "/file/{id:int}/{file_id:int}", live_api.download, methods=["GET"]),
        Route(base + "/people", live_api.people),
        Route(base + "/disciplines", live_api.disciplines),
        Route(base + "/icd11", live_api.icd11),
        Route(base + "/orgs", live_api.orgs),
        Route(base + "/{kind:str}", live_api.listing),
        Mount("/static/lib/layui", StaticFiles(directory=LAYUI), name="layui"),
        Mount("/static/live", StaticFiles(directory=HERE / "static"), name="live"),
    ]
