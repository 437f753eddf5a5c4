"""autofiler institutions TEXT [--json]: the site's registered institutions whose name holds TEXT, searched as
the participating-unit picker does (the request the site map declares), with their province and city.

The site map is the shipped one of `--form` (default live-2026, the form the registry shows) or `--selectors`.
Exit 0 with the matches (none is not an error: `[]` with --json); 1 when the site map declares no search."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from autofiler.errors import ConfigError
from autofiler.site.lists.institution_lookup import Institution, declared, search

DEFAULT_FORM = "live-2026"


def run(args: Any) -> int:
    from autofiler.site.maps.choose import for_spec

    text = str(getattr(args, "text", "") or "").strip()
    if not text:
        raise ConfigError("请给出要搜索的机构名称 / give a text to search institution names for")
    selectors = getattr(args, "selectors", None)
    form = getattr(args, "form", None) or DEFAULT_FORM
    map_path, family = for_spec(_generation(selectors) if selectors else form, selectors)
    how = declared(map_path)  # before a browser starts
    found = _search_classic(args, map_path, how, text) if family == "classic" else _search_element(args, how, text)
    show(found, text, as_json=bool(getattr(args, "json", False)))
    return 0


def _generation(selectors: str) -> str:
    from pathlib import Path

    from autofiler.site.maps.choose import generation_of
    from autofiler.site.maps.resolve import read_yaml

    return generation_of(read_yaml(Path(selectors)))


def _search_classic(args: Any, map_path: Any, how: Any, text: str) -> list[Institution]:
    from autofiler.filing.classic_common import setup
    from autofiler.site.session.classic_session import open_classic

    settings, site = setup(args, map_path)
    with open_classic(settings, site) as session:
        return search(session.page.request, settings.site, how, text)


def _search_element(args: Any, how: Any, text: str) -> list[Institution]:
    from autofiler import config
    from autofiler.site.session.site_session import open_site

    settings = config.resolve(args)
    with open_site(settings) as site:
        return search(site.page.request, settings.site, how, text)


def show(found: list[Institution], text: str, *, as_json: bool, out: Any = None) -> None:
    out = out or sys.stdout
    if as_json:
        print(json.dumps([i.as_dict() for i in found], ensure_ascii=False, indent=2), file=out)
        return
    console = Console(file=out, highlight=False, soft_wrap=True)
    if not found:
        console.print(f"没有找到名称含“{text}”的已注册机构 / no registered institution's name holds “{text}”",
                      markup=False)
        return
    table = Table(box=box.SIMPLE, show_edge=False)
    for head in ("机构名称 / name", "省份 / province", "城市 / city"):
        table.add_column(head)
    for i in found:
        table.add_row(i.name, i.province, i.city)
    console.print(table)
    console.print(f"{len(found)} 个已注册机构 / registered institution(s)", markup=False)
