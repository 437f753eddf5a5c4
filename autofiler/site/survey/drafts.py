"""The files `doctor --survey --out FILE` writes: a site map draft (the site map with what it can say about the
differences: labels, names, kinds and fields the site no longer shows) and a catalog draft beside it
(`<stem>.catalog.yaml`: the catalog with every difference applied, `verification: surveyed` on what changed).
Both are checked with the loaders the driver uses before they are written."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from autofiler.forms import Form
from autofiler.site.maps import resolve
from autofiler.site.survey.survey_data import Difference, Found, Survey, proposed_key

SURVEYED = "surveyed"
NOT_SHOWN = "调查时页面上没有 / not on the site's page when surveyed"


def _controls(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Fields with groups opened up (a group's `fields`, and a row's inner groups' `columns`)."""
    for f in fields:
        yield f
        if f.get("widget") == "group":
            yield from _controls(f.get("fields") or f.get("columns") or [])


def _find(fields: list[dict[str, Any]], key: str) -> tuple[dict[str, Any], bool] | None:
    """The catalog entry of a key, and whether the key is its English twin."""
    for f in _controls(fields):
        if f.get("key") == key:
            return f, False
        twin = f.get("en_twin")
        if isinstance(twin, dict) and twin.get("key") == key:
            return f, True
    return None


def _holder(fields: list[dict[str, Any]], key: str) -> tuple[list[dict[str, Any]], int] | None:
    """The list holding a key's entry (a module's fields, or a group's), and its place in it."""
    for i, f in enumerate(fields):
        twin = f.get("en_twin")
        if f.get("key") == key or (isinstance(twin, dict) and twin.get("key") == key):
            return fields, i
        if f.get("widget") == "group":
            inner = _holder(f.get("fields") or f.get("columns") or [], key)
            if inner:
                return inner
    return None


def _module(data: dict[str, Any], key: str) -> dict[str, Any] | None:
    return next((m for m in data.get("modules") or [] if m.get("key") == key), None)


def _target(data: dict[str, Any], d: Difference) -> tuple[dict[str, Any], bool] | None:
    module = _module(data, d.tab)
    if module is None:
        return None
    if d.group:
        group = _find(module["fields"], d.group)
        if group is None:
            return None
        owner, twin = group
        if twin or d.key is None:
            return None  # a twin group's columns are its field's
        return _find(owner.get("columns") or [], d.key)
    return _find(module["fields"], d.key) if d.key else None


def _entry(f: Found, key: str) -> dict[str, Any]:
    """A catalog entry for a control the site shows and the catalog lacks."""
    out: dict[str, Any] = {"key": key, "label": f.label}
    if len(f.names) > 1:
        out["name"] = list(f.names)
    elif f.name:
        out["name"] = f.name
    out["widget"] = f.widget
    out["required"] = f.required
    if f.options:
        out["options"] = list(f.options)
    if f.inputs > 1:
        out["inputs"] = f.inputs
    if f.columns:
        inner: set[str] = set()
        out["columns"] = [_entry(c, proposed_key(c.name, inner)) for c in f.columns]
    out["verification"] = SURVEYED
    return out


def catalog_draft(catalog: dict[str, Any], survey: Survey) -> dict[str, Any]:
    data = copy.deepcopy(catalog)
    taken = {c["key"] for m in data["modules"] for c in _controls(m["fields"])}
    for d in survey.differences:
        if d.kind == "tab_label":
            module = _module(data, d.tab)
            if module is not None:
                module["label"] = d.new
            continue
        if d.kind == "new_tab":
            new_fields: list[dict[str, Any]] = []
            data["modules"].append({"key": proposed_key(None, taken, "surveyed_tab"), "label": d.label,
                                    "fields": new_fields})
            continue
        if d.kind == "new" and d.found is not None:
            module = _module(data, d.tab) or data["modules"][-1]
            group = _find(module["fields"], d.group) if d.group else None
            into = group[0].setdefault("columns", []) if group else module["fields"]
            entry = _entry(d.found, d.key or proposed_key(d.found.name, taken))
            holder = _holder(into, d.after) if d.after else None
            if holder is None:
                into.append(entry)
            else:
                holder[0].insert(holder[1] + 1, entry)
            continue
        found = _target(data, d)
        if found is None:
            continue
        entry, twin = found
        where = entry["en_twin"] if twin else entry
        if d.kind == "label":
            where["label"] = d.new
        elif d.kind == "name":
            where["name"] = d.new
        elif d.kind == "widget" and d.found is not None and not twin:
            entry["widget"] = d.found.widget
            if d.found.options:
                entry["options"] = list(d.found.options)
        elif d.kind == "options" and d.found is not None:
            if entry.get("options_by_parent"):
                entry["note"] = f"调查发现新选项 / surveyed, new options: {'、'.join(d.added)}"
            else:
                entry["options"] = list(d.found.options)
        elif d.kind == "missing":
            entry["note"] = NOT_SHOWN
        entry["verification"] = SURVEYED
    return data


def _in_site_map(d: Difference) -> bool:
    """What a site map can say: a field's label, name or kind, a field not shown, a tab's title. A column, a new
    field or an option list is the catalog's to say."""
    return not d.group and d.kind in ("label", "name", "widget", "missing", "tab_label")


def site_map_draft(site_map: dict[str, Any], survey: Survey) -> dict[str, Any]:
    data = copy.deepcopy(site_map)
    for d in survey.differences:
        if not _in_site_map(d):
            continue
        tabs = data.setdefault("tabs", {}) or {}
        data["tabs"] = tabs
        tab = tabs.setdefault(d.tab, {}) or {}
        tabs[d.tab] = tab
        if d.kind == "tab_label":
            tab["label"] = d.new
            continue
        over = tab.setdefault("fields", {}).setdefault(d.key, {})
        if d.kind == "missing":
            over["skip"] = True
        elif d.kind == "widget" and d.found is not None:
            over["widget"] = d.found.widget
        else:
            over[d.kind] = d.new
    return data


def _dump(data: dict[str, Any], header: str) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
    return "".join(f"# {line}\n" for line in header.splitlines()) + "\n" + body


def write(out: Path, survey: Survey, map_path: Path, catalog_path: Path, family: str = "classic"
          ) -> tuple[Path, Path]:
    """Write both drafts (checked by the loaders first); returns their paths."""
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    raw = resolve.read_yaml(map_path)
    catalog = catalog_draft(yaml.safe_load(catalog_path.read_text(encoding="utf-8")), survey)
    Form.model_validate(catalog)
    if family == "classic":
        smap = site_map_draft(raw, survey)  # type: ignore[arg-type]
        resolve.parse(smap, out)
    else:
        from autofiler.site import sitemap
        from autofiler.site.survey.element_drafts import element_map_draft

        smap = element_map_draft(raw, survey)  # type: ignore[arg-type]
        sitemap.parse(smap, out)
    catalog_out = out.with_name(out.stem + ".catalog.yaml")
    n = len(survey.differences)
    out.write_text(_dump(smap, f"站点地图草稿 / site map draft, `autofiler doctor --survey` {stamp}: {map_path.name} "
                               f"with what a site map can say of {n} difference(s).\nOption lists, columns and "
                               f"new fields are in "
                               f"{catalog_out.name}. Review before use."), encoding="utf-8")
    catalog_out.write_text(_dump(catalog, f"表单目录草稿 / catalog draft, `autofiler doctor --survey` {stamp}: "
                                          f"{catalog_path.name} with {n} difference(s) applied;\nchanged entries say "
                                          f"`verification: {SURVEYED}`. Review before use."), encoding="utf-8")
    return out, catalog_out
