"""Widget drivers: fill and read each widget kind of the site map inside a form item (or a table cell).

The pickers (select, multiselect, institution, dates) live in pickers.py, tables in tables.py, uploads in
uploads.py; this module holds the simple kinds and the dispatch. `fill` gets the value the page shows now
(`current`), so a driver can leave alone what already matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from autofiler.errors import SiteError
from autofiler.site import ui as U
from autofiler.site.sitemap import Field, Section, SiteMap

READER_JS = Path(__file__).with_name("reader.js")
SHORT_MS = 3000


@cache
def reader_js() -> str:
    return READER_JS.read_text(encoding="utf-8")


@dataclass
class Ctx:
    """What every driver needs: the page, the site map, and the form item of the field being filled."""

    page: Page
    map: SiteMap

    @property
    def ui(self) -> Section:
        return self.map.ui


def ui_args(site_map: SiteMap) -> dict[str, Any]:
    return site_map.ui.as_dict()


def read(ctx: Ctx, kind: str, scope: Locator, columns: tuple = ()) -> Any:
    """The value one widget shows, in spec form (None when empty)."""
    cols = [{"key": c.key, "label": c.label, "widget": c.widget} for c in columns]
    handle = scope.element_handle()
    return ctx.page.evaluate(reader_js(), {"ui": ui_args(ctx.map), "scope": handle, "kind": kind, "columns": cols})


def fill_text(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    box = scope.locator(f"{ctx.ui.input}, {ctx.ui.textarea}").first
    box.fill("" if value is None else str(value))


def fill_number(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    box = scope.locator(ctx.ui.number_input).first
    text = "" if value is None else str(value)
    box.fill(text)
    ctx.page.keyboard.press("Enter")  # typed text commits on change, Enter fires it; the read-back checks it


def fill_radio(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    if value is None:
        return  # a radio group cannot be emptied; the read-back reports it
    ui = ctx.ui
    option = scope.locator(ui.radio).filter(has=ctx.page.locator(ui.radio_text).filter(has_text=U.exact(str(value))))
    try:
        option.first.press("Space", timeout=SHORT_MS)  # a radio takes Space, as from the keyboard
        expect(option.first).to_have_class(U.class_pattern(ui.radio_checked), timeout=SHORT_MS)
    except (PlaywrightError, AssertionError):
        shown = [t.strip() for t in scope.locator(ui.radio_text).all_inner_texts()]
        raise SiteError(f"选项无法选择 / option {value!r} could not be chosen (offered: {', '.join(shown)})") from None


def fill(ctx: Ctx, kind: str, scope: Locator, value: Any, current: Any = None, *,
         field: Field | None = None, force: bool = False) -> None:
    """Fill one widget; `field` is the site-map field (tables, uploads and institutions need it)."""
    from autofiler.site import pickers, tables, uploads

    if kind in ("text", "textarea"):
        fill_text(ctx, scope, value, current)
    elif kind == "number":
        fill_number(ctx, scope, value, current)
    elif kind == "radio":
        fill_radio(ctx, scope, value, current)
    elif kind == "select":
        pickers.fill_select(ctx, scope, value, current)
    elif kind == "multiselect":
        pickers.fill_multiselect(ctx, scope, value, current)
    elif kind == "date":
        pickers.fill_date(ctx, scope, value, current)
    elif kind == "daterange":
        pickers.fill_daterange(ctx, scope, value, current)
    elif kind == "institution":
        pickers.fill_institution(ctx, scope, value, current)
    elif kind == "table":
        assert field is not None
        tables.fill_table(ctx, scope, field, value or [], current or [])
    elif kind == "file":
        uploads.fill_file(ctx, scope, value, current or [], force=force)
    elif kind == "files":
        uploads.fill_files(ctx, scope, value or [], current or [], force=force)
    else:
        raise SiteError(f"unknown widget kind {kind!r}")
