"""How findings tell a user's value and the kind of value expected (Chinese first, then English)."""

from __future__ import annotations

import difflib
import re
from typing import Any

KINDS = {
    "text": ("文本（像数字或日期的内容请加引号）", "text (quote it if it looks like a number or date)"),
    "number": ("整数", "a whole number"),
    "date": ("日期（YYYY-MM-DD）", "a date written YYYY-MM-DD"),
    "daterange": ("日期范围 {start: YYYY-MM-DD, end: YYYY-MM-DD}", "a date range {start, end}"),
    "mapping": ("映射（键: 值）", "a mapping of keys to values"),
    "option": ("选项文本", "one of the options"),
}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(value: Any, limit: int = 40) -> str:
    """A user's value, safe to print in one line."""
    text = _UNSAFE.sub("?", str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggest(word: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def type_message(kind: str) -> str:
    zh, en = KINDS.get(kind, KINDS["text"])
    return f"应为{zh} / should be {en}"
