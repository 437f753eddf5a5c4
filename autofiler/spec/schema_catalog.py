"""The JSON Schema of a catalog-driven generation's spec, for editors' YAML completion.

Conditions cannot be told to an editor simply, so a field required only under a condition is not listed as
required; its description says when it is (as the template does). `autofiler validate` checks the rest.
"""

from __future__ import annotations

from typing import Any

from autofiler.spec.catalog_index import Control, index
from autofiler.spec.template_catalog import describe

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def _leaf(c: Control) -> dict[str, Any]:
    f = c.field
    w = f.widget
    if f.inputs:
        return {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": f.inputs}
    if w in ("number", "decimal"):
        out: dict[str, Any] = {"type": "integer" if w == "number" else "number", "minimum": f.min or 0}
        if f.max is not None:
            out["maximum"] = f.max
        return out
    if w == "date":
        return dict(_DATE)
    if w == "daterange":
        return {"type": "object", "additionalProperties": False, "required": ["start", "end"],
                "properties": {"start": dict(_DATE), "end": dict(_DATE)}}
    options = list(f.all_options())
    if w in ("checkbox_group", "multiselect"):
        return {"type": "array", "items": {"enum": options} if options else {"type": "string"}, "uniqueItems": True}
    if w == "modal_pick":
        return {"type": "array", "items": {"type": "string"}, "uniqueItems": True}
    if options and not f.dictionary and w not in ("text", "textarea"):
        return {"enum": options}
    if w == "files":
        return {"type": "array", "items": {"type": "string"}}
    out = {"type": "string"}
    if f.max_length:
        out["maxLength"] = f.max_length
    return out


def _field(c: Control) -> dict[str, Any]:
    if c.has_rows:
        row = _object(c.columns)
        items: dict[str, Any] = row
        if len(c.columns) == 1:
            items = {"anyOf": [{"type": "string"}, row]}
        schema: dict[str, Any] = {"type": "array", "items": items}
        if c.field.min_rows:
            schema["minItems"] = c.field.min_rows
    elif c.columns:  # a picker's value, or the mapping its dialog asks for (an unregistered institution)
        schema = {"anyOf": [_leaf(c), _object(c.columns)]}
    else:
        schema = _leaf(c)
    return {"title": c.field.label, "description": describe(c), **schema}


def _object(controls: tuple[Control, ...]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    required = []
    for c in controls:
        props[c.key] = _field(c)
        if c.field.required is True and not c.shows:
            required.append(c.key)
        if c.field.twin:
            english: dict[str, Any] = {"type": "string"}
            if c.has_rows:
                english = {"type": "array", "items": {"type": "string"}}
            props[c.field.twin.key] = {"title": c.field.twin.label, "description": f"{c.field.label}（英文）; "
                                       "required when published on ChiCTR", **english}
    out: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
    if required:
        out["required"] = required
    return out


def build(generation: str) -> dict[str, Any]:
    idx = index(generation)
    modules = {}
    for mod in idx.form.modules:
        schema = _object(idx.modules[mod.key])
        note = f"; shown only when {mod.visible_if}" if mod.visible_if else ""
        modules[mod.key] = {"title": mod.label, "description": f"{mod.label}{note}", **schema}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"autofiler spec ({generation}): {idx.form.label}",
        "description": "One medical research project to file; keys are the form's tabs and fields. Check a spec "
        "with `autofiler validate`.",
        "type": "object",
        "additionalProperties": False,
        "required": ["form"],
        "properties": {
            "form": {"const": generation, "title": "表单版本 / form generation"},
            "site_project_id": {"type": ["integer", "string"], "title": "网站上的项目编号 / the site's project id"},
            **modules,
        },
    }
