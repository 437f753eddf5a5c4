"""Jinja2 rendering of the mock's pages; --shuffle-dom is applied to every page here, per request."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from mock_site.catalog import PROVINCES, STATES
from mock_site.config import MockConfig
from mock_site.shuffle import PageDraws, shuffle_dom

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
# Page scripts, in load order; every page loads them all (they are small and cached).
SCRIPTS = ("core", "inputs", "select", "remote", "date", "table", "upload", "editor", "pages")


def _json_attr(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class Renderer:
    def __init__(self, config: MockConfig) -> None:
        self.config = config
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
            trim_blocks=True, lstrip_blocks=True,
        )
        self.env.filters["json_attr"] = _json_attr
        self.env.globals.update(
            fast=config.fast, captcha=config.captcha, states=STATES, provinces=list(PROVINCES),
            scripts=SCRIPTS, upload_limit_mb=config.upload_limit_mb,
        )
        self._draws = PageDraws(config.shuffle_dom, config.seed)

    def rng(self) -> random.Random | None:
        return self._draws.next()

    def page(self, template: str, rng: random.Random | None = None, http_status: int = 200,
             **context: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(**context)
        if self.config.shuffle_dom:
            html = shuffle_dom(html, rng or self.rng() or random.Random())
        return HTMLResponse(html, status_code=http_status)
