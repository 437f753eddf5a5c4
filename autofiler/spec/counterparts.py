"""The counterparts of keys between two form generations, read from autofiler/forms/counterparts/*.yaml.

Each file pairs the paths of one generation (`from`) with those of another (`to`); it reads both ways.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent / "forms" / "counterparts"
_ROW = re.compile(r"\[\d*\]")


@dataclass(frozen=True)
class Pair:
    source: str  # a path of the generation values come from
    target: str  # its counterpart in the other generation
    values: dict[str, str] = field(default_factory=dict)
    split: str | None = None
    title: bool = False  # the project's title: how a project is named and found on the site

    @property
    def source_key(self) -> str:
        return plain(self.source).rsplit(".", 1)[-1]


def plain(path: str) -> str:
    """A path without row marks: a.rows[0].b -> a.rows.b."""
    return _ROW.sub("", path)


@functools.lru_cache(maxsize=8)
def pairs(source: str, target: str) -> tuple[Pair, ...]:
    """The pairs leading from generation `source` to generation `target` (empty when none are shipped)."""
    out: list[Pair] = []
    for path in sorted(HERE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        forward = (data.get("from"), data.get("to")) == (source, target)
        if not forward and (data.get("from"), data.get("to")) != (target, source):
            continue
        for item in data.get("pairs") or []:
            a, b = (item["from"], item["to"]) if forward else (item["to"], item["from"])
            values = {str(k): str(v) for k, v in (item.get("values") or {}).items()}
            if not forward:
                values = {v: k for k, v in values.items()}
            out.append(Pair(a, b, values, item.get("split") if forward else None, bool(item.get("title"))))
    return tuple(out)


def counterpart(key: str, where: str, source: str, target: str) -> Pair | None:
    """The pair whose `source` path ends with `key`, preferring one in the module (or table) `where`."""
    found = [p for p in pairs(source, target) if p.source_key == key]
    near = [p for p in found if plain(p.source).startswith(plain(where) + ".")] if where else []
    return (near or found or [None])[0]


def title_path(generation: str, other: str) -> str | None:
    """The path of the project's title in `generation`, from the pair marked `title`."""
    return next((p.source for p in pairs(generation, other) if p.title), None)
