"""Collects findings for one spec file, placing each at the YAML line and column of the path it names."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from autofiler.spec.findings import ERROR, Finding
from autofiler.spec.yamlpos import Parsed

_LAST = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")


def parent(path: str) -> str:
    """The path one level up; always shorter, even for a key holding dots or brackets."""
    shorter = _LAST.sub("", path) if "." in path or "[" in path else ""
    if shorter == path:
        cut = max(path.rfind("."), path.rfind("["))
        shorter = path[:cut] if cut > 0 else ""
    return shorter


def locate(parsed: Parsed, path: str) -> tuple[int, int]:
    """Where a path is written; for a key that is not there, where its closest written parent is."""
    while True:
        found = parsed.position(path)
        if found:
            return found
        if not path:
            return 1, 1
        path = parent(path)


def no_label(path: str) -> str:
    return ""


class FindingCollector:
    def __init__(self, file: str, parsed: Parsed, label_of: Callable[[str], str] = no_label) -> None:
        self.file = file
        self.parsed = parsed
        self.label_of = label_of  # the Chinese label of a path, in the spec's form generation
        self.findings: list[Finding] = [
            replace(f, label=label_of(f.path)) if f.path else f for f in parsed.findings
        ]

    def locate(self, path: str) -> tuple[int, int]:
        return locate(self.parsed, path)

    def add(self, severity: str, rule: str, path: str, message: str) -> None:
        line, col = self.locate(path)
        self.findings.append(Finding(self.file, line, col, severity, rule, path, self.label_of(path), message))

    def error(self, rule: str, path: str, message: str) -> None:
        self.add(ERROR, rule, path, message)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == ERROR for f in self.findings)
