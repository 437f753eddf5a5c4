"""Reading controls in one pass: a simple widget's read is what COLLECT_JS gathers from its item (values, the
chosen option, the checked titles, shown file names), shaped by the widget; a tab's fields are found and read in
one call to the page, and only groups and picks are read one by one."""

from __future__ import annotations

from typing import Any, Protocol

from playwright.sync_api import Locator

from autofiler.site.maps.resolve import SiteField
from autofiler.site.widgets_classic.context import BY_LABEL, FIND_JS, GROUPS, Ctx, name_selector

# What one item holds, by `how`: input values, the chosen option's text of selects, the titles of checked
# inputs, or the texts of elements (file names).
COLLECT_JS = """(item, c) => {
  const els = [...item.querySelectorAll(c.css)];
  if (c.how === 'values') return els.map((e) => e.value);
  if (c.how === 'select') return els.map((s) => s.selectedIndex >= 0 && s.value !== '' ?
    s.options[s.selectedIndex].text.trim() : null);
  if (c.how === 'checked') return els.filter((e) => e.checked).map((e) => (e.title || e.value).trim());
  return els.map((e) => e.textContent.trim()).filter((t) => t);
}"""

# Every field of a list found (FIND_JS) and, where it is simple, collected: [position or -1, collected or null].
READ_JS = f"""(root, a) => a.fields.map((f) => {{
  const at = ({FIND_JS})(root, Object.assign({{}}, a.find, f.find));
  if (at < 0 || !f.collect) return [at, null];
  return [at, ({COLLECT_JS})(document.querySelectorAll(a.find.item)[at], f.collect)];
}})"""


class Collected(Protocol):
    def collect(self, ctx: Ctx, field: SiteField) -> dict[str, str]: ...

    def shape(self, field: SiteField, raw: list[Any]) -> Any: ...


def control_css(field: SiteField, css: str) -> str:
    """The field's own controls of this kind (by name when known), as Ctx.control finds them."""
    return f":is({css}):is({name_selector(field.name)})" if field.name else css


def collect(item: Locator, spec: dict[str, str]) -> list[Any]:
    got = item.evaluate_all(f"(els, c) => els.slice(0, 1).map((e) => ({COLLECT_JS})(e, c))", spec)
    return got[0] if got else []


def find_args(ctx: Ctx, field: SiteField) -> dict[str, Any]:
    by_name = bool(field.name) and field.widget not in BY_LABEL
    return {"name": name_selector(field.name) if by_name and field.name else None, "text": field.label,
            "first": field.widget in GROUPS}


def read_fields(ctx: Ctx, scope: Locator, fields: list[SiteField],
                strategies: dict[str, Any]) -> dict[str, tuple[bool, Any]]:
    """Each field: (shown, value). One call finds every field and reads the simple ones; the rest are read by
    their strategy on the item found."""
    ui = ctx.ui
    args = {"find": {"item": ui.form_item, "label": ui.form_item_label, "mark": ui.required_mark or ""},
            "fields": [{"find": find_args(ctx, f),
                        "collect": strategies[f.widget].collect(ctx, f) if hasattr(strategies[f.widget], "shape")
                        else None} for f in fields]}
    found = scope.evaluate(READ_JS, args)
    out: dict[str, tuple[bool, Any]] = {}
    for f, (at, raw) in zip(fields, found, strict=True):
        strategy = strategies[f.widget]
        if at < 0:
            out[f.key] = (False, None)
        elif raw is not None:
            out[f.key] = (True, strategy.shape(f, raw))
        else:
            out[f.key] = (True, strategy.read(ctx, ctx.page.locator(ui.form_item).nth(at), f))
    return out
