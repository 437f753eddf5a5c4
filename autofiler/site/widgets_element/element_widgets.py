"""Widget drivers: fill and read each widget kind of the site map inside a form item (or a table cell).

The pickers (select, multiselect, dates) live in pickers.py, the institution search in institution_widget.py, tables
in tables.py, uploads in uploads.py; this module holds the simple kinds and the dispatch. A widget counts as
filled by its chosen state only (the committed value, the checked radio), which each driver checks before it
returns. `fill` gets the value the page shows now (`current`), so a driver can leave alone what already matches.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator

from autofiler.errors import SiteError
from autofiler.site.sitemap import Field
from autofiler.site.widgets_element import institution_widget, pickers, tables, uploads
from autofiler.site.widgets_element.widget_basics import (
    PLAIN_KINDS,
    Ctx,
    fill_number,
    fill_plain,
    fill_radio,
    fill_text,
    read,
    reader_js,
    ui_args,
)

__all__ = ["PLAIN_KINDS", "Ctx", "fill", "fill_plain", "read", "reader_js", "ui_args"]


def fill(ctx: Ctx, kind: str, scope: Locator, value: Any, current: Any = None, *,
         field: Field | None = None, force: bool = False) -> None:
    """Fill one widget; `field` is the site-map field (tables need it)."""
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
        institution_widget.fill_institution(ctx, scope, value, owner=scope)
    elif kind == "table":
        assert field is not None
        tables.fill_table(ctx, scope, field, value or [], current or [], fill_cell=fill)
    elif kind == "file":
        uploads.fill_file(ctx, scope, value, current or [], force=force)
    elif kind == "files":
        uploads.fill_files(ctx, scope, value or [], current or [], force=force)
    else:
        raise SiteError(f"unknown widget kind {kind!r}")
