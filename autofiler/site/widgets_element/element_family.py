"""The Element UI family behind the widget strategy interface: each kind delegates to the existing drivers
(widgets, pickers, tables, uploads), so that a flow can drive either family through one interface."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator

from autofiler.site.strategy import WidgetStrategy
from autofiler.site.widgets_element import element_widgets


class ElementKind:
    """One Element widget kind: `ctx` is a element_widgets.Ctx, `field` a sop site-map Field."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def fill(self, ctx: Any, item: Locator, field: Any, value: Any) -> None:
        # What the widget shows now decides what to change (rows to add, files to replace, tags to toggle).
        element_widgets.fill(ctx, self.kind, item, value, self.read(ctx, item, field), field=field)

    def read(self, ctx: Any, item: Locator, field: Any) -> Any:
        return element_widgets.read(ctx, self.kind, item, getattr(field, "columns", ()))


FAMILY: dict[str, WidgetStrategy] = {kind: ElementKind(kind) for kind in (
    "text", "textarea", "number", "date", "daterange", "radio", "select", "multiselect", "institution", "table",
    "file", "files")}
