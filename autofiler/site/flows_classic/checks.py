"""What the site must know before anything is written: every participating unit written as a plain name is
looked up through the site's institution search, and every choice the spec makes is checked against the options
the page serves (dictionary lists included). Dependent options follow their parent's choice on the page: they are
checked when the editor is filled (`--dry-run`, and submit before its first save).

A unit the search does not find is acceptable only where the form takes its details (on this form the unit's row
itself: address, province, level); any other finding stops the run before a draft exists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from autofiler.forms import load as load_form
from autofiler.forms.catalog import FormField
from autofiler.forms.conditions import holds
from autofiler.site.flows_classic.classic_editor import ClassicEditor
from autofiler.site.lists import institution_lookup
from autofiler.site.maps.resolve import ClassicSite, SiteField, SiteTab
from autofiler.site.prewrite import Problem
from autofiler.site.widgets_classic.context import name_selector

UNIT_KEYS = frozenset({"institution"})  # the unit column of a repeating group of units
UNIT_WIDGETS = frozenset({"autocomplete", "institution"})
CHOICES = frozenset({"select", "country", "province", "radio", "checkbox_pair", "checkbox_group"})

# the options a named control offers, wherever it is in the form (hidden tabs and row templates included)
OPTIONS_JS = """(items) => {
  const out = {};
  for (const [key, sel] of items) {
    const seen = new Set();
    for (const el of document.querySelectorAll(sel)) {
      if (el.tagName === 'SELECT') {
        for (const o of el.options) if (o.value !== '') seen.add(o.text.trim());
      } else if (el.type === 'radio' || el.type === 'checkbox') {
        seen.add((el.title || el.value).trim());
      }
    }
    out[key] = [...seen];
  }
  return out;
}"""


def _cells(tab: SiteTab, values: dict[str, Any]) -> Iterator[tuple[str, str, SiteField, Any, dict[str, Any]]]:
    """(spec path, label, field, value, row) of every value of a tab, row cells included."""
    for f in tab.fields:
        if f.key not in values:
            continue
        value = values[f.key]
        if f.columns and isinstance(value, list):
            for i, row in enumerate(value):
                if not isinstance(row, dict):
                    continue
                for c in f.columns:
                    if c.key in row:
                        yield (f"{tab.key}.{f.key}[{i}].{c.key}", f"{tab.label} › {f.label} 第{i + 1}行 › {c.label}",
                               c, row[c.key], row)
        else:
            yield f"{tab.key}.{f.key}", f"{tab.label} › {f.label}", f, value, values


def _details_given(group: FormField | None, unit_key: str, row: dict[str, Any]) -> bool:
    """Whether the row holds every detail the form asks of a unit (its required cells besides the name)."""
    if group is None:
        return False
    cols = group.row_columns()

    def lookup(key: str) -> Any:
        return row.get(key.split(".", 1)[1] if key.startswith(group.key + ".") else key)

    details = [c for c in cols if c.key != unit_key and c.widget not in UNIT_WIDGETS
               and c.required is not False and (c.required is True or holds(c.required, lookup))
               and (not c.visible_if or holds(c.visible_if, lookup))]
    return bool(details) and all(row.get(c.key) not in (None, "", []) for c in details)


def unit_problems(editor: ClassicEditor, site: ClassicSite, values: dict[str, dict[str, Any]]) -> list[Problem]:
    how = site.map.institution_search
    if how is None:
        return []
    form = load_form(site.form)
    found: dict[str, bool] = {}
    out = []
    for tab in site.tabs:
        for path, label, f, value, row in _cells(tab, values.get(tab.key) or {}):
            if f.key not in UNIT_KEYS or f.widget not in UNIT_WIDGETS or row is values.get(tab.key):
                continue
            name = str(value.get("name", "") if isinstance(value, dict) else value or "").strip()
            if not name:
                continue
            if name not in found:
                found[name] = institution_lookup.registered(editor.page.request, editor.session.settings.site, how, name)
            if found[name]:
                continue
            group = form.find(path.split(".")[1].split("[")[0])
            if isinstance(value, dict) or _details_given(group, f.key, row):
                out.append(Problem(path, label, f"“{name}”未在站点注册，将按规格中的单位信息填写 / “{name}” is not "
                                   "registered on the site: it is entered with the details the spec gives",
                                   blocking=False))
            else:
                out.append(Problem(path, label, f"“{name}”未在站点注册 / “{name}” is not registered on the site "
                                   "(`autofiler institutions` searches the registered ones)"))
    return out


def option_problems(editor: ClassicEditor, site: ClassicSite, values: dict[str, dict[str, Any]]) -> list[Problem]:
    wanted = []
    for tab in site.tabs:
        for path, label, f, value, _row in _cells(tab, values.get(tab.key) or {}):
            if f.widget in CHOICES and f.name and value not in (None, "", []):
                wanted.append((path, label, f, value))
    if not wanted:
        return []
    form = editor.map.ui.form
    offered = editor.page.evaluate(OPTIONS_JS, [[p, f"{form} :is({name_selector(f.name or '')})"]
                                                for p, _l, f, _v in wanted])
    out = []
    for path, label, _f, value in wanted:
        have = offered.get(path) or []
        if not have:
            continue  # not rendered yet (options that follow another choice): judged when filled
        for v in value if isinstance(value, list) else [value]:
            if str(v).strip() not in have:
                out.append(Problem(path, label, f"站点没有选项“{v}” / the site offers no option {str(v)!r} "
                                   f"(offered: {'、'.join(have[:12])}{' …' if len(have) > 12 else ''})"))
    return out


def check(editor: ClassicEditor, site: ClassicSite, values: dict[str, dict[str, Any]]) -> list[Problem]:
    """Every finding, on an editor that is open (a new project's or the project's own; nothing is saved)."""
    return unit_problems(editor, site, values) + option_problems(editor, site, values)
