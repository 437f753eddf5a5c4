"""What a survey works with: the controls found on the site, the fields the site map and catalog expect, and the
differences between the two. Plain data; no browser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# A detected kind and the catalog widgets it stands for (the page cannot tell a decimal from a number, nor a
# country list from a select).
SAME_KIND: dict[str, frozenset[str]] = {
    "text": frozenset({"text"}),
    "textarea": frozenset({"textarea"}),
    "number": frozenset({"number", "decimal"}),
    "date": frozenset({"date"}),
    "daterange": frozenset({"daterange"}),
    "select": frozenset({"select", "dependent_select", "country", "province"}),
    "dependent_select": frozenset({"dependent_select"}),
    "radio": frozenset({"radio"}),
    "checkbox_pair": frozenset({"checkbox_pair"}),
    "checkbox_group": frozenset({"checkbox_group"}),
    "multiselect": frozenset({"multiselect"}),
    "autocomplete": frozenset({"autocomplete", "institution"}),
    "dialog_picker": frozenset({"modal_pick"}),
    "repeating_group": frozenset({"repeat_group", "table"}),
    "upload": frozenset({"pdf", "file", "files"}),
}
# The catalog widget a new control of a detected kind is proposed with.
WIDGET_OF = {"dialog_picker": "modal_pick", "repeating_group": "repeat_group", "upload": "pdf"}
OPTION_KINDS = frozenset({"select", "radio", "checkbox_group", "checkbox_pair"})


@dataclass(frozen=True)
class Found:
    """One control as the page shows it."""

    label: str
    kind: str
    name: str | None = None
    names: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    required: bool = False
    shown: bool = True
    inputs: int = 1
    headers: tuple[str, ...] = ()
    columns: tuple[Found, ...] = ()

    @property
    def widget(self) -> str:
        return WIDGET_OF.get(self.kind, self.kind)


@dataclass(frozen=True)
class FoundTab:
    label: str
    shown: bool
    controls: tuple[Found, ...]


def found_tab(label: str, shown: bool, raw: dict[str, Any]) -> FoundTab:
    """The page reader's answer for one pane as Found controls, each group's columns inside it."""
    items = raw.get("controls") or []
    columns: dict[int, list[Found]] = {}
    for c in items:
        if c.get("parent") is not None:
            columns.setdefault(int(c["parent"]), []).append(_found(c, ()))
    top = [_found(c, tuple(columns.get(i, ()))) for i, c in enumerate(items) if c.get("parent") is None]
    return FoundTab(label, shown and bool(raw.get("shown", True)), tuple(top))


def _found(c: dict[str, Any], columns: tuple[Found, ...]) -> Found:
    return Found(label=str(c["label"]), kind=str(c["kind"]), name=c.get("name") or None,
                 names=tuple(c.get("names") or ()), options=tuple(c.get("options") or ()),
                 required=bool(c.get("required")), shown=bool(c.get("shown", True)),
                 inputs=int(c.get("inputs") or 1), headers=tuple(c.get("headers") or ()), columns=columns)


@dataclass(frozen=True)
class Expected:
    """A field (or English twin, or a group's column) as the site map and catalog describe it."""

    key: str
    label: str
    widget: str
    names: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    dependent: bool = False  # options follow another field's value: only additions can be judged
    dictionary: bool = False  # a site dictionary only partly known: options are not judged
    conditional: bool = False  # shown only on some routes: a server may leave it out of the page
    twin_of: str | None = None
    columns: tuple[Expected, ...] = ()

    @property
    def name(self) -> str | None:
        return self.names[0] if self.names else None


@dataclass(frozen=True)
class ExpectedTab:
    key: str
    label: str
    address: str | None
    fields: tuple[Expected, ...]


@dataclass
class Difference:
    """One difference; `kind` is label, options, name, widget, missing or new."""

    kind: str
    tab: str  # the module key (a new tab: its label)
    tab_label: str
    label: str
    key: str | None = None  # the catalog key; a new control: the proposed key
    group: str | None = None  # the repeating group's key, for a column
    old: str | None = None
    new: str | None = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    found: Found | None = None
    after: str | None = None  # a new control: the key of the known control the page shows before it


@dataclass
class Survey:
    tabs: list[tuple[ExpectedTab | None, FoundTab | None]] = field(default_factory=list)
    matched: list[tuple[str, Expected, Found]] = field(default_factory=list)  # (tab key, expected, found)
    differences: list[Difference] = field(default_factory=list)
    unseen: list[tuple[str, Expected]] = field(default_factory=list)  # conditional fields the page left out

    def of(self, kind: str) -> list[Difference]:
        return [d for d in self.differences if d.kind == kind]


def proposed_key(name: str | None, taken: set[str], fallback: str = "new_field") -> str:
    """A snake_case key from a control name (`eng.trialSite[]` → `trial_site_en`), unique among `taken`."""
    base = fallback
    if name:
        parts = [p for p in re.sub(r"\[\d*\]", "", name).split(".") if p]
        english = bool(parts) and parts[0] == "eng"
        parts = parts[1:] if english else parts
        words = [re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", p).lower() for p in parts[-1:]]
        slug = re.sub(r"[^a-z0-9_]+", "_", "_".join(words)).strip("_")
        if slug:
            base = (slug if slug[0].isalpha() else f"f_{slug}") + ("_en" if english else "")
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key
