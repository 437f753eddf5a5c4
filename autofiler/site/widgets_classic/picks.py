"""Selection dialogs that fill a table in the form, and autocomplete inputs.

A pick: open the dialog with the field's button, search, tick the row whose column reads the wanted value exactly,
confirm, and wait until the form's table lists it. Read as the rows of that table. An autocomplete: type, wait
for the suggestion list to offer the exact item, click it; judged by the input's value after the list closed."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, expect

from autofiler.errors import SiteError
from autofiler.sheet_tables import header_columns
from autofiler.site.maps.resolve import SiteField
from autofiler.site.widgets_classic.context import SHORT_MS, Ctx, exact
from autofiler.site.widgets_classic.reading import collect, control_css
from autofiler.site.widgets_classic.text import BOX

SEARCH_MS = 10_000

# The search has settled when the table shows its header, every row shown reads the query somewhere and one
# cell reads it exactly.
SETTLED_JS = """
([scope, rowSel, headSel, column, text]) => {
  const shown = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const rows = [...scope.querySelectorAll(rowSel)].filter(shown);
  const heads = [...scope.querySelectorAll(headSel)].filter(shown).map((h) => h.textContent.trim());
  return heads.includes(column) && rows.length > 0 && rows.every((r) => r.textContent.includes(text))
    && rows.some((r) => [...r.children].some((c) => c.textContent.trim() === text));
}
"""

TABLE_JS = """
(scope, [headSel, rowSel]) => {
  const shown = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const heads = [...scope.querySelectorAll(headSel)].filter(shown).map((h) => h.textContent.trim());
  const rows = [...scope.querySelectorAll(rowSel)].filter(shown)
    .map((r) => [...r.children].map((c) => c.textContent.trim()));
  return {heads, rows: rows.filter((r) => r.some((c) => c))};
}
"""


def table(ctx: Ctx, scope: Locator) -> tuple[list[str], list[list[str]]]:
    got = scope.evaluate(TABLE_JS, [ctx.ui.table_header, ctx.ui.table_row])
    return got["heads"], got["rows"]


def _columns(field: SiteField) -> dict[str, str]:
    assert field.pick is not None
    return field.pick.columns or {"": field.pick.search_column}


def _as_dicts(heads: list[str], rows: list[list[str]], columns: dict[str, str]) -> list[dict[str, str]]:
    at = header_columns(heads, columns)
    return [{k: r[i] for k, i in at.items() if i < len(r)} for r in rows]


class ModalPick:
    def _want(self, field: SiteField, value: Any) -> list[dict[str, str]]:
        items = value if isinstance(value, list) else [value] if value else []
        if field.pick and field.pick.columns:
            return [{k: str(v) for k, v in dict(i).items() if k in field.pick.columns} for i in items]
        return [{"": str(i)} for i in items]

    def _picked(self, ctx: Ctx, item: Locator, field: SiteField) -> list[dict[str, str]]:
        heads, rows = table(ctx, item)
        return _as_dicts(heads, rows, _columns(field))

    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        if field.pick is None:
            raise SiteError(f"{field.label}: the site map names no selection dialog (tabs.*.fields.*.pick)")
        have = self._picked(ctx, item, field)
        for want in self._want(field, value):
            if want not in have:
                self._pick_one(ctx, item, field, want)
                have = self._picked(ctx, item, field)
                if want not in have:
                    raise SiteError(f"{field.label}: {'/'.join(want.values())} 未出现在表中 / was not listed "
                                    "after the dialog closed")

    def _pick_one(self, ctx: Ctx, item: Locator, field: SiteField, want: dict[str, str]) -> None:
        assert field.pick is not None
        key_col = next((k for k, v in _columns(field).items() if v == field.pick.search_column), "")
        text = want.get(key_col, next(iter(want.values())))
        ctx.click(ctx.button(item, field.pick.open))
        dialog = ctx.dialog()
        dialog.wait_for(state="visible", timeout=SHORT_MS)
        box = dialog.locator(ctx.ui.search_input).first
        box.fill(text)
        if ctx.buttons.search and ctx.button(dialog, ctx.buttons.search).count():
            ctx.click(ctx.button(dialog, ctx.buttons.search))
        else:
            box.press("Enter")
        try:
            ctx.page.wait_for_function(SETTLED_JS, arg=[dialog.element_handle(), ctx.ui.table_row,
                                                        ctx.ui.table_header, field.pick.search_column, text],
                                       timeout=SEARCH_MS)
        except PlaywrightError:
            raise SiteError(f"{field.label}: 搜索 {text} 没有结果 / the dialog found no {text!r}") from None
        heads, rows = table(ctx, dialog)
        found = _as_dicts(heads, rows, _columns(field))
        match = [i for i, r in enumerate(found) if all(r.get(k) == v for k, v in want.items())]
        if not match:
            raise SiteError(f"{field.label}: 对话框中没有 {'/'.join(want.values())} / no such row in the dialog "
                            f"(columns {heads}, rows {rows[:3]})")
        shown = dialog.locator(ctx.ui.table_row).filter(visible=True)
        target = shown.filter(has=ctx.page.locator("td")).nth(match[0])
        ctx.tick(target.locator(ctx.ui.table_check).first)
        expect(target.locator("input[type=checkbox]").first).to_be_checked(timeout=SHORT_MS)
        ctx.click(ctx.dialog_button(dialog, ctx.buttons.ok))
        expect(dialog).to_be_hidden(timeout=SHORT_MS)

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        if field.pick is None:
            return None
        rows = self._picked(ctx, item, field)
        if field.pick.columns:
            return rows or None
        return [r[""] for r in rows if r.get("")] or None


class Autocomplete:
    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        text = "" if value is None else str(value.get("name", "") if isinstance(value, dict) else value)
        box = ctx.control(item, field, BOX).first
        if box.input_value().strip() == text:
            return
        box.fill(text)  # one input event: one search
        if not text:
            return
        items = ctx.page.locator(ctx.ui.suggestion).filter(visible=True)
        attr = ctx.ui.suggestion_value
        option = (items.and_(ctx.page.locator(f'[{attr}="{text}"]')) if attr else items.filter(has_text=exact(text)))
        option = option.first
        try:  # the list answers the query (with its items, or a line saying there are none)
            items.first.wait_for(state="visible", timeout=SEARCH_MS)
        except PlaywrightError:
            pass  # no list at all: the typed text stands
        if option.count():
            ctx.click(option)
        else:
            box.press("Escape")  # not in the site's library: the typed text stands, as a person leaves it
        expect(box).to_have_value(text, timeout=SHORT_MS)

    def collect(self, ctx: Ctx, field: SiteField) -> dict[str, str]:
        return {"how": "values", "css": control_css(field, BOX)}

    def shape(self, field: SiteField, raw: list[Any]) -> Any:
        return (str(raw[0]).strip() or None) if raw else None

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        return self.shape(field, collect(item, self.collect(ctx, field)))
