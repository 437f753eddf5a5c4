"""Table widgets: rows added with the table's add button, extra rows deleted, cells filled by column.

Header and body are separate tables in Element, so a column is found by its header's index. With a column
fixed to the right Element renders every row button twice; only the visible copy is clicked.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, expect

from autofiler.errors import SessionExpired, SiteError
from autofiler.site import ui as U
from autofiler.site.compare import same
from autofiler.site.sitemap import Field
from autofiler.site.widgets import SHORT_MS, Ctx, fill


def column_index(ctx: Ctx, table: Locator, field: Field) -> dict[str, int]:
    heads = [h.strip() for h in table.locator(ctx.ui.table_header_cell).all_inner_texts()]
    index = {}
    for c in field.columns:
        if c.label not in heads:
            raise SiteError(f"表格 {field.label} 没有列 {c.label} / the table has no column {c.label} ({heads})")
        index[c.key] = heads.index(c.label)
    return index


def _confirm_if_asked(ctx: Ctx) -> None:
    box = ctx.page.locator(ctx.ui.message_box).filter(visible=True)
    if box.count():
        U.activate(U.visible_button(box.first, ctx.ui, ctx.map.buttons.confirm))


def fill_table(ctx: Ctx, item: Locator, field: Field, rows: list[dict[str, Any]],
               current: list[dict[str, Any]]) -> None:
    from autofiler.site.pickers import fill_institution

    ui = ctx.ui
    table = item.locator(ui.table).first
    body = table.locator(ui.table_row)
    n = body.count()
    if n < len(rows):
        add = U.visible_button(item, ui, field.add_button or "")
        for _ in range(len(rows) - n):
            U.activate(add)
        n = len(rows)
        expect(body).to_have_count(n, timeout=SHORT_MS)
    while n > len(rows):
        U.activate(U.button(table, ui, ctx.map.buttons.delete_row).filter(visible=True).nth(n - 1))
        _confirm_if_asked(ctx)
        n -= 1
        expect(body).to_have_count(n, timeout=SHORT_MS)
    index = column_index(ctx, table, field)
    for i, row in enumerate(rows):
        before = current[i] if i < len(current) else {}
        cells = body.nth(i).locator(":scope > td")
        for col in field.columns:
            want, have = row.get(col.key), before.get(col.key)
            if same(col.widget, want, have):
                continue
            cell = cells.nth(index[col.key])
            try:
                if col.widget == "institution":
                    fill_institution(ctx, cell, want, have, owner=item)
                else:
                    fill(ctx, col.widget, cell, want, have)
            except SessionExpired:
                raise
            except SiteError as e:
                raise SiteError(f"{field.label} 第{i + 1}行 {col.label} / row {i + 1}, {col.label}: {e.message}",
                                hint=e.hint) from None
