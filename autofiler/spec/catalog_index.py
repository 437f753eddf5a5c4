"""A form catalog arranged for checking specs: every control with the conditions that show it, row columns with
theirs, the parent of each dependent select, labels of dotted paths, and conditions told in words.

Built once per generation; a spec check only looks things up here.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

from autofiler.forms import conditions, load
from autofiler.forms.catalog import CHOICE_WIDGETS, Form, FormField, Module, Twin
from autofiler.spec.yamlpos import split_path

HERE = Path(__file__).resolve().parent
ROW_KINDS = frozenset({"repeat_group", "table"})
RANGE_ENDS = {"start": "开始日期", "end": "结束日期"}


class Control:
    """A control of the form, with what checking a spec needs of it worked out once."""

    __slots__ = ("columns", "conds", "field", "has_rows", "key", "module", "need", "parent", "shows", "twin")

    def __init__(self, field: FormField, module: Module, shows: tuple[str, ...], parent: str | None = None,
                 columns: tuple[Control, ...] = ()) -> None:
        self.field = field
        self.module = module
        self.shows = shows  # conditions that must all hold for the page to show it (group's and own)
        self.conds = tuple(conditions.parse(s) for s in shows)
        req = field.required
        self.need: bool | conditions.Condition = conditions.parse(req) if isinstance(req, str) else req
        self.parent = parent  # the control whose value picks a dependent select's options
        self.columns = columns
        self.key = field.key
        self.twin: Twin | None = field.twin
        self.has_rows = field.widget in ROW_KINDS or (field.widget == "modal_pick" and bool(columns))

    def column(self, key: str) -> Control | None:
        return next((c for c in self.columns if c.key == key), None)


def _parents(fields: list[FormField]) -> dict[str, str]:
    """A dependent select's parent: the nearest control before it whose options name its option groups."""
    out: dict[str, str] = {}
    for i, f in enumerate(fields):
        if f.widget != "dependent_select" or not f.options_by_parent:
            continue
        wanted = set(f.options_by_parent)
        for before in reversed(fields[:i]):
            if before.widget in CHOICE_WIDGETS and wanted & set(before.all_options()):
                out[f.key] = before.key
                break
    return out


def _shown_by(f: FormField) -> list[tuple[FormField, tuple[str, ...]]]:
    """The controls of `f` (itself, or a group's) with the conditions that show each: the group's, then its own."""
    outer = f.visible_if if f.widget == "group" else None
    return [(c, tuple(x for x in (outer, c.visible_if) if x)) for c in f.flat()]


def _columns(group: FormField, module: Module, spec_side: SpecSide) -> tuple[Control, ...]:
    flat = [(spec_side.field(c), shows) for col in group.columns for c, shows in _shown_by(col)]
    parents = _parents([c for c, _ in flat])
    return tuple(Control(c, module, shows, parents.get(c.key), spec_side.dialog(c, module)) for c, shows in flat)


class SpecSide:
    """What generations.yaml adds to a generation's fields: named formats, and the fields of a dialog that adds
    what a picker does not find (an unregistered institution) as the columns of that picker."""

    def __init__(self, generation: str) -> None:
        data = extras(generation)
        self.formats: dict[str, str] = data.get("formats") or {}
        self.dialogs: dict[str, tuple[FormField, ...]] = {
            widget: tuple(FormField.model_validate(f) for f in fields)
            for widget, fields in (data.get("dialogs") or {}).items()}

    def field(self, f: FormField) -> FormField:
        named = self.formats.get(f.key)
        return f.model_copy(update={"pattern": named}) if named else f

    def dialog(self, f: FormField, module: Module) -> tuple[Control, ...]:
        return tuple(Control(d, module, ()) for d in self.dialogs.get(f.widget, ()))


class Index:
    def __init__(self, form: Form) -> None:
        self.form = form
        # English twins are filed while this holds (None: never)
        self.twins_when: str | None = extras(form.generation).get("twins_when")
        self.modules: dict[str, tuple[Control, ...]] = {}
        self.controls: dict[str, Control] = {}
        self.twins: dict[str, Control] = {}  # twin key -> the control it translates
        self._allowed: dict[int, dict[str, str]] = {}  # by the id of a (lasting) tuple of controls
        side = SpecSide(form.generation)
        for mod in form.modules:
            found: list[Control] = []
            for f in mod.fields:
                for c, shows in _shown_by(f):
                    c = side.field(c)
                    found.append(Control(c, mod, shows, None, _columns(c, mod, side) if c.columns else
                                         side.dialog(c, mod)))
            parents = _parents([c.field for c in found])
            found = [Control(c.field, c.module, c.shows, parents.get(c.key), c.columns) for c in found]
            self.modules[mod.key] = tuple(found)
            for c in found:
                self.controls[c.key] = c
                if c.field.twin:
                    self.twins[c.field.twin.key] = c

    def module(self, key: str) -> Module | None:
        return self.form.module(key)

    def allowed(self, controls: tuple[Control, ...]) -> dict[str, str]:
        """The keys a module or a row may hold (its controls and their twins), with their labels."""
        found = self._allowed.get(id(controls))
        if found is None:
            found = {c.key: c.field.label for c in controls}
            found.update({c.twin.key: c.twin.label for c in controls if c.twin})
            self._allowed[id(controls)] = found
        return found

    def label(self, key: str) -> str:
        """The label of a control, a twin or `group.column`."""
        group, _, column = key.partition(".")
        c = self.controls.get(group)
        if c and column:
            col = c.column(column)
            return f"{c.field.label}·{col.field.label}" if col else c.field.label
        if c:
            return c.field.label
        twin = self.twins.get(key)
        return twin.field.twin.label if twin and twin.field.twin else key

    def words(self, expr: str) -> str:
        """A condition with each key followed by its label: research_type_l2（研究分类（二级））== 干预性研究."""
        out = expr
        for name in sorted(conditions.fields_of(expr), key=len, reverse=True):
            out = re.sub(rf"(?<![\w.]){re.escape(name)}(?![\w.])", f"{name}（{self.label(name)}）", out)
        return out

    def label_of(self, path: str) -> str:
        """The Chinese label of a dotted path, rows counted from 1: "参与单位 第2行 负责人手机"."""
        tokens = split_path(path)
        if not tokens or not isinstance(tokens[0], str):
            return ""
        mod = self.form.module(tokens[0])
        if mod is None:
            return ""
        words: list[str] = []
        current: Control | None = None
        for token in tokens[1:]:
            if isinstance(token, int):
                words.append(f"第{token + 1}{'行' if current and current.has_rows else '项'}")
                continue
            found = self._child(tokens[0], current, token)
            if found is None:
                if current and current.field.widget == "daterange" and token in RANGE_ENDS:
                    words.append(RANGE_ENDS[token])
                break
            words.append(found[1])
            current = found[0]
        return " ".join(words) or mod.label

    def _child(self, module: str, current: Control | None, key: str) -> tuple[Control | None, str] | None:
        pool = {c.key: c for c in self.modules.get(module, ())} if current is None else \
            {c.key: c for c in current.columns}
        if key in pool:
            return pool[key], pool[key].field.label
        for c in pool.values():
            if c.field.twin and c.field.twin.key == key:
                return None, c.field.twin.label
        if current is not None and current.field.twin and current.field.twin.key == key:
            return current, current.field.twin.label
        return None


@functools.lru_cache(maxsize=8)
def extras(generation: str) -> dict[str, Any]:
    """The spec side's data of a generation (generations.yaml): when twins are filed, template defaults, checks."""
    data = yaml.safe_load((HERE / "generations.yaml").read_text(encoding="utf-8")) or {}
    return data.get(generation) or {}


@functools.lru_cache(maxsize=8)
def index(generation: str) -> Index:
    return Index(load(generation))


def value_of(data: Any, module: str, key: str) -> Any:
    section = data.get(module) if isinstance(data, dict) else None
    return section.get(key) if isinstance(section, dict) else None
