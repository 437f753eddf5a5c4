"""The `alter_field_rate` fault: one stored value replaced by another that looks just as valid.

A choice becomes another of its options, a number one more, a date the next day, a text one changed
character; a list or a table has one of its items altered the same way. What was posted is never what is
stored, yet nothing in the stored project looks broken: only a read-back that compares values notices.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Sequence
from typing import Any

# (key, current value) -> the options that key offers (a dependent select: its current list)
OptionsOf = Callable[[str, str], Sequence[str]]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _next_day(text: str) -> str | None:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return (day + dt.timedelta(days=1)).isoformat()


def _text(text: str, choices: Sequence[str], rng: random.Random) -> str | None:
    others = [o for o in choices if o != text]
    if others:
        return rng.choice(others)
    if _DATE.match(text):
        return _next_day(text)
    if not text:
        return None
    last = text[-1]
    if last.isdigit() and last.isascii():
        return text[:-1] + str((int(last) + 1) % 10)
    if last.isascii() and last.isalpha():
        return text[:-1] + ("a" if last.lower() == "z" else chr(ord(last) + 1))
    return text + "等"


def alter_value(key: str, value: Any, options_of: OptionsOf, rng: random.Random) -> Any:
    """Another valid-looking value for `value` (the stored shape kept); None when it has nothing to alter."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return _text(value, options_of(key, value), rng)
    if isinstance(value, dict):
        if set(value) == {"start", "end"} and isinstance(value.get("end"), str):
            end = _next_day(value["end"])
            return None if end is None else {**value, "end": end}
        return _row(value, options_of, rng)
    if isinstance(value, list) and value:
        i = rng.randrange(len(value))
        item = value[i]
        if isinstance(item, dict):
            new = _row(item, options_of, rng)
        else:
            unused = [o for o in options_of(key, item) if o not in value] if isinstance(item, str) else []
            new = rng.choice(unused) if unused else alter_value(key, item, lambda k, v: (), rng)
        if new is None:
            return None
        return [*value[:i], new, *value[i + 1:]]
    return None


def _row(row: dict[str, Any], options_of: OptionsOf, rng: random.Random) -> dict[str, Any] | None:
    keys = sorted(k for k, v in row.items() if v not in (None, "", [], {}))
    rng.shuffle(keys)
    for k in keys:
        new = alter_value(k, row[k], options_of, rng)
        if new is not None and new != row[k]:
            return {**row, k: new}
    return None


def alter_one(values: dict[str, Any], options_of: OptionsOf, rng: random.Random) -> tuple[dict[str, Any], str | None]:
    """The values with one field altered, and that field's key (None when nothing could be altered)."""
    keys = sorted(k for k, v in values.items() if v not in (None, "", [], {}))
    rng.shuffle(keys)
    for k in keys:
        new = alter_value(k, values[k], options_of, rng)
        if new is not None and new != values[k]:
            return {**values, k: new}, k
    return values, None
