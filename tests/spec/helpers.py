"""Helpers for spec tests: the example specs as plain data, edits by dotted path, writing and loading."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from autofiler.spec.load_result import LoadResult
from autofiler.spec.loader import load
from autofiler.spec.yamlpos import split_path

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
SINGLE = "single-center"
MULTI = "multi-center"


def example(name: str = SINGLE) -> dict[str, Any]:
    return yaml.safe_load((SPECS / f"{name}.yaml").read_text(encoding="utf-8"))


def copy_files(folder: Path) -> None:
    shutil.copytree(SPECS / "files", folder / "files", dirs_exist_ok=True)


def dump(data: Any) -> str:
    # libyaml's emitter: the pure-Python one takes a second for a 200,000-character value
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False)


def write(folder: Path, content: Any, name: str = "spec.yaml") -> Path:
    path = folder / name
    path.write_text(content if isinstance(content, str) else dump(content), encoding="utf-8")
    return path


def _walk_to(data: Any, dotted: str) -> tuple[Any, Any]:
    tokens = split_path(dotted)
    node = data
    for token in tokens[:-1]:
        node = node[token]
    return node, tokens[-1]


def edit(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A copy of `data` with values set by dotted path; the value DELETE removes the key."""
    out = copy.deepcopy(data)
    for dotted, value in changes.items():
        parent, last = _walk_to(out, dotted)
        if value is DELETE:
            del parent[last]
        else:
            parent[last] = value
    return out


class _Delete:
    def __repr__(self) -> str:
        return "DELETE"


DELETE: Any = _Delete()


def check(folder: Path, data: Any, name: str = "spec.yaml") -> LoadResult:
    return load(write(folder, data, name))


def rules(result: LoadResult) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in result.findings}


def line_of(text: str, needle: str, nth: int = 0) -> int:
    """1-based line of the nth line containing `needle`."""
    found = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return found[nth]
