"""Judging the site's answer to a save or 提交 by the shape the site map declares (`save_answer`).

A refusal is any 4xx or 5xx, or a 2xx whose result code is not the success code or whose errors list is not
empty. Field errors come out as {"field", "message"}; a refused 提交's list of incomplete modules as lines
"<module>：<field>、<field>", as the site's own check dialog shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from autofiler.site.maps.element_answers import SaveAnswer


@dataclass(frozen=True)
class Answer:
    refused: bool
    message: str | None = None
    errors: list[dict[str, str]] = field(default_factory=list)
    missing: list[str] | None = None  # None: the answer holds no such list


def dig(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _missing_line(entry: Any, shape: SaveAnswer) -> str:
    if not isinstance(entry, dict):
        return str(entry)
    fields = entry.get(shape.missing_fields)
    names = "、".join(str(f) for f in fields) if isinstance(fields, list) else str(fields or "")
    module = str(entry.get(shape.missing_module) or "")
    return f"{module}：{names}" if module and names else module or names


def judge(status: int, data: Any, shape: SaveAnswer) -> Answer:
    """The answer `data` (parsed JSON, or None) with HTTP `status`, read by `shape`."""
    message = dig(data, shape.message)
    raw_errors = dig(data, shape.errors)
    errors = [{"field": str(e.get(shape.error_field) or ""), "message": str(e.get(shape.error_message) or "")}
              for e in raw_errors if isinstance(e, dict)] if isinstance(raw_errors, list) else []
    raw_missing = dig(data, shape.missing)
    missing = [_missing_line(e, shape) for e in raw_missing] if isinstance(raw_missing, list) else None
    coded = shape.code is not None and isinstance(data, dict) and shape.code in data
    refused = status >= 400 or bool(errors) or bool(missing) or (coded and dig(data, shape.code) != shape.ok)
    return Answer(refused=refused, message=str(message) if message else None, errors=errors, missing=missing)
