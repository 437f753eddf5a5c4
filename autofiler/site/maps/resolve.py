"""A classic site map joined with its form catalog: the tabs and fields the driver fills, in catalog order.

A field's label, control name and widget come from the catalog unless the site map overrides them; an English
twin is a field of its own (its label and name from the catalog's twin, its widget its field's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from autofiler.errors import ConfigError
from autofiler.forms import load as load_form
from autofiler.forms.catalog import FormField
from autofiler.site.maps.classic_model import ClassicSiteMap, FieldOverride, Pick


@dataclass(frozen=True)
class SiteField:
    key: str
    label: str
    widget: str
    name: str | None = None  # the control name: found by it when known, else by the label
    columns: tuple[SiteField, ...] = ()
    add_button: str | None = None
    delete_button: str | None = None
    delete_confirm: bool = False
    inputs: int | None = None
    pick: Pick | None = None
    options: tuple[str, ...] = ()

    def column(self, key: str) -> SiteField | None:
        return next((c for c in self.columns if c.key == key), None)


@dataclass(frozen=True)
class SiteTab:
    key: str
    label: str
    address: str | None
    fields: tuple[SiteField, ...] = field(default=())

    def field(self, key: str) -> SiteField | None:
        return next((f for f in self.fields if f.key == key), None)


def _name(raw: str | list[str] | None) -> str | None:
    return raw if isinstance(raw, str) else None  # a daterange's two names: found by its label


def _twin_widget(declared: str | None, widget: str) -> str:
    """An English twin is typed: the twin of a choice or a lookup is a text input."""
    return declared or (widget if widget in ("text", "textarea", "repeat_group", "table") else "text")


def _row_columns(f: FormField) -> tuple[SiteField, ...]:
    """A row's columns in page order, each English twin right after its column."""
    out: list[SiteField] = []
    for c in f.row_columns():
        out.append(_site_field(c, None))
        if c.twin:
            out.append(SiteField(key=c.twin.key, label=c.twin.label, name=c.twin.name,
                                 widget=_twin_widget(c.twin.widget, c.widget)))
    return tuple(out)


def _site_field(f: FormField, over: FieldOverride | None) -> SiteField:
    over = over or FieldOverride()
    return SiteField(
        key=f.key, label=over.label or f.label, widget=over.widget or f.widget, name=over.name or _name(f.name),
        columns=_row_columns(f),
        add_button=f.add_button, delete_button=f.delete_button, delete_confirm=f.delete_confirm,
        inputs=f.inputs, pick=over.pick, options=f.all_options(),
    )


def _twin_columns(f: FormField, twin_name: str | None) -> tuple[SiteField, ...]:
    """A twin group's columns: a column named like its group (a list of single inputs) takes the twin's name."""
    out = []
    for c in f.row_columns():
        col = _site_field(c, None)
        if twin_name and c.name == f.name:
            col = SiteField(key=col.key, label=col.label, widget=col.widget, name=twin_name)
        out.append(col)
    return tuple(out)


@dataclass(frozen=True)
class ClassicSite:
    """The site map with its catalog: `tabs` in catalog order."""

    map: ClassicSiteMap
    tabs: tuple[SiteTab, ...]
    source: Path

    @property
    def form(self) -> str:
        return self.map.form

    def tab(self, key: str) -> SiteTab:
        return next(t for t in self.tabs if t.key == key)


def join(site_map: ClassicSiteMap, source: Path = Path()) -> ClassicSite:
    try:
        form = load_form(site_map.form)
    except KeyError as e:
        raise ConfigError(f"site map {source}: {e.args[0]}") from None
    unknown = set(site_map.tabs) - {m.key for m in form.modules}
    if unknown:
        raise ConfigError(f"site map {source}: tabs {', '.join(sorted(unknown))} are not modules of {form.generation}")
    tabs = []
    for m in form.modules:
        over = site_map.tabs.get(m.key)
        overrides = over.fields if over else {}
        keys = {c.key for c in m.controls()} | {c.twin.key for c in m.controls() if c.twin}
        stray = set(overrides) - keys
        if stray:
            raise ConfigError(f"site map {source}: tabs.{m.key} names fields the catalog does not have: "
                              + ", ".join(sorted(stray)))
        fields: list[SiteField] = []
        for c in m.controls():
            if not (overrides.get(c.key) and overrides[c.key].skip):
                fields.append(_site_field(c, overrides.get(c.key)))
            twin = c.twin
            if twin and not (overrides.get(twin.key) and overrides[twin.key].skip):
                o = overrides.get(twin.key) or FieldOverride()
                fields.append(SiteField(key=twin.key, label=o.label or twin.label, name=o.name or twin.name,
                                        widget=o.widget or _twin_widget(twin.widget, c.widget),
                                        columns=_twin_columns(c, twin.name),
                                        add_button=c.add_button, delete_button=c.delete_button,
                                        delete_confirm=c.delete_confirm, inputs=c.inputs))
        tabs.append(SiteTab(m.key, (over.label if over else None) or m.label,
                            (over.address if over else None) or m.tab, tuple(fields)))
    return ClassicSite(site_map, tuple(tabs), source)


def parse(data: object, source: Path = Path()) -> ClassicSite:
    try:
        site_map = ClassicSiteMap.model_validate(data)
    except ValidationError as e:
        lines = [f"  {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()]
        raise ConfigError(f"site map {source} is not valid:\n" + "\n".join(lines)) from None
    return join(site_map, source)


def read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"site map {path}: cannot read it ({e.strerror})") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"site map {path}: not valid YAML: {e}") from None


def load(path: Path) -> ClassicSite:
    return parse(read_yaml(path), path)
