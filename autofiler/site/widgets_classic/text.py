"""Typed inputs: text, textarea, number, decimal, and a text field of several inputs sharing one name (关键词)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, expect

from autofiler.errors import SiteError
from autofiler.site.maps.resolve import SiteField
from autofiler.site.widgets_classic.context import SHORT_MS, Ctx

BOX = "input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=file]), textarea"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Typed:
    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        boxes = ctx.control(item, field, BOX)
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

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        boxes = ctx.control(item, field, BOX)
        values = [v.strip() for v in boxes.evaluate_all("(els) => els.map((e) => e.value)")]
        if field.inputs or len(values) > 1:
            return [v for v in values if v] or None
        return values[0] if values and values[0] else None
