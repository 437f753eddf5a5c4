"""The editor's view model: one pane per module, one item per field, built from the catalog and a project.

Templates only lay these out. Here is decided what an item shows (stored value, options, required mark), whether
it is conditional (`when`: a field of the same module decides if it is present) and, with --shuffle-dom, the
order of the items in each pane.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from mock_site.catalog import CATALOG, EN_LABEL, EN_SUFFIX, FIELD_MODULE

_CONDITION = re.compile(r"^\s*(\w+)\s+(==|startswith|in)\s+(.+?)\s*$")


@dataclass
class Condition:
    prop: str  # the field that decides
    op: str  # "==", "startswith" or "in"
    value: str | list[str]

    def holds(self, actual: Any) -> bool:
        if actual is None:
            return False
        if self.op == "==":
            return actual == self.value
        if self.op == "startswith":
            return isinstance(actual, str) and actual.startswith(str(self.value))
        return actual in self.value


def parse_condition(text: Any) -> Condition | None:
    """`"project_source == 国际合作项目"` → Condition; anything that is not such a string → None."""
    if not isinstance(text, str):
        return None
    m = _CONDITION.match(text)
    if not m:
        return None
    prop, op, raw = m.groups()
    value: str | list[str] = raw
    if op == "in":
        value = [v.strip() for v in raw.strip("[]").split(",") if v.strip()]
    return Condition(prop, op, value)


@dataclass
class Item:
    """One form item of a pane (or one column of a table: then `value` is unused)."""

    prop: str
    label: str
    widget: str
    value: Any = None
    required: bool = False
    options: list[str] = field(default_factory=list)
    max_length: int | None = None
    min: float | None = None
    max: float | None = None
    readonly: bool = False
    add_button: str | None = None
    columns: list[Item] = field(default_factory=list)
    when: Condition | None = None  # present only while this holds (None: always)
    when_saved: bool = False  # the condition reads the saved basic_info, not the live form
    shown: bool = True


@dataclass
class Pane:
    key: str
    label: str
    items: list[Item]
    active: bool = False


def _item(f: dict[str, Any], value: Any) -> Item:
    return Item(
        prop=f["key"], label=f["label"], widget=f["widget"], value=value,
        required=f.get("required") is True, options=list(f.get("options") or []),
        max_length=f.get("max_length"), min=f.get("min"), max=f.get("max"), readonly=bool(f.get("readonly")),
        add_button=f.get("add_button"),
        columns=[_item(c, None) for c in f.get("columns") or []],
    )


def _twin(base: Item, value: Any, live: bool, publish: Any) -> Item:
    when = Condition("publish_to_chictr", "==", "是")
    return Item(
        prop=base.prop + EN_SUFFIX, label=base.label + EN_LABEL, widget=base.widget, value=value, required=True,
        when=when, when_saved=not live, shown=when.holds(publish),
    )


def _files(project: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return list((project.get("attachments") or {}).get(key) or [])


def build_panes(project: dict[str, Any], lead_unit: str, active: str | None,
                rng: random.Random | None = None) -> list[Pane]:
    """The eight panes for this project; `rng` (only with --shuffle-dom) reorders each pane's items."""
    modules = project.get("modules") or {}
    saved_publish = (modules.get("basic_info") or {}).get("publish_to_chictr")
    keys = [m["key"] for m in CATALOG]
    active = active if active in keys else keys[0]
    panes = []
    for module in CATALOG:
        values = modules.get(module["key"]) or {}
        groups: list[list[Item]] = []
        for f in module["fields"]:
            value = values.get(f["key"])
            if f["widget"] in ("file", "files"):
                value = _files(project, f["key"])
            if f["key"] == "lead_unit":
                value = lead_unit
            item = _item(f, value)
            condition = parse_condition(f.get("required"))
            if condition and FIELD_MODULE.get(condition.prop) == module["key"]:
                # a field of this same module decides: the item comes and goes with it
                item.when, item.required = condition, True
                item.shown = condition.holds(values.get(condition.prop))
            elif condition:
                # a field of another module decides: only the required mark follows the saved value
                other = modules.get(FIELD_MODULE.get(condition.prop, "")) or {}
                item.required = condition.holds(other.get(condition.prop))
            group = [item]
            if f.get("en_twin"):
                live = module["key"] == "basic_info"
                publish = values.get("publish_to_chictr") if live else saved_publish
                group.append(_twin(item, values.get(f["key"] + EN_SUFFIX), live, publish))
            groups.append(group)
        if rng is not None:
            rng.shuffle(groups)
        items = [item for group in groups for item in group]
        panes.append(Pane(module["key"], module["label"], items, module["key"] == active))
    return panes
