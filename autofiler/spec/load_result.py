"""What loading a spec gives: the checked spec (None when there are errors) and every finding, with the parsed
YAML's positions for whatever needs a place in the file later."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autofiler.spec.finding_collector import locate
from autofiler.spec.findings import ERROR, NOTE, WARNING, Finding
from autofiler.spec.yamlpos import Parsed


@dataclass
class LoadResult:
    path: Path
    spec: Any  # the checked spec (catalog_spec.CatalogSpec); None when there are errors
    findings: list[Finding]
    parsed: Parsed = field(repr=False, default_factory=Parsed)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def notes(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == NOTE]

    @property
    def ok(self) -> bool:
        return not self.errors

    def position(self, dotted_path: str) -> tuple[int, int]:
        """(line, col) of a dotted path, or of its closest written parent (best effort)."""
        return locate(self.parsed, dotted_path)

    def format(self) -> str:
        return "\n".join(f.format() for f in self.findings)
