"""A form generation as typed data: tabs, fields, widgets, options, conditions, repeating groups, twins.

Each generation is one YAML file beside this module (`sop-2020.yaml`, `live-2026.yaml`); a third generation is a
new file. Everything that knows the form (spec models, `init`, `validate`, the plan, the mock's storage and
rules) reads it through `load()`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from autofiler.forms import conditions

HERE = Path(__file__).parent
DEFAULT_GENERATION = "sop-2020"  # a spec without `form:` was written for the SOP's form

Widget = Literal[
    "text", "textarea", "number", "decimal", "date", "daterange", "radio", "select", "dependent_select",
    "multiselect", "checkbox_group", "checkbox_pair", "country", "province", "autocomplete", "institution",
    "modal_pick", "repeat_group", "table", "group", "pdf", "file", "files",
]
# Widgets whose value is one of `options` (or of `options_by_parent`).
CHOICE_WIDGETS = frozenset({"radio", "select", "dependent_select", "checkbox_pair", "country", "province"})
# Widgets whose value is a list of rows.
ROW_WIDGETS = frozenset({"repeat_group", "table"})
FILE_WIDGETS = frozenset({"pdf", "file", "files"})
Verification = Literal["live_sampled", "assumption_expanded", "inferred", "deferred", "surveyed"]


class Twin(BaseModel):
    """The English twin of a field, shown when the project is published on ChiCTR."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    key: str
    label: str
    name: str | None = None
    required: bool | str = True
    widget: Widget | None = None  # None: the same widget as its field
    visible_if: str | None = None


class FormField(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    key: str
    label: str
    widget: Widget
    name: str | list[str] | None = None  # the site's control name(s), where recorded
    required: bool | str = False  # True, False, or the condition under which it is required
    visible_if: str | None = None
    options: tuple[str, ...] = ()
    options_by_parent: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    dictionary: bool = False  # a long site dictionary: only some options are known
    unit: str | None = None
    inputs: int | None = None  # several inputs sharing one name (关键词 1..5)
    pattern: str | None = None
    max_length: int | None = None
    min: float | None = None
    max: float | None = None
    min_rows: int | None = None
    add_button: str | None = None
    delete_button: str | None = None
    delete_confirm: bool = False
    data_size: float | None = None  # upload limit in MB (the site's data-size attribute)
    placeholder: str | None = None
    instructions: tuple[str, ...] = ()
    readonly: bool = False
    en_twin: Twin | bool | None = None  # sop-2020 marks a twin with true: its key is <key>_en
    add_unregistered_button: str | None = None
    verification: Verification | None = None
    note: str | None = None
    fields: tuple[FormField, ...] = ()  # a group's fields (in a module)
    columns: tuple[FormField, ...] = ()  # a repeating group's columns, or a group's fields inside a row

    @field_validator("required", mode="before")
    @classmethod
    def _condition(cls, value: Any) -> Any:
        if isinstance(value, str):
            conditions.parse(value)
        return value

    @model_validator(mode="after")
    def _check(self) -> FormField:
        if self.visible_if:
            conditions.parse(self.visible_if)
        return self

    @property
    def twin(self) -> Twin | None:
        """The English twin, whichever way the catalog wrote it."""
        if isinstance(self.en_twin, Twin):
            return self.en_twin
        if self.en_twin is True:
            return Twin(key=f"{self.key}_en", label=f"{self.label}（英文）", required=True)
        return None

    @property
    def children(self) -> tuple[FormField, ...]:
        return self.fields or self.columns

    def flat(self) -> Iterator[FormField]:
        """This field, or the controls of this group (groups dissolved)."""
        if self.widget == "group":
            for child in self.children:
                yield from child.flat()
        else:
            yield self

    def row_columns(self) -> tuple[FormField, ...]:
        """A repeating group's columns with inner groups dissolved."""
        return tuple(c for col in self.columns for c in col.flat())

    def column(self, key: str) -> FormField | None:
        return next((c for c in self.row_columns() if c.key == key), None)

    def all_options(self) -> tuple[str, ...]:
        if self.options:
            return self.options
        return tuple(dict.fromkeys(o for opts in self.options_by_parent.values() for o in opts))


class Module(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    key: str
    label: str
    tab: str | None = None  # the site's tab address (#tab0), where it has one
    visible_if: str | None = None
    note: str | None = None
    fields: tuple[FormField, ...]
    candidates: tuple[FormField, ...] = ()  # seen in a page source only; never filled

    def controls(self) -> tuple[FormField, ...]:
        """The module's controls in page order, groups dissolved (a spec's keys)."""
        return tuple(c for f in self.fields for c in f.flat())

    def field(self, key: str) -> FormField | None:
        return next((f for f in self.controls() if f.key == key), None)

    def group_of(self, key: str) -> FormField | None:
        """The group a control sits in, if any (its visible_if applies too)."""
        for f in self.fields:
            if f.widget == "group" and any(c.key == key for c in f.flat()):
                return f
        return None


class Form(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    generation: str
    label: str
    version: int = 1
    modules: tuple[Module, ...]
    review: dict[str, Any] = Field(default_factory=dict)
    account_template: dict[str, Any] = Field(default_factory=dict)

    def module(self, key: str) -> Module | None:
        return next((m for m in self.modules if m.key == key), None)

    def owner(self, field_key: str) -> Module | None:
        """The module a control (or a twin) belongs to; keys are unique across a form."""
        return self._owners().get(field_key)

    def find(self, field_key: str) -> FormField | None:
        mod = self.owner(field_key)
        return mod.field(field_key) if mod else None

    def _owners(self) -> dict[str, Module]:
        found = _OWNERS.get(id(self))
        if found is None:
            found = {}
            for m in self.modules:
                for f in m.controls():
                    found[f.key] = m
                    if f.twin:
                        found[f.twin.key] = m
            _OWNERS[id(self)] = found
        return found


_OWNERS: dict[int, dict[str, Module]] = {}


def generations() -> tuple[str, ...]:
    """The generations shipped, newest last."""
    return tuple(sorted(p.stem for p in HERE.glob("*.yaml")))


@functools.lru_cache(maxsize=8)
def load(generation: str = DEFAULT_GENERATION) -> Form:
    """The catalog of a generation; KeyError naming the known ones when there is no such file."""
    path = HERE / f"{generation}.yaml"
    if not path.is_file():
        raise KeyError(f"no form generation {generation!r}; known: {', '.join(generations())}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    form = Form.model_validate(data)
    if form.generation != generation:
        raise ValueError(f"{path.name} says generation {form.generation!r}")
    return form
