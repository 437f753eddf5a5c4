"""The site map (`selectors/registry.yaml`) as typed objects.

Everything the driver knows about the registry's pages comes from here: addresses, menu and button texts, the
signals it waits for, the UI library's class names, and per module the tab label and each field's label and
widget kind. A missing key is reported when the file is loaded, naming the key, not in the middle of a filing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from autofiler.errors import ConfigError
from autofiler.paths import package_data

WIDGETS = {
    "text", "textarea", "number", "date", "daterange", "radio", "select", "multiselect",
    "institution", "table", "file", "files",
}

# Keys the driver uses, per section; checked at load time so a hand-edited map fails early and clearly.
REQUIRED = {
    "ui": (
        "form_item", "form_item_label", "form_item_error", "tab", "tab_active", "pane", "active_pane", "button",
        "link", "message", "message_success", "message_error", "message_text", "dialog", "message_box",
        "input", "textarea", "number", "number_input", "date_input", "range_input", "picker_panel", "radio",
        "radio_checked", "radio_text", "select_input", "select_filter", "select_tags", "dropdown", "option",
        "option_hover",
        "dropdown_empty", "table", "table_header_cell", "table_row", "upload", "upload_input", "upload_item",
        "upload_item_done", "upload_item_name", "upload_item_delete", "menu_item", "pagination_total",
        "pagination_next",
    ),
    "login": ("username", "password", "captcha", "captcha_image", "button", "profile_page"),
    "menu": ("quick_start", "projects"),
    "buttons": ("new_project", "save", "submit", "confirm", "search", "delete_row"),
    "signals": ("saved", "submitted", "submit_check_title"),
    "project_list": ("name_filter", "columns"),
    "states": ("draft", "returned"),
    "institution_dialog": ("open", "title", "name", "province", "city", "address"),
}


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
        return dict(self._values)


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


def _list_api(raw: object) -> ListApi | None:
    if not raw:
        return None
    where = "list_api."
    fields = dict(_need(raw, "fields", where))  # type: ignore[arg-type]
    for key in ("id", "project_name", "status"):
        _need(fields, key, where + "fields.")
    try:
        size = int(_need(raw, "page_size", where))  # type: ignore[arg-type]
    except ValueError:
        raise ConfigError("site map: list_api.page_size is not a number") from None
    paths = dict(_need(raw, "paths", where))  # type: ignore[arg-type]
    text = {k: str(_need(raw, k, where)) for k in ("page_param", "size_param", "rows", "total")}
    return ListApi(paths=paths, page_size=size, fields={k: str(v) for k, v in fields.items()}, **text)


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

    def module(self, key: str) -> Module:
        for m in self.modules:
            if m.key == key:
                return m
        raise KeyError(key)

    def state_key(self, label: str) -> str | None:
        """The state key of a status label shown by the site (草稿 -> draft); None when unknown."""
        for key, text in self.states.items():
            if text == label.strip():
                return key
        return None

    def project_id(self, url: str) -> str | None:
        m = re.search(self.project_id_pattern, url)
        return m.group(1) if m else None

    def twin_label(self, f: Field) -> str:
        return f.label + self.en_twin_suffix


def _need(data: Mapping, key: str, where: str) -> object:
    if not isinstance(data, Mapping) or key not in data:
        raise ConfigError(f"site map: {where}{key} is missing")
    return data[key]


def _field(raw: Mapping, where: str) -> Field:
    key = str(_need(raw, "key", where))
    where = f"{where}{key}."
    widget = str(_need(raw, "widget", where))
    if widget not in WIDGETS:
        raise ConfigError(f"site map: {where}widget {widget!r} is not one of {', '.join(sorted(WIDGETS))}")
    columns: list[Column] = []
    if widget == "table":
        for c in raw.get("columns") or []:
            ckey = str(_need(c, "key", where + "columns."))
            cwidget = str(_need(c, "widget", f"{where}columns.{ckey}."))
            if cwidget not in WIDGETS - {"table", "files"}:
                raise ConfigError(f"site map: {where}columns.{ckey}.widget {cwidget!r} cannot be a table cell")
            columns.append(Column(ckey, str(_need(c, "label", f"{where}columns.{ckey}.")), cwidget))
        if not columns or not raw.get("add_button"):
            raise ConfigError(f"site map: table {where.rstrip('.')} needs columns and add_button")
    return Field(
        key=key,
        label=str(_need(raw, "label", where)),
        widget=widget,
        en_twin=bool(raw.get("en_twin", False)),
        readonly=bool(raw.get("readonly", False)),
        when=raw.get("when"),
        add_button=raw.get("add_button"),
        columns=tuple(columns),
    )


def parse(data: Mapping, source: Path = Path()) -> SiteMap:
    if not isinstance(data, Mapping):
        raise ConfigError(f"site map {source}: not a YAML mapping")
    sections: dict[str, Section] = {}
    for name in ("ui", "login", "menu", "buttons", "signals", "project_list", "progress_page", "states",
                 "institution_dialog"):
        raw = data.get(name) or {}
        for key in REQUIRED.get(name, ()):
            _need(raw, key, f"{name}.")
        sections[name] = Section(name, raw)
    site = _need(data, "site", "")
    modules = []
    for m in _need(data, "modules", "") or []:  # type: ignore[union-attr]
        mkey = str(_need(m, "key", "modules."))
        fields = tuple(_field(f, f"modules.{mkey}.") for f in _need(m, "fields", f"modules.{mkey}.") or [])
        modules.append(Module(mkey, str(_need(m, "tab", f"modules.{mkey}.")), fields))
    if not modules:
        raise ConfigError(f"site map {source}: no modules")
    return SiteMap(
        presets=dict(site.get("presets") or {}),  # type: ignore[union-attr]
        login_path=str(_need(site, "login_path", "site.")),
        project_id_pattern=str(_need(site, "project_id_pattern", "site.")),
        project_url=str(_need(site, "project_url", "site.")),
        progress_url=str(_need(site, "progress_url", "site.")),
        project_tab_url=site.get("project_tab_url"),  # type: ignore[union-attr]
        en_twin_suffix=str(data.get("en_twin_suffix", "")),
        modules=tuple(modules),
        source=source,
        list_api=_list_api(data.get("list_api")),
        **sections,  # type: ignore[arg-type]
    )


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
