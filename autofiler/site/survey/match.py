"""Match the controls a survey found against the site map joined with its catalog: found, missing on the site,
new on the site (with a proposed key), label, options, name or kind changed. Pure: no browser."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from autofiler.forms import Form, FormField
from autofiler.site.maps.resolve import ClassicSite, SiteField
from autofiler.site.survey.survey_data import (
    OPTION_KINDS,
    SAME_KIND,
    Difference,
    Expected,
    ExpectedTab,
    Found,
    FoundTab,
    Survey,
    proposed_key,
)

SELECT_LIKE = SAME_KIND["select"] | {"institution"}  # an empty select may fill from a parent or a search


def expected(site: ClassicSite, form: Form) -> tuple[ExpectedTab, ...]:
    """The tabs and fields the site map and catalog say the editor shows, in catalog order."""
    twins = {c.twin.key: c for m in form.modules for c in m.controls() if c.twin}
    out = []
    for tab in site.tabs:
        module = form.module(tab.key)
        tab_cond = bool(module and module.visible_if)
        fields = []
        for f in tab.fields:
            source = form.find(f.key)
            parent = twins.get(f.key) if source is None else None
            group = module.group_of(f.key) if module and source else None
            conditional = tab_cond or parent is not None or bool(
                source and source.visible_if) or bool(group and group.visible_if)
            fields.append(_expected(f, source, conditional, twin_of=parent.key if parent else None))
        out.append(ExpectedTab(tab.key, tab.label, tab.address, tuple(fields)))
    return tuple(out)


def _names(f: SiteField, source: FormField | None) -> tuple[str, ...]:
    if f.name:
        return (f.name,)
    if source is not None and isinstance(source.name, list):
        return tuple(source.name)  # a date range's two inputs
    return ()


def _expected(f: SiteField, source: FormField | None, conditional: bool, twin_of: str | None = None) -> Expected:
    columns = []
    for c in f.columns:
        col = source.column(c.key) if source is not None else None
        columns.append(_expected(c, col, bool(col and col.visible_if)))
    return Expected(
        key=f.key, label=f.label, widget=f.widget, names=_names(f, source),
        options=() if twin_of else f.options,
        dependent=bool(source and (source.widget == "dependent_select" or source.options_by_parent)),
        dictionary=bool(source and source.dictionary), conditional=conditional, twin_of=twin_of,
        columns=tuple(columns))


def _same_names(e: Expected, f: Found) -> bool:
    return bool(e.names) and bool(f.names) and (set(e.names) == set(f.names) or e.name == f.name)


def pair(want: Sequence[Expected], have: Sequence[Found]
         ) -> tuple[list[tuple[Expected, Found]], list[Expected], list[Found]]:
    """Pairs by name and label, then by name alone (a changed label), then by label alone; the rest unmatched."""
    left_e, left_f = list(want), list(have)
    pairs: list[tuple[Expected, Found]] = []

    def take(test: Callable[[Expected, Found], bool]) -> None:
        for e in list(left_e):
            i = next((i for i, f in enumerate(left_f) if test(e, f)), None)
            if i is not None:  # by place, not by equality: two controls may look alike
                pairs.append((e, left_f.pop(i)))
                left_e[:] = [x for x in left_e if x is not e]

    take(lambda e, f: _same_names(e, f) and e.label == f.label)
    take(_same_names)
    take(lambda e, f: e.label == f.label and not (e.names and f.names))
    take(lambda e, f: e.label == f.label)
    _by_place(want, have, pairs, left_e, left_f)
    order = {id(e): i for i, e in enumerate(want)}
    pairs.sort(key=lambda p: order[id(p[0])])
    return pairs, left_e, left_f


def _anchors(items: Sequence[Any], paired: dict[int, int]) -> dict[int, int | None]:
    """For each item, the paired item (by id) closest before it in its own list."""
    out: dict[int, int | None] = {}
    last: int | None = None
    for x in items:
        out[id(x)] = last
        if id(x) in paired:
            last = paired[id(x)]
    return out


def _by_place(want: Sequence[Expected], have: Sequence[Found], pairs: list[tuple[Expected, Found]],
              left_e: list[Expected], left_f: list[Found]) -> None:
    """Where no control name tells, a field and a control of a fitting kind in the same place (after the same
    paired neighbour) are one control whose label changed; a conditional field may just be left out, so it
    is never paired by place."""
    e_to_f = {id(e): id(f) for e, f in pairs}
    f_self = {id(f): id(f) for _, f in pairs}
    after_e, after_f = _anchors(want, e_to_f), _anchors(have, f_self)
    for e in [x for x in left_e if not x.conditional]:
        i = next((i for i, f in enumerate(left_f) if not (e.names and f.names) and _fits(e, f)
                  and after_e[id(e)] == after_f[id(f)]), None)
        if i is not None:
            pairs.append((e, left_f.pop(i)))
            left_e[:] = [x for x in left_e if x is not e]


def _fits(e: Expected, f: Found) -> bool:
    return e.widget in SAME_KIND.get(f.kind, frozenset()) or (
        e.widget in SELECT_LIKE and f.kind in ("select", "dependent_select"))


def _ordered_diff(a: Iterable[str], b: Iterable[str]) -> tuple[str, ...]:
    other = set(b)
    return tuple(x for x in dict.fromkeys(a) if x not in other)


class _Matcher:
    def __init__(self, form: Form) -> None:
        self.survey = Survey()
        self.taken = {c.key for m in form.modules for c in m.controls()} | {
            c.twin.key for m in form.modules for c in m.controls() if c.twin}

    def diff(self, kind: str, tab: ExpectedTab, label: str, **kw: object) -> None:
        self.survey.differences.append(Difference(kind, tab.key, tab.label, label, **kw))  # type: ignore[arg-type]

    def fields(self, tab: ExpectedTab, want: Sequence[Expected], have: Sequence[Found],
               group: Expected | None = None) -> None:
        pairs, missing, new = pair(want, have)
        g = group.key if group else None
        for e, f in pairs:
            self.survey.matched.append((tab.key, e, f))
            self.compare(tab, e, f, group)
        for e in missing:
            if e.conditional:
                self.survey.unseen.append((tab.key, e))
            else:
                self.diff("missing", tab, e.label, key=e.key, group=g)
        taken = {c.key for c in group.columns} if group else self.taken
        known = {id(f): e.key for e, f in pairs}
        before: str | None = None
        for f in have:  # page order: a new control goes after the known one before it
            if id(f) in known:
                before = known[id(f)]
            elif any(f is n for n in new):
                key = proposed_key(f.name, taken)
                self.diff("new", tab, f.label, key=key, group=g, new=f.widget, found=f, added=f.options,
                          after=before)

    def compare(self, tab: ExpectedTab, e: Expected, f: Found, group: Expected | None) -> None:
        g = group.key if group else None
        single = group is not None and e.name is not None and e.name == group.name  # one input per row
        if e.label != f.label and not single:
            self.diff("label", tab, f.label, key=e.key, group=g, old=e.label, new=f.label, found=f)
        if e.names and f.names and not _same_names(e, f):
            self.diff("name", tab, e.label, key=e.key, group=g, old=e.name, new=f.name, found=f)
        if not _fits(e, f):
            self.diff("widget", tab, e.label, key=e.key, group=g, old=e.widget, new=f.kind, found=f)
        elif f.kind in OPTION_KINDS and e.options and not e.dictionary:
            added = _ordered_diff(f.options, e.options)
            removed = () if e.dependent else _ordered_diff(e.options, f.options)
            if added or removed:
                self.diff("options", tab, e.label, key=e.key, group=g, added=added, removed=removed, found=f)
        if f.kind == "dialog_picker":
            return  # a picker's columns are its dialog's
        if f.headers and not f.columns:  # a table: its columns are header cells (with a number and actions)
            for c in e.columns:
                if c.label not in f.headers:
                    self.diff("missing", tab, c.label, key=c.key, group=e.key)
        elif e.columns or f.columns:
            self.fields(tab, e.columns, f.columns, e)


def match(site: ClassicSite, form: Form, found: Sequence[FoundTab]) -> Survey:
    return match_tabs(expected(site, form), form, found)


def match_tabs(tabs: Sequence[ExpectedTab], form: Form, found: Sequence[FoundTab]) -> Survey:
    """The survey's findings: tabs paired by title (or by place when a title changed), then their controls."""
    m = _Matcher(form)
    tabs = tuple(tabs)
    left = list(tabs)
    by_label = {t.label: t for t in tabs}
    paired: list[tuple[ExpectedTab | None, FoundTab]] = []
    for ft in found:
        e = by_label.get(ft.label)
        if e in left:
            left.remove(e)
            paired.append((e, ft))
        else:
            paired.append((None, ft))
    for i, (e, ft) in enumerate(paired):  # a renamed tab keeps its place
        if e is None and i < len(tabs) and tabs[i] in left:
            left.remove(tabs[i])
            paired[i] = (tabs[i], ft)
    for e, ft in paired:
        m.survey.tabs.append((e, ft))
        if e is None:
            new_tab = ExpectedTab(ft.label, ft.label, None, ())
            m.diff("new_tab", new_tab, ft.label)
            m.fields(new_tab, (), ft.controls)
            continue
        if e.label != ft.label:
            m.diff("tab_label", e, ft.label, old=e.label, new=ft.label)
        m.fields(e, e.fields, ft.controls)
    for e in left:
        m.survey.tabs.append((e, None))
        m.diff("missing_tab", e, e.label)
    return m.survey
