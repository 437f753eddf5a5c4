"""The widget strategy interface shared by the UI families.

A strategy drives one widget kind of one UI family: `fill` makes the widget show a value, `read` returns the value
its chosen state shows (the selected option, the checked input, the rows present, the picked items, the uploaded
file's name), never text merely typed. A family is a mapping from widget kind to strategy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from playwright.sync_api import Locator


class WidgetStrategy(Protocol):
    def fill(self, ctx: Any, item: Locator, field: Any, value: Any) -> None:
        """Make the widget of `field` inside `item` (its form item, or a row) show `value`."""

    def read(self, ctx: Any, item: Locator, field: Any) -> Any:
        """The value the widget's chosen state shows, in spec form; None when empty."""


Family = Mapping[str, WidgetStrategy]
