"""A tab's form post (named controls, in page order) turned into spec-shaped values keyed by catalog keys.

A repeat group's row starts with its hidden marker (the group's name, e.g. `funds`) followed by its columns'
controls; a group of one column that shares the group's name (`inclusionCriteria[]`) posts one value per row.
Checkbox pairs post true/false and become the option text; a daterange's two names become {start, end};
several inputs with one name (`keyword[]`) become a list. Values stay text here: the rules check and convert.
"""

from __future__ import annotations

from typing import Any

from mock_site.live.form import Control, Tab

LIST_WIDGETS = {"checkbox_group", "modal_pick", "pdf", "file", "files"}


def single_column(c: Control) -> bool:
    return len(c.columns) == 1 and c.columns[0].first_name == c.first_name


def _names(controls: list[Control]) -> dict[str, list[Control]]:
    """Control name -> the controls posting it (two radios of tab0 share one name; only one is ever shown)."""
    out: dict[str, list[Control]] = {}
    for c in controls:
        names = c.name if isinstance(c.name, list) else [c.name]
        for n in names:
            out.setdefault(n, []).append(c)
    return out


def _value(c: Control, posted: dict[str, list[str]]) -> Any:
    """One control's value from the values posted under its name(s); None when nothing was given."""
    if c.widget == "daterange":
        start = (posted.get(c.name[0]) or [""])[0].strip()
        end = (posted.get(c.name[1]) or [""])[0].strip()
        return {"start": start, "end": end} if start or end else None
    got = [v.strip() for v in posted.get(c.first_name, [])]
    if c.widget == "checkbox_pair":
        picked = [c.options[0] if v == "true" else c.options[1] if v == "false" else v for v in got if v]
        return None if not picked else picked[0] if len(picked) == 1 else picked
    if c.widget in LIST_WIDGETS or (c.source.inputs and c.twin_of is None):
        items = [v for v in got if v]
        return items or None
    values = [v for v in got if v]
    return values[-1] if values else None


def _scalars(controls: list[Control], posted: dict[str, list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c in controls:
        if c.columns:
            continue
        value = _value(c, posted)
        if value is not None:
            out[c.key] = value
    return out


def decode(t: Tab, items: list[tuple[str, str]]) -> dict[str, Any]:
    """Spec-shaped values of one tab (rows as lists of dicts), from the post's ordered (name, value) pairs."""
    groups = [c for c in t.controls if c.columns]
    marker = {g.first_name: g for g in groups if not single_column(g)}
    singles = {g.first_name: g for g in groups if single_column(g)}
    column_names = {n: g for g in groups if not single_column(g) for n in _names(g.columns)}
    top: dict[str, list[str]] = {}
    rows: dict[str, list[dict[str, list[str]]]] = {g.key: [] for g in groups}
    current: Control | None = None
    for name, value in items:
        if name in marker:
            current = marker[name]
            rows[current.key].append({})
        elif name in singles:
            rows[singles[name].key].append({name: [value]})
        elif name in column_names and current is column_names[name]:
            rows[current.key][-1].setdefault(name, []).append(value)
        else:
            top.setdefault(name, []).append(value)
    out = _scalars(t.controls, top)
    for g in groups:
        got = [_scalars(g.columns, posted) for posted in rows[g.key]]
        if any(got):
            out[g.key] = got
    return out
