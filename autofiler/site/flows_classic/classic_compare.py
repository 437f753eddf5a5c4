"""Comparing a tab's spec values with what the reloaded page shows: one normal form per widget kind.

Empty is empty whatever its shape; text is trimmed; numbers compare as numbers; ticked boxes and picked items as
sets; rows in order, each by the cells the spec gives; a file by its name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autofiler.site.compare import _empty, _text  # one notion of empty and of text for both families
from autofiler.site.maps.resolve import SiteField, SiteTab

SETS = frozenset({"checkbox_group", "multiselect"})
ROWS = frozenset({"repeat_group", "table"})
FILES = frozenset({"pdf", "file", "files"})


def normal(f: SiteField, value: Any) -> Any:
    if _empty(value) or not isinstance(value, str | int | float | list | tuple | dict | dt.date):
        return None
    w = f.widget
    if w in ("number", "decimal"):
        try:
            n = float(value)
        except (TypeError, ValueError):
            return _text(value)
        return int(n) if n.is_integer() else n
    if w == "daterange" and isinstance(value, dict):
        return (_text(value.get("start") or ""), _text(value.get("end") or ""))
    if w in FILES:
        items = value if isinstance(value, list | tuple) else [value]
        return tuple(sorted(Path(str(v)).name for v in items if not _empty(v))) or None
    if w in ROWS and isinstance(value, list | tuple):
        rows = []
        for row in value:
            row = row if isinstance(row, dict) else {}
            cells = tuple((c.key, normal(c, row.get(c.key))) for c in f.columns)
            rows.append(tuple(c for c in cells if c[1] is not None))
        return tuple(rows) or None
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], dict):  # picked rows: as a set of their cells
            return tuple(sorted(tuple(sorted((k, _text(v)) for k, v in r.items() if not _empty(v))) for r in value))
        items = [_text(v) for v in value if not _empty(v)]
        return tuple(sorted(items)) if w in SETS or w == "modal_pick" else tuple(items)
    if isinstance(value, dict) and "name" in value:  # an institution given with its details
        return _text(value["name"])
    return _text(value)


@dataclass(frozen=True)
class Difference:
    key: str
    label: str
    want: Any
    have: Any


def show(value: Any) -> str:
    if _empty(value) or not isinstance(value, str | int | float | list | tuple | dict | dt.date):
        return "（空或未显示 / empty or not shown）"
    if isinstance(value, dict) and {"start", "end"} <= set(value):
        return f"{value.get('start')} 至 {value.get('end')}"
    if isinstance(value, list | tuple):
        return "、".join(show(v) if not isinstance(v, dict) else "/".join(_text(x) for x in v.values() if x)
                        for v in value)
    text = _text(value)
    return text if len(text) <= 80 else text[:77] + "..."


def differences(tab: SiteTab, want: dict[str, Any], have: dict[str, Any]) -> list[Difference]:
    out = []
    for key, value in want.items():
        f = tab.field(key)
        if f is None:
            continue
        if normal(f, value) != normal(f, have.get(key)):
            out.append(Difference(key, f.label, value, have.get(key)))
    return out
