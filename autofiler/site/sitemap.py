"""The site map (`selectors/registry.yaml`) as typed objects.

Everything the driver knows about the registry's pages comes from here: addresses, menu and button texts, the
signals it waits for, the UI library's class names, and per module the tab label and each field's label and
widget kind. The file is validated against the typed model (autofiler/site/maps/element_model.py, where every
key is documented with the fallback used without it); a missing or unknown key is reported when the file is
loaded, naming the key, not in the middle of a filing. `schema()` gives the JSON Schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import ValidationError

from autofiler.errors import ConfigError
from autofiler.paths import package_data
from autofiler.site.maps import element_answers, element_model
from autofiler.site.maps.classic_model import InstitutionSearch
from autofiler.site.maps.state_labels import state_key

WIDGETS = set(get_args(element_model.Widget))

# Optional UI keys and the key whose value serves in their place.
UI_FALLBACKS = {"link": "button", "message_box": "dialog"}


class Section(Mapping[str, str]):
    """A named group of texts (menu items, buttons, class names). Attribute or item access; a missing key
    raises ConfigError naming the section and key."""

    def __init__(self, name: str, values: Mapping[str, object]) -> None:
        self._name = name
        self._values = dict(values)

    def __getitem__(self, key: str):  # type: ignore[override]
        try:
            return self._values[key]
        except KeyError:
            raise ConfigError(f"site map: {self._name}.{key} is missing") from None

    def __getattr__(self, key: str):
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def as_dict(self) -> dict[str, object]:
        """The keys the map gives (an optional key left out is not listed)."""
        return {k: v for k, v in self._values.items() if v is not None}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    widget: str


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    widget: str
    en_twin: bool = False
    readonly: bool = False
    when: str | None = None
    add_button: str | None = None
    columns: tuple[Column, ...] = ()

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


@dataclass(frozen=True)
class Module:
    key: str
    tab: str
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)


@dataclass(frozen=True)
class ListApi:
    """The JSON requests the site's list pages are built from: a path per list (a `menu` key), the paging
    parameters, where the rows and the count are in the answer, and which row key holds each column."""

    paths: dict[str, str]
    page_param: str
    size_param: str
    page_size: int
    rows: str
    total: str
    fields: dict[str, str]


@dataclass(frozen=True)
class SiteMap:
    presets: dict[str, str]
    login_path: str
    project_id_pattern: str
    project_url: str
    progress_url: str
    ui: Section
    login: Section
    menu: Section
    buttons: Section
    signals: Section
    project_list: Section
    progress_page: Section
    states: Section
    institution_dialog: Section
    en_twin_suffix: str
    modules: tuple[Module, ...]
    source: Path = field(default=Path())
    project_tab_url: str | None = None  # the editor opened on a module's tab, when the site has such an address
    list_api: ListApi | None = None  # the JSON behind the project lists, when the map knows it
    layout: Section = field(default_factory=lambda: Section("layout", {}))
    save_answer: element_answers.SaveAnswer = field(default_factory=element_answers.SaveAnswer)
    project_api: element_answers.ProjectApi | None = None  # one project's JSON: 提交 is judged by its state
    editable_states: tuple[str, ...] = ("draft", "returned")
    institution_search: InstitutionSearch | None = None  # 单位名称's remote search request, when known
    form: str = "sop-2020"  # the form generation
    family: str = "element"  # the UI family

    def module(self, key: str) -> Module:
        for m in self.modules:
            if m.key == key:
                return m
        raise KeyError(key)

    def state_key(self, label: str) -> str | None:
        """The state key of a status label shown by the site (草稿 -> draft); None when unknown."""
        return state_key(self.states, label)

    def project_id(self, url: str) -> str | None:
        m = re.search(self.project_id_pattern, url)
        return m.group(1) if m else None

    def twin_label(self, f: Field) -> str:
        return f.label + self.en_twin_suffix


def _where(loc: tuple[Any, ...], data: Any) -> str:
    """A validation error's place as dotted keys, a list entry named by its `key` (modules.basic_info...)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
            parts.append(str(data.get("key", part)) if isinstance(data, Mapping) else str(part))
            continue
        if isinstance(part, int):
            parts.append(str(part))
            continue
        data = data.get(part) if isinstance(data, Mapping) else None
        if part != "fields" or not isinstance(data, list):  # modules.<module>.<field>, as a reader says it
            parts.append(str(part))
    return ".".join(parts)


def _config_error(e: ValidationError, data: Mapping, source: Path) -> ConfigError:
    err = e.errors()[0]
    where = _where(tuple(err["loc"]), data)
    if err["type"] == "missing":
        return ConfigError(f"site map: {where} is missing")
    if err["type"] == "extra_forbidden":
        return ConfigError(f"site map {source}: {where} is not a key of the site map")
    if err["type"] == "literal_error":
        return ConfigError(f"site map: {where} {err['input']!r} is not one of {err['ctx']['expected']}")
    message = str(err["msg"]).removeprefix("Value error, ")
    return ConfigError(f"site map: {where + ': ' if where else ''}{message}")


def _section(name: str, model: Any, fallbacks: Mapping[str, str] | None = None) -> Section:
    values = model.model_dump() if model is not None else {}
    for key, other in (fallbacks or {}).items():
        if values.get(key) is None:
            values[key] = values[other]
    return Section(name, values)


def parse(data: Mapping, source: Path = Path()) -> SiteMap:
    """Validate the raw map against the typed model and build the SiteMap the driver reads."""
    if not isinstance(data, Mapping):
        raise ConfigError(f"site map {source}: not a YAML mapping")
    try:
        typed = element_model.ElementSiteMap.model_validate(data)
    except ValidationError as e:
        raise _config_error(e, data, source) from None
    modules = tuple(
        Module(m.key, m.tab, tuple(
            Field(key=f.key, label=f.label, widget=f.widget, en_twin=f.en_twin, readonly=f.readonly, when=f.when,
                  add_button=f.add_button, columns=tuple(Column(c.key, c.label, c.widget) for c in f.columns))
            for f in m.fields))
        for m in typed.modules)
    api = typed.list_api
    site = typed.site
    return SiteMap(
        presets=dict(site.presets), login_path=site.login_path, project_id_pattern=site.project_id_pattern,
        project_url=site.project_url, progress_url=site.progress_url, project_tab_url=site.project_tab_url,
        ui=_section("ui", typed.ui, UI_FALLBACKS), login=_section("login", typed.login),
        menu=_section("menu", typed.menu), buttons=_section("buttons", typed.buttons),
        signals=_section("signals", typed.signals), project_list=_section("project_list", typed.project_list),
        progress_page=_section("progress_page", typed.progress_page),
        states=Section("states", dict(typed.states)),
        institution_dialog=_section("institution_dialog", typed.institution_dialog),
        layout=_section("layout", typed.layout), en_twin_suffix=typed.en_twin_suffix, modules=modules,
        source=source, save_answer=typed.save_answer, project_api=typed.project_api,
        editable_states=typed.editable_states, form=typed.form, family=typed.family,
        institution_search=typed.institution_search,
        list_api=ListApi(paths=dict(api.paths), page_param=api.page_param, size_param=api.size_param,
                         page_size=api.page_size, rows=api.rows, total=api.total, fields=dict(api.fields))
        if api else None,
    )


def schema() -> dict[str, Any]:
    """The JSON Schema of the Element family's site map (selectors/registry.yaml)."""
    return element_model.schema()

def default_path() -> Path:
    return package_data("selectors") / "registry.yaml"


def load(path: str | Path | None = None) -> SiteMap:
    """Load the site map from `path`, or the shipped one."""
    p = Path(path) if path else default_path()
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"site map {p}: cannot read it ({e.strerror})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ConfigError(f"site map {p}: not valid YAML: {e}") from None
    return parse(data, p)
