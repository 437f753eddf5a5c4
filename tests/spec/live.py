"""Helpers for tests of catalog-driven (live-2026) specs: the examples as data, and a filler that answers every
`required` finding with a plausible value taken from the catalog (what a PI filling the template does)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from autofiler.spec import load
from autofiler.spec.catalog_index import Control, index
from autofiler.spec.catalog_spec import CatalogLoadResult
from tests.spec.helpers import SPECS, dump

LIVE = SPECS / "live-2026"
EXAMPLES = ("single-center", "multi-center-chictr", "observational")
FILL_RULES = ("required", "en-twin", "min-rows")


def live_example(name: str) -> dict[str, Any]:
    return yaml.safe_load((LIVE / f"{name}.yaml").read_text(encoding="utf-8"))


def check(folder: Path, data: Any, name: str = "spec.yaml") -> CatalogLoadResult:
    path = folder / name
    path.write_text(data if isinstance(data, str) else dump(data), encoding="utf-8")
    return load(path)  # type: ignore[return-value]


def control_at(path: str, generation: str = "live-2026") -> tuple[Control | None, bool]:
    """The control a dotted path ends at, and whether the path is its English twin."""
    idx = index(generation)
    parts = [p.split("[")[0] for p in path.split(".")[1:]]
    current: Control | None = None
    for part in parts:
        pool = idx.modules[path.split(".")[0]] if current is None else current.columns
        found = next((c for c in pool if c.key == part), None)
        if found is None:
            twin = next((c for c in pool if c.twin and c.twin.key == part), None)
            return twin, True
        current = found
    return current, False


def plausible(c: Control, english: bool) -> Any:
    """A value a PI might write for this control."""
    f = c.field
    if english:
        return ["An English item"] if c.has_rows else "English text"
    if c.has_rows:
        return [{}]
    w = f.widget
    if f.inputs:
        return ["关键词"]
    if w in ("number", "decimal"):
        return 10
    if w == "date":
        return "2025-03-01"
    if w == "daterange":
        return {"start": "2025-03-01", "end": "2026-03-01"}
    if w in ("pdf", "file"):
        return "files/protocol.pdf"
    if w == "checkbox_group":
        return [f.options[0]]
    if w == "modal_pick":
        return ["GB41"] if f.pattern == "icd11" else ["示例学科"]
    if f.options_by_parent:
        return next(iter(f.options_by_parent.values()))[0]
    if f.options:
        return "否" if "否" in f.options else f.options[0]
    return {"mobile": "13800000000", "phone": "13800000000", "email": "pi@example.org"}.get(f.pattern or "", "示例")


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    node: Any = data
    tokens: list[Any] = []
    for part in path.split("."):
        name, *rows = part.replace("]", "").split("[")
        tokens.append(name)
        tokens += [int(r) for r in rows]
    for i, token in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if isinstance(node, list):
            while len(node) <= token:
                node.append({})
            if node[token] is None:
                node[token] = {}
            node = node[token]
        else:
            if not isinstance(node.get(token), (dict, list)):
                node[token] = [] if isinstance(nxt, int) else {}
            node = node[token]
    node[tokens[-1]] = value


def fill(folder: Path, text_or_data: Any, rounds: int = 30) -> tuple[dict[str, Any], CatalogLoadResult]:
    """Answer `required` findings with plausible values until none is left (or `rounds` pass)."""
    data = copy.deepcopy(text_or_data) if isinstance(text_or_data, dict) else yaml.safe_load(text_or_data)
    result = check(folder, data)
    for _ in range(rounds):
        todo = [f for f in result.findings if f.rule in FILL_RULES]
        if not todo:
            break
        for finding in todo:
            c, english = control_at(finding.path)
            assert c is not None, finding.format()
            set_path(data, finding.path, plausible(c, english))
        result = check(folder, data)
    return data, result
