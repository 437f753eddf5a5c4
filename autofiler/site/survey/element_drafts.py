"""The site map draft of an Element-UI face (selectors/registry.yaml's format, which lists every field): labels,
kinds and tab titles as the site shows them, fields it no longer shows left out, new ones added after the field
the page shows before them. Option lists and a table's columns are the catalog draft's."""

from __future__ import annotations

import copy
from typing import Any

from autofiler.site.survey.survey_data import Survey

# The site map's widget for a detected kind; a kind this family has no widget for stays text.
WIDGETS = {"text", "textarea", "number", "date", "daterange", "radio", "select", "multiselect", "table", "file"}
AS_WIDGET = {"dependent_select": "select", "repeating_group": "table", "upload": "file"}


def widget_of(kind: str) -> str:
    w = AS_WIDGET.get(kind, kind)
    return w if w in WIDGETS else "text"


def _index(fields: list[dict[str, Any]], key: str | None) -> int | None:
    return next((i for i, f in enumerate(fields) if f.get("key") == key), None)


def element_map_draft(site_map: dict[str, Any], survey: Survey) -> dict[str, Any]:
    data = copy.deepcopy(site_map)
    modules = {m.get("key"): m for m in data.get("modules") or []}
    for d in survey.differences:
        module = modules.get(d.tab)
        if module is None or d.group:
            continue
        fields = module.setdefault("fields", [])
        if d.kind == "tab_label":
            module["tab"] = d.new
        elif d.kind == "new" and d.found is not None:
            at = _index(fields, d.after)
            if at is None and d.after:  # after an English twin: after its field
                at = _index(fields, next((f.get("key") for f in fields if f"{f.get('key')}_en" == d.after), None))
            entry = {"key": d.key, "label": d.label, "widget": widget_of(d.found.kind)}
            fields.insert(len(fields) if at is None else at + 1, entry)
        elif (i := _index(fields, d.key)) is not None:
            if d.kind == "label":
                fields[i]["label"] = d.new
            elif d.kind == "widget" and d.found is not None:
                fields[i]["widget"] = widget_of(d.found.kind)
            elif d.kind == "missing":
                del fields[i]
    return data
