"""Typed inputs: text, textarea, number, decimal, and a text field of several inputs sharing one name (关键词)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, expect

from autofiler.errors import SiteError
from autofiler.site.maps.resolve import SiteField
from autofiler.site.widgets_classic.context import SHORT_MS, Ctx
from autofiler.site.widgets_classic.reading import collect, control_css

BOX = "input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=file]), textarea"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# With declared text events: each input given its value by script, then told with those events, as typing tells
# the page; a disabled or read-only input is left as it is. Several values go one to an input, the rest emptied.
# Answers every input's value after, or null when there are more values than inputs.
SET_JS = """(els, [values, several, events]) => {
  if (several && values.length > els.length) return null;
  const want = several ? els.map((_, i) => i < values.length ? values[i] : '') : values.slice(0, els.length);
  want.forEach((v, i) => {
    const e = els[i];
    if (e.disabled || e.readOnly || e.value === v) return;
    e.value = v;
    events.forEach((name) => e.dispatchEvent(new Event(name, {bubbles: true})));
  });
  return {want, got: els.slice(0, want.length).map((e) => e.value), count: els.length};
}"""


class Typed:
    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        boxes = ctx.control(item, field, BOX)
        if ctx.ui.events.text:
            self._set(ctx, field, boxes, value)
            return
        if isinstance(value, list):  # several inputs of one name, one value each
            count = boxes.count()
            if len(value) > count:
                raise SiteError(f"{field.label}: {len(value)} values for {count} inputs")
            for i in range(count):
                box = boxes.nth(i)
                box.fill(_text(value[i]) if i < len(value) else "")
            return
        box = boxes.first
        box.fill(_text(value))
        expect(box).to_have_value(_text(value), timeout=SHORT_MS)

    def _set(self, ctx: Ctx, field: SiteField, boxes: Locator, value: Any) -> None:
        """Set by script and judged by the values the inputs hold after."""
        several = isinstance(value, list)
        texts = [_text(v) for v in value] if several else [_text(value)]
        r = boxes.evaluate_all(SET_JS, [texts, several, list(ctx.ui.events.text)])
        if r is None:
            raise SiteError(f"{field.label}: {len(texts)} values for fewer inputs")
        if not r["want"] or r["got"] != r["want"]:
            raise SiteError(f"{field.label}: 输入框未接受 / the input holds {r['got']!r}, not {texts!r}",
                            hint="a disabled or read-only input is not typed into")

    def collect(self, ctx: Ctx, field: SiteField) -> dict[str, str]:
        return {"how": "values", "css": control_css(field, BOX)}

    def shape(self, field: SiteField, raw: list[Any]) -> Any:
        values = [str(v).strip() for v in raw]
        if field.inputs or len(values) > 1:
            return [v for v in values if v] or None
        return values[0] if values and values[0] else None

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        return self.shape(field, collect(item, self.collect(ctx, field)))
