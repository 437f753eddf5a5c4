"""Cross-field checks of a catalog-driven generation, read from generations.yaml (data, not code, per form).

Each check looks only at values the page shows and that are well formed, so it runs whatever else is wrong.
"""

from __future__ import annotations

from typing import Any

from autofiler.spec.catalog_index import extras
from autofiler.spec.catalog_rules import Scope
from autofiler.spec.findings import ERROR
from autofiler.spec.reporter import Reporter
from autofiler.spec.types import as_int, parse_date
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


def run(scope: Scope, out: Reporter) -> None:
    for check in checks(scope.index.form.generation):
        severity = check.get("severity", ERROR)
        kind = check["kind"]
        if kind == "sum":
            group, _, column = check["rows"].partition(".")
            total, rows = _scalar(scope, check["total"]), scope.value(check["rows"])
            sizes = [as_int(v) for v in rows or []]
            known = [s for s in sizes if s is not None]
            if isinstance(total, int) and sizes and len(known) == len(sizes) and sum(known) != total:
                out.add(severity, "sample-size-sum", _path(scope, check["total"]),
                        f"{_label(scope, check['total'])} {total} 与各行之和 {sum(known)} 不一致 / "
                        f"{check['total']} {total} differs from the sum of {group}.{column}")
        elif kind == "not_less":
            high, low = _scalar(scope, check["field"]), _scalar(scope, check["than"])
            same = [scope.value(k) for k in check.get("same") or []]
            if type(high) is type(low) and high is not None and high < low and len(set(map(str, same))) <= 1:
                out.add(severity, "order", _path(scope, check["field"]),
                        f"{_label(scope, check['field'])} {high} 早于或小于 {_label(scope, check['than'])} {low} / "
                        f"{check['field']} {high} is below {check['than']} {low}")
        elif kind == "any_row":
            found = [v for v in scope.value(check["rows"]) or [] if v is not None]
            if found and check["value"] not in found:
                group = check["rows"].partition(".")[0]
                out.add(severity, "primary-outcome", _path(scope, group),
                        f"至少需要一行「{check['value']}」 / at least one row must be {check['value']}")
        elif kind == "within":
            inner, outer = scope.value(check["inner"]), scope.value(check["outer"])
            if isinstance(inner, dict) and isinstance(outer, dict):
                a, b = parse_date(inner.get("start")), parse_date(inner.get("end"))
                c, d = parse_date(outer.get("start")), parse_date(outer.get("end"))
                if a and b and c and d and (a < c or b > d):
                    out.add(severity, "date-range", _path(scope, check["inner"]),
                            f"{_label(scope, check['inner'])} 超出 {_label(scope, check['outer'])} 的范围 / "
                            f"{check['inner']} is not within {check['outer']}")
