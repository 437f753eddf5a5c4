"""Cross-field checks of a catalog-driven generation, read from generations.yaml (data, not code, per form).

Each check looks only at values the page shows and that are well formed, so it runs whatever else is wrong.
A check may name the finding's rule id (`rule:`); each kind has its own otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from autofiler.spec.catalog_index import extras
from autofiler.spec.catalog_scope import Scope
from autofiler.spec.finding_collector import FindingCollector
from autofiler.spec.findings import ERROR
from autofiler.spec.types import as_int, parse_date
from autofiler.spec.values import as_text
from autofiler.spec.yamlpos import join


def checks(generation: str) -> list[dict[str, Any]]:
    return extras(generation).get("checks") or []


def _scalar(scope: Scope, name: str) -> Any:
    """A shown value: `key`, or `key.start` / `key.end` of a date range."""
    key, _, part = name.partition(".")
    value = scope.value(key)
    if part and isinstance(value, dict):
        value = value.get(part)
    d = parse_date(value)
    return d if d is not None else as_int(value)


def _path(scope: Scope, name: str) -> str:
    key, _, part = name.partition(".")
    c = scope.index.controls.get(key)
    path = join(c.module.key, key) if c else key
    return join(path, part) if part else path


def _label(scope: Scope, name: str) -> str:
    return scope.index.label(name.partition(".")[0])


def _each(scope: Scope, name: str) -> Iterator[tuple[str, Any, dict[str, Any] | None]]:
    """(path, value, row) of a shown key, or of a column in each row that shows it (`group.column`)."""
    group, _, column = name.partition(".")
    c = scope.index.controls.get(group)
    if c is None:
        return
    if not column:
        yield _path(scope, name), scope.value(name), None
        return
    col = c.column(column)
    rows = scope.raw(group) if scope.shown(group) else None
    for i, row in enumerate(rows if isinstance(rows, list) and col else []):
        if isinstance(row, dict) and col and scope.shown_in_row(c, col, row):
            yield f"{join(c.module.key, group)}[{i}].{column}", row.get(column), row


def _not_future(scope: Scope, check: dict[str, Any], out: FindingCollector, severity: str) -> None:
    today = dt.date.today()
    for path, value, _row in _each(scope, check["field"]):
        d = parse_date(value)
        if d and d > today:
            out.add(severity, check.get("rule", "future-date"), path,
                    f"日期 {d} 晚于今天，不能是将来的日期 / {d} is in the future")


def _matches(scope: Scope, check: dict[str, Any], out: FindingCollector, severity: str) -> None:
    """A text whose format depends on a choice beside it (a registration number and its platform)."""
    by = check["by"].rpartition(".")[2]
    formats: dict[str, dict[str, str]] = check["formats"]
    for path, value, row in _each(scope, check["field"]):
        choice = (row or {}).get(by) if row is not None else scope.value(check["by"])
        text, form = as_text(value), formats.get(choice) if isinstance(choice, str) else None
        if text is not None and form and not re.fullmatch(form["pattern"], text, re.ASCII):
            out.add(severity, check.get("rule", "format"), path,
                    f"「{text[:40]}」与「{choice}」不符，应为 {form['zh']} / does not match {choice}: expected "
                    f"{form['en']}")


def run(scope: Scope, out: FindingCollector) -> None:
    for check in checks(scope.index.form.generation):
        severity = check.get("severity", ERROR)
        kind = check["kind"]
        if kind == "not_future":
            _not_future(scope, check, out, severity)
        elif kind == "matches":
            _matches(scope, check, out, severity)
        elif kind == "sum":
            group, _, column = check["rows"].partition(".")
            total, rows = _scalar(scope, check["total"]), scope.value(check["rows"])
            sizes = [as_int(v) for v in rows or []]
            known = [s for s in sizes if s is not None]
            if isinstance(total, int) and sizes and len(known) == len(sizes) and sum(known) != total:
                out.add(severity, check.get("rule", "sample-size-sum"), _path(scope, check["total"]),
                        f"{_label(scope, check['total'])} {total} 与各行之和 {sum(known)} 不一致 / "
                        f"{check['total']} {total} differs from the sum of {group}.{column}")
        elif kind == "not_less":
            high, low = _scalar(scope, check["field"]), _scalar(scope, check["than"])
            same = [scope.value(k) for k in check.get("same") or []]
            if type(high) is type(low) and high is not None and high < low and len(set(map(str, same))) <= 1:
                out.add(severity, check.get("rule", "order"), _path(scope, check["field"]),
                        f"{_label(scope, check['field'])} {high} 早于或小于 {_label(scope, check['than'])} {low} / "
                        f"{check['field']} {high} is below {check['than']} {low}")
        elif kind == "any_row":
            found = [v for v in scope.value(check["rows"]) or [] if v is not None]
            if found and check["value"] not in found:
                group = check["rows"].partition(".")[0]
                out.add(severity, check.get("rule", "primary-outcome"), _path(scope, group),
                        f"至少需要一行「{check['value']}」 / at least one row must be {check['value']}")
        elif kind == "within":
            inner, outer = scope.value(check["inner"]), scope.value(check["outer"])
            if isinstance(inner, dict) and isinstance(outer, dict):
                a, b = parse_date(inner.get("start")), parse_date(inner.get("end"))
                c, d = parse_date(outer.get("start")), parse_date(outer.get("end"))
                if a and b and c and d and (a < c or b > d):
                    out.add(severity, check.get("rule", "date-range"), _path(scope, check["inner"]),
                            f"{_label(scope, check['inner'])} 超出 {_label(scope, check['outer'])} 的范围 / "
                            f"{check['inner']} is not within {check['outer']}")
