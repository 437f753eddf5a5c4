"""The live-2026 catalog as the editor and the server's rules see it: tabs, controls, names, conditions.

Each control gets the site's control name (the catalog's `name`, or one made up where the catalog has none),
its effective visibility (its own `visible_if`, its group's, and for an English twin the ChiCTR choice) and the
parent of a dependent select. Conditions travel to the browser as parsed trees, so the page evaluates the
catalog's one grammar without parsing it again.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from autofiler.forms import Form, FormField, load
from autofiler.forms.conditions import Compare, Condition, Junction, parse

GENERATION = "live-2026"
SYNC_KEY = "sync_platform"
SYNC_ON = "中国临床试验注册中心公开"
TWIN_CONDITION = f"{SYNC_KEY} == {SYNC_ON}"
# where the catalog records no control name, the mock names the control itself
MADE_UP_NAMES = {"other_platforms": "platform"}
DISABLED_OPTIONS = {"国际传统医学临床试验注册平台公开（暂未开通）"}
# site dictionaries the catalog records no option of: the mock offers these
MOCK_OPTIONS = {"institution_level": ("三级甲等", "三级乙等", "三级", "二级甲等", "二级乙等", "二级", "一级", "未定级")}


@dataclass
class Control:
    """One control of the page: a catalog field (or its English twin) with what the page needs to draw it."""

    key: str
    label: str
    widget: str
    name: str | list[str]
    required: bool | str
    visible: str | None  # the effective condition, or None when always shown
    source: FormField
    twin_of: str | None = None
    parent: str | None = None  # the dependent select's parent key
    group: str | None = None  # the repeat group's key for a column
    columns: list[Control] = field(default_factory=list)
    heading: str | None = None  # a labelled block starts before this control

    @property
    def options(self) -> tuple[str, ...]:
        if self.twin_of is not None:
            return ()
        return self.source.options or MOCK_OPTIONS.get(self.key, ())

    @property
    def first_name(self) -> str:
        return self.name[0] if isinstance(self.name, list) else self.name


@dataclass
class Tab:
    index: int
    key: str
    label: str
    visible: str | None
    controls: list[Control]


def both(*conds: str | None) -> str | None:
    parts = [c for c in conds if c]
    if not parts:
        return None
    return " and ".join(f"({c})" if len(parts) > 1 else c for c in parts)


def _parent(f: FormField, siblings: list[FormField]) -> str | None:
    if f.widget != "dependent_select":
        return None
    keys = set(f.options_by_parent)
    before = siblings[: siblings.index(f)]
    for s in reversed(before):
        if s.widget in ("select", "dependent_select") and (not keys or keys <= set(s.all_options())):
            return s.key
    return None


def _control(f: FormField, visible: str | None, siblings: list[FormField], group: str | None,
             prefix: str | None = None) -> Control:
    # a column the catalog names no control for is named after its group: members.name
    name = f.name or MADE_UP_NAMES.get(f.key) or (f"{prefix}.{f.key}" if prefix else f.key)
    c = Control(f.key, f.label, f.widget, list(name) if isinstance(name, list) else name, f.required,
                visible, f, parent=_parent(f, siblings), group=group)
    if f.widget in ("repeat_group", "table", "modal_pick") and f.columns:
        c.columns = _flatten(f.columns, None, group=f.key, prefix=c.first_name)
    return c


def _twin(c: Control) -> Control | None:
    t = c.source.twin
    if t is None:
        return None
    # an English twin is typed: a choice or a lookup gets a text input
    widget = t.widget or (c.widget if c.widget in ("text", "textarea", "repeat_group") else "text")
    twin = Control(t.key, t.label, widget, t.name or f"{c.first_name}En", t.required,
                   both(c.visible, TWIN_CONDITION, t.visible_if), c.source, twin_of=c.key, group=c.group)
    if widget == "repeat_group":
        twin.columns = [Control(col.key, t.label, col.widget, t.name or col.first_name, True, None, col.source,
                                twin_of=col.key, group=t.key) for col in c.columns]
    return twin


def _flatten(fields: tuple[FormField, ...], outer: str | None, group: str | None = None,
             prefix: str | None = None) -> list[Control]:
    """Controls in page order, groups dissolved (a group's label becomes the heading of its first control)."""
    flat_fields = [c for f in fields for c in f.flat()]
    out: list[Control] = []
    for f in fields:
        if f.widget == "group":
            inner = _flatten(f.children, both(outer, f.visible_if), group, prefix)
            if inner:
                inner[0].heading = f.label
            out += inner
            continue
        c = _control(f, both(outer, f.visible_if), flat_fields, group, prefix)
        out.append(c)
        twin = _twin(c)
        if twin:
            out.append(twin)
    return out


_FORM_FILE: list[str | None] = [None]  # --form-file: a changed catalog the face shows instead of the shipped one


def use_file(path: str | None) -> None:
    _FORM_FILE[0] = path
    form.cache_clear()
    tabs.cache_clear()


@functools.lru_cache(maxsize=1)
def form() -> Form:
    if _FORM_FILE[0] is None:
        return load(GENERATION)
    changed = Form.model_validate(yaml.safe_load(Path(_FORM_FILE[0]).read_text(encoding="utf-8")))
    if changed.generation != GENERATION:
        raise ValueError(f"--form-file {_FORM_FILE[0]}: generation {changed.generation!r}, not {GENERATION}")
    return changed


@functools.lru_cache(maxsize=1)
def tabs() -> tuple[Tab, ...]:
    return tuple(Tab(i, m.key, m.label, m.visible_if, _flatten(m.fields, None)) for i, m in enumerate(form().modules))


def tab(index: int) -> Tab | None:
    found = tabs()
    return found[index] if 0 <= index < len(found) else None


def tab_of_module(key: str) -> Tab | None:
    return next((t for t in tabs() if t.key == key), None)


def all_controls() -> list[Control]:
    """Every control of every tab, rows' columns included."""
    out: list[Control] = []
    for t in tabs():
        for c in t.controls:
            out.append(c)
            out += c.columns
    return out


def tree(source: str) -> dict[str, Any]:
    """A condition as JSON for the page's evaluator."""
    return _tree(parse(source))


def _tree(cond: Condition) -> dict[str, Any]:
    if isinstance(cond, Compare):
        return {"f": cond.field, "op": cond.op, "v": list(cond.values)}
    assert isinstance(cond, Junction)
    return {"op": cond.op, "parts": [_tree(p) for p in cond.parts]}


def page_rules() -> dict[str, Any]:
    """What the page's script needs: each control's condition tree, dependent options, and tab conditions."""
    conds: dict[str, Any] = {}
    parents: dict[str, Any] = {}
    for c in all_controls():
        if c.visible:
            conds[c.key] = tree(c.visible)
        if c.parent:
            parents[c.key] = {"parent": c.parent, "options": {k: list(v) for k, v in
                                                               c.source.options_by_parent.items()}}
    tab_conds = {t.index: tree(t.visible) for t in tabs() if t.visible}
    return {"conds": conds, "parents": parents, "tabs": tab_conds}
