"""What the page shows of a spec of a catalog-driven generation: a field the page hides has no value, so the
conditions that read it never hold; tabs, controls and the columns of each row are judged the same way."""

from __future__ import annotations

from typing import Any

from autofiler.forms import conditions
from autofiler.forms.catalog import CHOICE_WIDGETS
from autofiler.forms.conditions import Lookup
from autofiler.spec import values
from autofiler.spec.catalog_index import Control, Index


class Scope:
    """Values as the page sees them: a field the page hides has no value, so conditions on it never hold."""

    def __init__(self, index: Index, data: dict[str, Any]) -> None:
        self.index = index
        self.data = data
        self._shown: dict[str, bool] = {}
        self._values: dict[str, Any] = {}
        self._tabs: dict[str, bool] = {}
        self._active: set[str] = set()  # keys whose shown() is under way: their values may still change

    def raw(self, key: str) -> Any:
        c = self.index.controls.get(key) or self.index.twins.get(key)
        if c is None:
            return None
        section = self.data.get(c.module.key)
        return section.get(key) if isinstance(section, dict) else None

    def value(self, name: str) -> Any:
        """What the page shows for a key (or the column values of a group's shown rows: `group.column`)."""
        if name in self._values:
            return self._values[name]
        found = self._value(name)
        if name.partition(".")[0] not in self._active:  # settled: its own condition is not being worked out
            self._values[name] = found
        return found

    def _value(self, name: str) -> Any:
        group, _, column = name.partition(".")
        if column:  # a column named outside its rows: the values of every row that shows it
            rows = self.raw(group) if self.shown(group) else None
            c = self.index.controls.get(group)
            col = c.column(column) if c else None
            if not isinstance(rows, list) or col is None or c is None:
                return None
            return [r.get(column) for r in rows if isinstance(r, dict) and self.shown_in_row(c, col, r)]
        if not self.shown(name):
            return None
        value = self.raw(name)
        c = self.index.controls.get(name)
        if c and c.field.widget in CHOICE_WIDGETS and not c.field.dictionary and isinstance(value, str):
            # an option the page cannot show is never chosen: conditions on it do not hold
            choices = values.option_choices(c.field, self.value(c.parent) if c.parent else None)
            if choices and value not in choices:
                return None
        return value

    def module_shown(self, key: str) -> bool:
        found = self._tabs.get(key)
        if found is None:
            mod = self.index.module(key)
            found = mod is not None and (not mod.visible_if or conditions.holds(mod.visible_if, self.value))
            self._tabs[key] = found
        return found

    def shown(self, key: str) -> bool:
        if key in self._shown:
            return self._shown[key]
        self._shown[key] = False  # a condition that leads back to itself does not hold
        self._active.add(key)
        try:
            c = self.index.controls.get(key)
            result = c is not None and self.module_shown(c.module.key) and all(
                cond.holds(self.value) for cond in c.conds)
        finally:
            self._active.discard(key)
        self._shown[key] = result
        return result

    def failing(self, c: Control, lookup: Lookup) -> str | None:
        """The first condition that hides a control (its tab's first), or None when it is shown."""
        mod = c.module
        if mod.visible_if and not conditions.holds(mod.visible_if, self.value):
            return mod.visible_if
        return next((expr for expr in c.shows if not conditions.holds(expr, lookup)), None)

    def row_lookup(self, group: Control, row: dict[str, Any]) -> Lookup:
        prefix = group.key + "."
        return lambda name: self._in_row(group, row, name[len(prefix):]) if name.startswith(prefix) else \
            self.value(name)

    def _in_row(self, group: Control, row: dict[str, Any], column: str) -> Any:
        col = group.column(column)
        return row.get(column) if col and self.shown_in_row(group, col, row) else None

    def shown_in_row(self, group: Control, col: Control, row: dict[str, Any], depth: int = 0) -> bool:
        if depth > 8:
            return False
        prefix = group.key + "."

        def lookup(name: str) -> Any:
            if name.startswith(prefix):
                inner = group.column(name[len(prefix):])
                ok = inner is not None and self.shown_in_row(group, inner, row, depth + 1)
                return row.get(name[len(prefix):]) if ok else None
            return self.value(name)
        return all(cond.holds(lookup) for cond in col.conds)

    def required(self, c: Control, lookup: Lookup) -> bool:
        return c.need is True or (not isinstance(c.need, bool) and c.need.holds(lookup))

    @property
    def published(self) -> bool:
        when = self.index.twins_when
        return bool(when) and conditions.holds(when, self.value)  # type: ignore[arg-type]
