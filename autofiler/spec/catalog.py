"""Per-module, ordered field metadata read back from the models, and Chinese labels for dotted paths.

`label_of("implementation.participating_units[1].unit_pi_phone")` gives "参与单位 第2行 联系电话", which is how
other parts (the driver, progress reports) name a field to a PI.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args, get_origin

import annotated_types
from pydantic.fields import FieldInfo

from autofiler.spec.meta import TWIN_SUFFIX, SpecModel
from autofiler.spec.model import Spec
from autofiler.spec.types import MaxChars


@dataclass(frozen=True)
class FieldMeta:
    key: str
    label: str
    widget: str
    required: bool | str  # True, False, or the condition under which it is required
    options: tuple[str, ...] = ()
    en_twin: bool = False  # needs `<key>_en` when published on ChiCTR
    twin_of: str | None = None  # set on a `<key>_en` field: the field it translates
    shown_when: str | None = None  # the page shows the field only while this holds
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_rows: int | None = None
    hint: str = ""
    columns: tuple[FieldMeta, ...] = ()  # table columns, or the parts of a date range or a new institution

    def column(self, key: str) -> FieldMeta | None:
        return next((c for c in self.columns if c.key == key), None)


@dataclass(frozen=True)
class ModuleMeta:
    key: str
    label: str
    required: bool
    fields: tuple[FieldMeta, ...]

    def field(self, key: str) -> FieldMeta | None:
        return next((f for f in self.fields if f.key == key), None)


def _walk(tp: Any) -> Iterator[Any]:
    """Every type and annotation marker nested inside a field's annotation."""
    yield tp
    origin = get_origin(tp)
    if origin is Literal:
        return
    if origin is Annotated:
        base, *markers = get_args(tp)
        yield from _walk(base)
        yield from markers
        return
    for arg in get_args(tp):
        yield from _walk(arg)


def _field_meta(key: str, info: FieldInfo, siblings: dict[str, FieldInfo]) -> FieldMeta:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    # pydantic moves a top-level Annotated's markers into info.metadata
    parts = [*_walk(info.annotation), *info.metadata]
    options = next((get_args(t) for t in parts if get_origin(t) is Literal), ())
    max_length = next((m.n for m in parts if isinstance(m, MaxChars)), None)
    model = next((t for t in parts if isinstance(t, type) and issubclass(t, SpecModel)), None)
    columns = tuple(_fields_of(model)) if model else ()
    twin_of = key[: -len(TWIN_SUFFIX)] if extra.get("x-twin") else None
    widget = str(extra.get("x-widget", ""))
    if twin_of:
        widget = str((siblings[twin_of].json_schema_extra or {}).get("x-widget", "text"))  # type: ignore[union-attr]
    ge = next((m.ge for m in info.metadata if isinstance(m, annotated_types.Ge)), None)
    le = next((m.le for m in info.metadata if isinstance(m, annotated_types.Le)), None)
    when = extra.get("x-required-when")
    description = info.description or ""
    return FieldMeta(
        key=key,
        label=str(extra.get("x-label", key)),
        widget=widget,
        required=str(when) if when else info.is_required(),
        options=tuple(str(o) for o in options),
        en_twin=bool(extra.get("x-en-twin")),
        twin_of=twin_of,
        shown_when=str(extra["x-shown-when"]) if extra.get("x-shown-when") else None,
        max_length=max_length,
        minimum=int(ge) if ge is not None else None,  # type: ignore[call-overload]
        maximum=int(le) if le is not None else None,  # type: ignore[call-overload]
        min_rows=int(extra["x-min-rows"]) if extra.get("x-min-rows") else None,  # type: ignore[call-overload]
        hint=description.split(" | ", 2)[2] if description.count(" | ") >= 2 else "",
        columns=columns,
    )


def _fields_of(model: type[SpecModel]) -> Iterator[FieldMeta]:
    fields = model.model_fields
    for key, info in fields.items():
        yield _field_meta(key, info, fields)


def _modules() -> tuple[ModuleMeta, ...]:
    out = []
    for key, info in Spec.model_fields.items():
        model = next(t for t in _walk(info.annotation) if isinstance(t, type) and issubclass(t, SpecModel))
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        out.append(ModuleMeta(key, str(extra["x-label"]), info.is_required(), tuple(_fields_of(model))))
    return tuple(out)


MODULES: tuple[ModuleMeta, ...] = _modules()
_BY_KEY = {m.key: m for m in MODULES}
_TOKEN = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def module(key: str) -> ModuleMeta | None:
    return _BY_KEY.get(key)


def split_path(path: str) -> list[str | int]:
    """`a.b[1].c` -> ["a", "b", 1, "c"]."""
    return [int(idx) if idx else name for idx, name in _TOKEN.findall(path)]


@functools.lru_cache(maxsize=4096)
def meta_of(path: str) -> FieldMeta | None:
    """The field (or table column, or part) a dotted path ends at; None for modules, rows, list items and
    unknown keys."""
    tokens = split_path(path)
    if not tokens or not isinstance(tokens[0], str) or tokens[0] not in _BY_KEY or isinstance(tokens[-1], int):
        return None
    current: FieldMeta | None = None
    for token in tokens[1:]:
        if isinstance(token, int):
            if current is None or not (current.columns or current.widget in ("files", "multiselect")):
                return None
            continue
        found = _BY_KEY[tokens[0]].field(token) if current is None else current.column(token)
        if found is None:
            return None
        current = found
    return current


@functools.lru_cache(maxsize=4096)
def label_of(path: str) -> str:
    """The Chinese label of a dotted path, rows counted from 1: "参与单位 第2行 联系电话".

    For an unknown key, the label of the deepest part that is known.
    """
    tokens = split_path(path)
    if not tokens or not isinstance(tokens[0], str) or tokens[0] not in _BY_KEY:
        return ""
    mod = _BY_KEY[tokens[0]]
    if len(tokens) == 1:
        return mod.label
    words: list[str] = []
    current: FieldMeta | None = None
    for token in tokens[1:]:
        if isinstance(token, int):
            if current is not None and current.widget in ("files", "multiselect"):
                words.append(f"第{token + 1}个")
            else:
                words.append(f"第{token + 1}行")
            continue
        found = mod.field(token) if current is None else current.column(token)
        if found is None:
            break
        words.append(found.label)
        current = found
    return " ".join(words) or mod.label


def all_fields() -> Iterator[tuple[ModuleMeta, FieldMeta]]:
    for mod in MODULES:
        for f in mod.fields:
            yield mod, f
