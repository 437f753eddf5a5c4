"""Field metadata carried by the models: Chinese label, widget kind, when a field is required or shown.

The metadata sits in each pydantic field's `json_schema_extra`, so the JSON Schema shows it to editors and
`autofiler.spec.catalog` reads it back from the models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

TWIN_SUFFIX = "_en"
TWIN_LABEL = "（英文）"


class SpecModel(BaseModel):
    """Every part of a spec refuses unknown keys: a typo must never be dropped silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=False)


@dataclass(frozen=True)
class Cond:
    """A catalog condition: `<field> == v`, `<field> in [a, b]` or `<field> startswith text`.

    `field` is a key of the same module, or `module.key` for another module's field.
    """

    field: str
    op: str
    value: str | tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Cond:
        left, op, right = text.split(" ", 2)
        if op == "in":
            items = tuple(x.strip() for x in right.strip("[] ").split(","))
            return cls(left, op, items)
        if op not in ("==", "startswith"):
            raise ValueError(f"unknown condition operator in {text!r}")
        return cls(left, op, right.strip())

    def __str__(self) -> str:
        right = f"[{', '.join(self.value)}]" if isinstance(self.value, tuple) else self.value
        return f"{self.field} {self.op} {right}"

    def holds(self, module: str, data: dict[str, Any]) -> bool:
        """Whether the condition holds on raw spec data (a mapping of module mappings)."""
        where, _, key = self.field.rpartition(".")
        values = data.get(where or module)
        actual = values.get(key) if isinstance(values, dict) else None
        if not isinstance(actual, str):
            return False
        if self.op == "==":
            return actual == self.value
        if self.op == "in":
            return actual in self.value
        return actual.startswith(str(self.value))


def fld(
    label: str,
    widget: str,
    *,
    required: bool | str = False,
    shown_when: bool = False,
    en_twin: bool = False,
    min_rows: int | None = None,
    bounds: tuple[int, int | None] | None = None,
    hint: str = "",
) -> Any:
    """A spec field. `required` is True, False or a catalog condition (which hides the field too when
    `shown_when`)."""
    extra: dict[str, Any] = {"x-label": label, "x-widget": widget}
    need = "必填" if required is True else "选填"
    if isinstance(required, str):
        Cond.parse(required)  # fail at import on a typo
        extra["x-required-when"] = required
        need = f"条件必填：{required}"
        if shown_when:
            extra["x-shown-when"] = required
    if en_twin:
        extra["x-en-twin"] = True
    kwargs: dict[str, Any] = {}
    if min_rows:
        extra["x-min-rows"] = min_rows
        if widget != "table":  # a table's rows are counted in rules.py, where its condition is known
            kwargs["min_length"] = min_rows
    if bounds:
        kwargs["ge"] = bounds[0]
        if bounds[1] is not None:
            kwargs["le"] = bounds[1]
    description = " | ".join(x for x in (label, need, hint) if x)
    default: Any = ... if required is True else None
    return Field(default, title=label, description=description, json_schema_extra=extra, **kwargs)


def twin(label: str) -> Any:
    """The English twin `<key>_en` of an en_twin field, needed when the project is published on ChiCTR."""
    full = label + TWIN_LABEL
    extra = {"x-label": full, "x-twin": True}
    description = f"{full} | 是否需在中国临床试验注册中心网站公开 为 是 时必填 | English text"
    return Field(None, title=full, description=description, json_schema_extra=extra)
