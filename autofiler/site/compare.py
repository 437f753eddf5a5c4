"""Comparing spec values with what the site shows: one normal form per widget kind, and per-module diffs.

Pure functions: no browser. Empty is empty whatever its shape (None, "", [], {}); text is compared trimmed; a
multiselect or a file list as a set; a file by its name; an institution by its name; numbers as numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autofiler.site.sitemap import Field, Module

ABSENT = object()  # the field's form item is not on the page


def _empty(v: Any) -> bool:
    return v is None or v == "" or v == [] or v == {}


def _text(v: Any) -> str:
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def normal(kind: str, value: Any, columns: tuple = ()) -> Any:
    """The comparable form of a value for a widget kind."""
    if value is ABSENT or _empty(value):
        return None
    if kind == "number":
        try:
            n = float(value)
        except (TypeError, ValueError):
            return _text(value)
        return int(n) if n.is_integer() else n
    if kind == "daterange":
        if isinstance(value, dict):
            start, end = value.get("start"), value.get("end")
            if _empty(start) and _empty(end):
                return None
            return (_text(start) if start else None, _text(end) if end else None)
        return _text(value)
    if kind == "multiselect":
        return tuple(sorted(_text(v) for v in value)) if isinstance(value, list | tuple) else (_text(value),)
    if kind == "institution":
        return _text(value.get("name", "")) if isinstance(value, dict) else _text(value)
    if kind in ("file", "files"):
        items = value if isinstance(value, list | tuple) else [value]
        return tuple(sorted(Path(str(v)).name for v in items if not _empty(v))) or None
    if kind == "table":
        rows = []
        for row in value:
            row = row or {}
            rows.append(tuple(normal(c.widget, row.get(c.key), ()) for c in columns))
        return tuple(rows) or None
    return _text(value)


def same(kind: str, want: Any, have: Any, columns: tuple = ()) -> bool:
    return normal(kind, want, columns) == normal(kind, have, columns)


@dataclass(frozen=True)
class Diff:
    key: str
    label: str
    want: Any
    have: Any  # ABSENT when the page does not show the field


def show(value: Any) -> str:
    """A short human text for a value in a diff line."""
    if value is ABSENT:
        return "（页面上没有 / not on the page）"
    if _empty(value):
        return "（空 / empty）"
    if isinstance(value, dict) and set(value) >= {"start", "end"}:
        return f"{value.get('start')} 至 {value.get('end')}"
    if isinstance(value, dict) and "name" in value:
        return str(value["name"])
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], dict):
            return f"{len(value)} 行 / rows: " + "; ".join(
                ", ".join(show(v) for v in row.values() if not _empty(v)) for row in value)
        return "、".join(show(v) for v in value)
    if isinstance(value, str) and ("/" in value or "\\" in value) and value.lower().endswith(".pdf"):
        return Path(value).name
    text = _text(value)
    return text if len(text) <= 80 else text[:77] + "..."


def twin_key(f: Field) -> str:
    return f.key + "_en"


def holds(condition: str | None, values: dict[str, Any]) -> bool:
    """Evaluate a site-map `when`: "<key> == <v>", "<key> startswith <v>", "<key> in [a, b]"."""
    if not condition:
        return True
    for op in (" == ", " startswith ", " in "):
        if op in condition:
            key, arg = (s.strip() for s in condition.split(op, 1))
            have = _text(values.get(key)) if not _empty(values.get(key)) else ""
            if op == " == ":
                return have == arg
            if op == " startswith ":
                return bool(have) and have.startswith(arg)
            options = [a.strip() for a in arg.strip("[]").split(",")]
            return have in options
    raise ValueError(f"cannot read the condition {condition!r}")


def expected(module: Module, values: dict[str, Any]) -> dict[str, Any]:
    """What the page should show for this module: fields whose condition holds, a twin when the spec has it,
    and a read-only field only when the spec states it (it is then checked, never typed)."""
    out: dict[str, Any] = {}
    for f in module.fields:
        if not holds(f.when, values):
            continue
        if f.readonly and _empty(values.get(f.key)):
            continue
        out[f.key] = values.get(f.key)
        if f.en_twin and not _empty(values.get(twin_key(f))):
            out[twin_key(f)] = values.get(twin_key(f))
    return out


def field_of(module: Module, key: str) -> tuple[Field, bool]:
    """The site-map field behind a value key, and whether the key is its English twin."""
    keys = {f.key for f in module.fields}
    if key not in keys and key.endswith("_en") and key[:-3] in keys:
        return module.field(key[:-3]), True
    return module.field(key), False


def label_of(module: Module, key: str, twin_suffix: str) -> str:
    f, twin = field_of(module, key)
    return f.label + twin_suffix if twin else f.label


def diff_module(module: Module, want: dict[str, Any], have: dict[str, Any], absent: set[str],
                twin_suffix: str = "") -> list[Diff]:
    """Fields whose page value differs from the spec, in site-map order."""
    out = []
    for key, value in want.items():
        f, _ = field_of(module, key)
        shown = ABSENT if key in absent or key not in have else have[key]
        if shown is ABSENT and _empty(value):
            continue
        if shown is ABSENT or not same(f.widget, value, shown, f.columns):
            out.append(Diff(key, label_of(module, key, twin_suffix), value, shown))
    return out
