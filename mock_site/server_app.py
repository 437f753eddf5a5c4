"""Assembles the mock: state (registry, sessions, faults, captchas), the pages, the XHR API and the control API."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute

from mock_site import api_admin, api_filing, api_lists, control
from mock_site.api_errors import ApiError, Conflict, Invalid, UploadRejected
from mock_site.captcha import Captchas
from mock_site.db import Registry
from mock_site.faults import Faults
from mock_site.mock_config import MockConfig
from mock_site.seed import seed_base
from mock_site.sessions import SessionStore


def _page_routes(registry: Registry, config: MockConfig) -> list[BaseRoute]:
    if config.face == "live-2026":
        from mock_site.live import form as live_form
        from mock_site.live import (
            live_routes as live,  # the 2026 form, server-rendered, enhanced by genuine layui
        )

        live_form.use_file(config.form_file)
        return live.routes(registry, config)
    from mock_site.element import element_routes as element  # the single-page app on genuine Element UI

    return element.routes(config)


def _error(status: int) -> Any:
    async def handler(request: Request, exc: Exception) -> Response:
        return JSONResponse({"message": str(exc)}, status_code=status)
    return handler


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return JSONResponse({"message": exc.message, **exc.extra}, status_code=exc.status)


def create_app(config: MockConfig | None = None, registry: Registry | None = None) -> Starlette:
    config = config or MockConfig()
    registry = registry or Registry(config.db, config.upload_limit)
    if registry.is_empty():
        seed_base(registry)
    routes = _page_routes(registry, config)
    routes += api_filing.routes() + api_lists.routes() + api_admin.routes()
    if config.control:
        routes += control.routes()
    app = Starlette(routes=routes, exception_handlers={
        ApiError: _api_error, Invalid: _error(400), UploadRejected: _error(400), Conflict: _error(409),
    })
    app.state.config = config
    app.state.registry = registry
    app.state.sessions = SessionStore(config.session_ttl)
    app.state.faults = Faults(config.seed)
    app.state.captchas = Captchas(config.seed)
    return app
