"""Routes of the Element face: the genuine library files, the app's own scripts, its JSON and one HTML shell.

Every page is the same shell; the app reads the address and renders the page in the browser. With history routes
each page has its own path (`/projects`); with hash routes the server knows only `/` and the page is in the
fragment (`/#/projects`), so a page path asked of the server is redirected there.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from mock_site.element import element_api
from mock_site.mock_config import MockConfig

HERE = Path(__file__).parent
NODE_MODULES = HERE.parent / "node_modules"
LIBS = {"vue": NODE_MODULES / "vue" / "dist", "element-ui": NODE_MODULES / "element-ui" / "lib"}
# The page paths of SITE.md; the app's router knows the same list.
PAGES = ("/login", "/profile/complete", "/quickstart", "/projects", "/projects/{id:int}/edit",
         "/projects/{id:int}/progress", "/projects/{id:int}", "/subcenters", "/profile", "/admin/accounts",
         "/admin/review")


def app_settings(config: MockConfig) -> dict[str, Any]:
    """The switches the page obeys, given to it in the shell."""
    return {
        "routes": getattr(config, "routes", "history"),
        "captcha": config.captcha,
        "fast": config.fast,
        "submitConfirm": getattr(config, "submit_confirm", True),
        "institutionButton": getattr(config, "institution_button", "row"),
        "uploadLimitMb": config.upload_limit_mb,
    }


def shell_html(config: MockConfig, shuffle_seed: int | None = None) -> str:
    text = (HERE / "shell.html").read_text(encoding="utf-8")
    values = app_settings(config)
    if shuffle_seed is not None:  # --shuffle-dom: the page draws its order, aliases and classes from this
        values["shuffleSeed"] = shuffle_seed
    settings = json.dumps(values, ensure_ascii=False).replace("</", "<\\/")
    return text.replace("__SETTINGS__", settings)


def shuffle_seeds(config: MockConfig) -> Iterator[int]:
    """A new seed per page load; from --seed, the same sequence on every run."""
    rng = random.Random(config.seed)
    while True:
        yield rng.randrange(1, 2**31)


def routes(config: MockConfig) -> list[BaseRoute]:
    missing = [str(p) for p in LIBS.values() if not p.is_dir()]
    if missing:
        raise SystemExit(f"the Element face needs the npm packages ({', '.join(missing)} missing): "
                         "run `npm ci` in mock_site/ (it reads package-lock.json)")
    html = shell_html(config)
    seeds = shuffle_seeds(config)

    def shell(request: Request) -> Response:
        page = shell_html(config, next(seeds)) if config.shuffle_dom else html
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})

    def to_fragment(request: Request) -> Response:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/#{request.url.path}{query}", status_code=303)

    page = to_fragment if getattr(config, "routes", "history") == "hash" else shell
    out: list[BaseRoute] = [Route("/", shell)]
    out += [Route(path, page) for path in PAGES]
    out += [Mount(f"/static/lib/{name}", StaticFiles(directory=path), name=f"lib-{name}") for name, path in LIBS.items()]
    out.append(Mount("/static/element", StaticFiles(directory=HERE / "static"), name="element"))
    out += element_api.routes()
    return out
