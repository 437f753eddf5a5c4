"""Repeating groups: rows added with the group's add button, every cell filled inside its own row, surplus rows
deleted with the row's delete button (answering the 是/否 confirm). Read as the rows present."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from playwright.sync_api import Locator, expect

from autofiler.errors import SiteError
from autofiler.site.maps.resolve import SiteField
from autofiler.site.strategy import WidgetStrategy
from autofiler.site.widgets_classic.context import SHORT_MS, Ctx
from autofiler.site.widgets_classic.reading import read_fields


def _empty(v: Any) -> bool:
    return v is None or v == "" or v == [] or v == {}


def answer_confirm(ctx: Ctx, text: str) -> None:
    """Answer the confirm dialog now shown with the button reading `text`, and wait for it to close."""
    dialog = ctx.dialog()
    dialog.wait_for(state="visible", timeout=SHORT_MS)
    ctx.click(ctx.dialog_button(dialog, text))
    expect(dialog).to_be_hidden(timeout=SHORT_MS)


class RepeatGroup:
    def __init__(self, cells: Mapping[str, WidgetStrategy]) -> None:
        self.cells = cells

    def rows(self, ctx: Ctx, item: Locator) -> Locator:
        return item.locator(ctx.ui.repeat_row)

    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        wanted: list[dict[str, Any]] = list(value or [])
        rows = self.rows(ctx, item)
        add = field.add_button or ctx.buttons.add_row
        while rows.count() < max(len(wanted), 1):
            n = rows.count()
            ctx.click(ctx.button(item, add))
            expect(rows).to_have_count(n + 1, timeout=SHORT_MS)
        while rows.count() > max(len(wanted), 1):
            n = rows.count()
            ctx.click(ctx.button(rows.nth(n - 1), field.delete_button or ctx.buttons.delete_row))
            if field.delete_confirm:
                answer_confirm(ctx, ctx.buttons.answer_yes)
            expect(rows).to_have_count(n - 1, timeout=SHORT_MS)
        for i, want in enumerate(wanted):
            row = rows.nth(i)
            for col in field.columns:  # catalog order: a cell that reveals others comes first
                if col.key not in want or _empty(want[col.key]) and _empty(self._read_cell(ctx, row, col)):
                    continue
                cell = ctx.item(row, col)
                try:
                    self._strategy(col).fill(ctx, cell, col, want[col.key])
                except SiteError as e:
                    raise SiteError(f"第{i + 1}行 {col.label}: {e.message}") from None

    def _strategy(self, col: SiteField) -> WidgetStrategy:
        try:
            return self.cells[col.widget]
        except KeyError:
            raise SiteError(f"{col.label}: no strategy for a {col.widget} cell") from None

    def _read_cell(self, ctx: Ctx, row: Locator, col: SiteField) -> Any:
        cell = ctx.item(row, col)
        if cell.count() == 0 or not cell.is_visible():
            return None
        return self._strategy(col).read(ctx, cell, col)

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        out = []
        rows = self.rows(ctx, item)
        for i in range(rows.count()):
            got = read_fields(ctx, rows.nth(i), list(field.columns), self.cells)  # a cell not shown reads empty
            values = {k: v for k, (_shown, v) in got.items() if not _empty(v)}
            if values:
                out.append(values)
        return out or None
