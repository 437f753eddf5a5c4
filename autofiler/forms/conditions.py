"""The condition grammar of the form catalogs, parsed once and evaluated against any value lookup.

    research_type_l2 in [医疗器械, 体外诊断试剂] and (diagnostic_test != 是 or sync_platform == 中国临床试验注册中心公开)

Operators: `==`, `!=`, `in [a, b]`, `not in [a, b]`, `startswith`; joined by `and` / `or` with ASCII brackets.
Values are option texts (full-width punctuation is part of a value). A field that has no value makes `==`,
`in` and `startswith` false and `!=`, `not in` true: a hidden field never equals anything. A list value (a
checkbox group, a multiselect) equals an option when it contains it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

Lookup = Callable[[str], Any]

_TOKEN = re.compile(r"\s*(\(|\)|\[[^\]]*\]|==|!=|[^\s()\[\]]+)")


class ConditionError(ValueError):
    """A condition in a catalog that does not parse; a catalog bug, found when the catalog loads."""


@dataclass(frozen=True)
class Compare:
    field: str
    op: str  # ==, !=, in, not in, startswith
    values: tuple[str, ...]

    def holds(self, lookup: Lookup) -> bool:
        actual = lookup(self.field)
        present = [str(v) for v in (actual if isinstance(actual, (list, tuple)) else [actual])
                   if v is not None and str(v) != ""]
        if self.op == "startswith":
            return any(p.startswith(self.values[0]) for p in present)
        hit = any(p in self.values for p in present)
        return hit if self.op in ("==", "in") else not hit

    def fields(self) -> Iterator[str]:
        yield self.field

    def text(self) -> str:
        if self.op in ("in", "not in"):
            return f"{self.field} {self.op} [{', '.join(self.values)}]"
        return f"{self.field} {self.op} {self.values[0]}"


@dataclass(frozen=True)
class Junction:
    op: str  # and, or
    parts: tuple[Condition, ...]

    def holds(self, lookup: Lookup) -> bool:
        results = (p.holds(lookup) for p in self.parts)
        return all(results) if self.op == "and" else any(results)

    def fields(self) -> Iterator[str]:
        for p in self.parts:
            yield from p.fields()

    def text(self) -> str:
        return f" {self.op} ".join(f"({p.text()})" if isinstance(p, Junction) else p.text() for p in self.parts)


Condition = Compare | Junction


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = [t for t in _TOKEN.findall(source) if t]
        self.pos = 0

    def fail(self, why: str) -> ConditionError:
        return ConditionError(f"bad condition {self.source!r}: {why}")

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        tok = self.peek()
        if tok is None:
            raise self.fail("it ends too early")
        self.pos += 1
        return tok

    def parse(self) -> Condition:
        cond = self.junction("or")
        if self.peek() is not None:
            raise self.fail(f"unexpected {self.peek()!r}")
        return cond

    def junction(self, op: str) -> Condition:
        parts = [self.junction("and") if op == "or" else self.atom()]
        while self.peek() == op:
            self.take()
            parts.append(self.junction("and") if op == "or" else self.atom())
        return parts[0] if len(parts) == 1 else Junction(op, tuple(parts))

    def atom(self) -> Condition:
        if self.peek() == "(":
            self.take()
            inner = self.junction("or")
            if self.take() != ")":
                raise self.fail("a bracket is not closed")
            return inner
        field = self.take()
        op = self.take()
        if op == "not":
            if self.take() != "in":
                raise self.fail("`not` must be followed by `in`")
            op = "not in"
        if op not in ("==", "!=", "in", "not in", "startswith"):
            raise self.fail(f"unknown operator {op!r}")
        raw = self.take()
        if op in ("in", "not in"):
            if not raw.startswith("["):
                raise self.fail(f"`{op}` takes a list [a, b]")
            values = tuple(v.strip() for v in raw[1:-1].split(",") if v.strip())
        else:
            if raw.startswith("["):
                raise self.fail(f"`{op}` takes one value")
            values = (raw,)
        return Compare(field, op, values)


@functools.lru_cache(maxsize=1024)
def parse(source: str) -> Condition:
    """The parsed condition; ConditionError when it does not parse."""
    return _Parser(source).parse()


def holds(source: str, lookup: Lookup) -> bool:
    return parse(source).holds(lookup)


def fields_of(source: str) -> tuple[str, ...]:
    """The field keys (or group.column paths) a condition reads, in order, once each."""
    return tuple(dict.fromkeys(parse(source).fields()))
