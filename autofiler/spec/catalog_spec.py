"""Specs of a generation that has no hand-written models (live-2026, and any later one): checked and read
straight from its catalog.

`load_catalog` gives a `CatalogLoadResult` whose `.spec` offers what the driver uses of a sop-2020 spec:
`project_name`, `form`, `site_project_id`, `site_values()`, `attachment_path()`, and each module by its key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from autofiler.forms import generations
from autofiler.forms.catalog import FILE_WIDGETS
from autofiler.spec import catalog_checks, counterparts, pdfcheck, values
from autofiler.spec.catalog_index import Control, Index, index, value_of
from autofiler.spec.catalog_rules import Walker
from autofiler.spec.catalog_scope import Scope
from autofiler.spec.finding_collector import FindingCollector, locate
from autofiler.spec.findings import WARNING
from autofiler.spec.load_result import LoadResult
from autofiler.spec.yamlpos import Parsed, join


class Record(SimpleNamespace):
    """A mapping of checked values read by attribute; a field not filled reads as None."""

    @classmethod
    def of(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return cls(**{str(k): cls.of(v) for k, v in value.items()})
        if isinstance(value, list):
            return [cls.of(v) for v in value]
        return value

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return None

    def __getitem__(self, key: str) -> Any:
        return vars(self)[key]

    def model_dump(self, exclude_none: bool = False) -> dict[str, Any]:
        return {k: _plain(v, exclude_none) for k, v in vars(self).items() if not (exclude_none and v is None)}


def _plain(value: Any, exclude_none: bool) -> Any:
    if isinstance(value, Record):
        return value.model_dump(exclude_none)
    if isinstance(value, list):
        return [_plain(v, exclude_none) for v in value]
    return value


class CatalogSpec:
    """A checked spec of a catalog-driven generation; values as written, read through the catalog."""

    def __init__(self, generation: str, data: dict[str, Any], base: Path) -> None:
        self.form = generation
        self._index = index(generation)
        self._data = data  # freshly parsed for this spec; never changed
        self._base = base
        self._scope = Scope(self._index, self._data)

    @property
    def site_project_id(self) -> int | str | None:
        value = self._data.get("site_project_id")
        return None if values.is_blank(value) else value

    @property
    def project_name(self) -> str:
        """The project's title (the field paired with the SOP's 项目名称), by which the site lists it."""
        path = next((p for other in generations() if other != self.form
                     for p in [counterparts.title_path(self.form, other)] if p), None)
        module, _, key = (path or "").partition(".")
        return str(value_of(self._data, module, key) or "")

    @property
    def publishes_to_chictr(self) -> bool:
        return self._scope.published

    def attachment_path(self, relative: str) -> Path:
        return (self._base / relative).resolve()

    def site_values(self) -> dict[str, dict[str, Any]]:
        """{module: {field: value}} for the shown tabs, in form order, with only the fields the page shows under
        the spec's own choices; English twins beside their field (in the row for columns) when published."""
        return self._collect(details=False)

    def _collect(self, details: bool) -> dict[str, dict[str, Any]]:
        """`details`: a value written as a picker's dialog (an unregistered institution) keeps its mapping."""
        out: dict[str, dict[str, Any]] = {}
        for mod in self._index.form.modules:
            if not self._scope.module_shown(mod.key):
                continue
            section = self._data.get(mod.key)
            section = section if isinstance(section, dict) else {}
            found: dict[str, Any] = {}
            for c in self._index.modules[mod.key]:
                if self._scope.shown(c.key):
                    self._put(c, section, found, details, self._rows if c.has_rows else None)
            out[mod.key] = found
        return out

    def _put(self, c: Control, holder: dict[str, Any], found: dict[str, Any], details: bool, rows: Any) -> None:
        value = holder.get(c.key)
        if values.is_blank(value):
            return
        if rows:
            found[c.key] = rows(c, value, details)
        elif details and c.columns and isinstance(value, dict):
            found[c.key] = {k: v for k, v in value.items() if not values.is_blank(v)}
        else:
            found[c.key] = values.site_value(c.field, value, self._base)
        twin = c.field.twin
        if twin and self.publishes_to_chictr and not values.is_blank(holder.get(twin.key)):
            english = holder[twin.key]
            if isinstance(english, list):
                col = c.columns[0].key if len(c.columns) == 1 else None
                english = [{col: e} if col and not isinstance(e, dict) else e for e in english]
            found[twin.key] = english

    def _rows(self, c: Control, value: Any, details: bool) -> list[dict[str, Any]]:
        single = c.columns[0].key if len(c.columns) == 1 else None
        out = []
        for row in value if isinstance(value, list) else [value]:
            row = {single: row} if single and not isinstance(row, dict) else row
            found: dict[str, Any] = {}
            for col in c.columns:
                if self._scope.shown_in_row(c, col, row):
                    self._put(col, row, found, details, None)
            out.append(found)
        return out

    def module(self, key: str) -> Record:
        """One module's shown values by attribute (`spec.implementation.participating_units[1].institution`);
        rows and an unregistered institution are records too, with `model_dump()` for their mapping."""
        return Record.of(self._collect(details=True).get(key, {}))

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("_") and self.__dict__.get("_index") and self._index.module(name):
            return self.module(name)
        raise AttributeError(name)


@dataclass
class CatalogLoadResult(LoadResult):
    generation: str = ""

    def position(self, dotted_path: str) -> tuple[int, int]:
        """(line, col) of a dotted path; a path without its module is looked up in the module that has it."""
        first = dotted_path.split(".", 1)[0].split("[", 1)[0]
        idx = index(self.generation)
        if first and not idx.module(first):
            owner = idx.controls.get(first) or idx.twins.get(first)
            if owner:
                return locate(self.parsed, join(owner.module.key, dotted_path))
        return locate(self.parsed, dotted_path)


def check(data: dict[str, Any], generation: str, out: FindingCollector, base: Path) -> Index:
    idx = index(generation)
    walker = Walker(idx, data, out, base)
    walker.run()
    catalog_checks.run(walker.scope, out)
    complaint = pdfcheck.max_bytes()[1]  # a wrong size limit in the environment: said once, where files are
    if complaint:
        written = [c for c in idx.controls.values() if c.field.widget in FILE_WIDGETS
                   and isinstance(data.get(c.module.key), dict) and c.key in data[c.module.key]]
        if written:
            out.add(WARNING, "config", written[0].module.key, complaint)
    return idx


def load_catalog(parsed: Parsed, file: str, base: Path, generation: str, top: list[Any]) -> CatalogLoadResult:
    """Check parsed spec data against the catalog of `generation`; `top` holds findings made before."""
    idx = index(generation)
    out = FindingCollector(file, parsed, idx.label_of)
    out.findings += top
    data = parsed.data
    # `basic_info:` with nothing under it (left blank in a template) is an empty module: its fields are reported.
    data = {**{m.key: {} for m in idx.form.modules if m.key in parsed.keys}, **data}
    check(data, generation, out, base)
    spec = None if out.has_errors else CatalogSpec(generation, data, base)
    findings = sorted(out.findings, key=lambda f: (f.line, f.col))
    return CatalogLoadResult(Path(file), spec, findings, parsed, generation)  # type: ignore[arg-type]
