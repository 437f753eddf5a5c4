"""Matching a ledger's project names to the site's, tolerant of how people type them, never guessing.

Two names match when they are equal after folding: NFKC (full-width letters, digits and punctuation become
half-width), brackets of every kind made round, quotes and white space dropped, case folded. A name that only
comes close (or matches more than one project) is reported as such, with the candidates, for a person to decide.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")
NEAR = 0.88  # similarity (after folding) from which a name is shown as a near match
_BRACKETS = str.maketrans({"[": "(", "]": ")", "{": "(", "}": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
                           "<": "(", ">": ")", "《": "", "》": "", "〈": "(", "〉": ")"})
_DROP = re.compile(r"[\s\"'“”‘’「」『』]+")


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKC", name or "").translate(_BRACKETS)
    return _DROP.sub("", text).casefold()


@dataclass
class Match(Generic[T]):
    exact: list[T] = field(default_factory=list)
    near: list[T] = field(default_factory=list)

    @property
    def one(self) -> T | None:
        return self.exact[0] if len(self.exact) == 1 else None


class NameIndex(Generic[T]):
    """Items by folded name, for exact and near look-ups."""

    def __init__(self, items: Sequence[T], name_of: callable) -> None:  # type: ignore[valid-type]
        self.items = list(items)
        self.names = [fold(name_of(i)) for i in self.items]
        self.by_name: dict[str, list[T]] = {}
        for item, name in zip(self.items, self.names, strict=True):
            self.by_name.setdefault(name, []).append(item)

    def find(self, name: str) -> Match[T]:
        key = fold(name)
        exact = self.by_name.get(key, [])
        if exact:
            return Match(exact=list(exact))
        near = [item for item, other in zip(self.items, self.names, strict=True)
                if difflib.SequenceMatcher(None, key, other).ratio() >= NEAR]
        return Match(near=near)
