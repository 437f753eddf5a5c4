"""Table widgets: rows added with the table's add button, extra rows deleted, cells filled by column.

Header and body are separate tables in Element, so a column is found by its header's index. With a column
fixed to the right Element renders every row button twice; only the visible copy is clicked. Everything a row
needs is done within that row (its cells, its own add-institution button).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Locator, expect

from autofiler.errors import SessionExpired, SiteError
from autofiler.sheet_tables import header_columns
from autofiler.site import page_actions
from autofiler.site.compare import same
from autofiler.site.sitemap import Column, Field
from autofiler.site.widgets_element.institution_widget import fill_institution
from autofiler.site.widgets_element.widget_basics import PLAIN_KINDS, SHORT_MS, Ctx, fill_plain


def column_index(ctx: Ctx, table: Locator, field: Field) -> dict[str, int]:
    heads = table.locator(ctx.ui.table_header_cell).all_inner_texts()
    index = header_columns(heads, {c.key: c.label for c in field.columns})
    for c in field.columns:
        if c.key not in index:
            raise SiteError(f"表格 {field.label} 没有列 {c.label} / the table has no column {c.label} ({heads})")
    return index


def _confirm_if_asked(ctx: Ctx) -> None:
    box = ctx.page.locator(ctx.ui.message_box).filter(visible=True)
    if box.count():
        page_actions.activate(page_actions.visible_button(box.first, ctx.ui, ctx.map.buttons.confirm))


def fill_table(ctx: Ctx, item: Locator, field: Field, rows: list[dict[str, Any]],
               current: list[dict[str, Any]], *, fill_cell: Callable[..., None]) -> None:
    """`fill_cell` is the widget dispatch (a cell holds any widget kind)."""
    ui = ctx.ui
    table = item.locator(ui.table).first
    body = table.locator(ui.table_row)
    n = body.count()
    if n < len(rows):
        add = page_actions.visible_button(item, ui, field.add_button or "")
        for _ in range(len(rows) - n):
            page_actions.click(add)
        n = len(rows)
        expect(body).to_have_count(n, timeout=SHORT_MS)
    while n > len(rows):
        # The last row's own button; with a column fixed to the right, the shown copy is outside the row.
        own = page_actions.button(body.nth(n - 1), ui, ctx.map.buttons.delete_row).filter(visible=True)
        shown = page_actions.button(table, ui, ctx.map.buttons.delete_row).filter(visible=True).nth(n - 1)
        page_actions.activate(own.first if own.count() else shown)
        _confirm_if_asked(ctx)
        n -= 1
        expect(body).to_have_count(n, timeout=SHORT_MS)
    index = column_index(ctx, table, field)
    for i, row in enumerate(rows):
        before = current[i] if i < len(current) else {}
        tr = body.nth(i)
        plain: list[tuple[Column, Any, Any]] = []  # consecutive plain cells go to the page in one call
        for col in field.columns:
            want, have = row.get(col.key), before.get(col.key)
            if same(col.widget, want, have):
                continue
            if col.widget in PLAIN_KINDS and not (col.widget == "radio" and want is None):
                plain.append((col, want, have))
                continue
            _plain_cells(ctx, item, tr, field, i, index, plain, fill_cell)
            plain = []
            _cell(ctx, item, tr, field, i, index, col, want, have, fill_cell)
        _plain_cells(ctx, item, tr, field, i, index, plain, fill_cell)


def _plain_cells(ctx: Ctx, item: Locator, tr: Locator, field: Field, i: int, index: dict[str, int],
                 plain: list[tuple[Column, Any, Any]], fill_cell: Callable[..., None]) -> None:
    if not plain:
        return
    left = fill_plain(ctx, tr, [(index[col.key], col.widget, want) for col, want, _ in plain])
    for col, want, have in plain[left:] if left is not None else []:  # step by step, naming the reason
        _cell(ctx, item, tr, field, i, index, col, want, have, fill_cell)


def _cell(ctx: Ctx, item: Locator, tr: Locator, field: Field, i: int, index: dict[str, int], col: Column,
          want: Any, have: Any, fill_cell: Callable[..., None]) -> None:
    cell = tr.locator(":scope > td").nth(index[col.key])
    try:
        if col.widget == "institution":
            fill_institution(ctx, cell, want, owner=item, row=tr)
        else:
            fill_cell(ctx, col.widget, cell, want, have)
    except SessionExpired:
        raise
    except SiteError as e:
        raise SiteError(f"{field.label} 第{i + 1}行 {col.label} / row {i + 1}, {col.label}: {e.message}",
                        hint=e.hint) from None
