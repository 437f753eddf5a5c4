"""YAML reading that remembers where each key and value sits, while keeping the values plain Python.

PyYAML composes a node tree with marks; we build the Python values ourselves from it so that every mapping key
and sequence item gets a dotted path and a 1-based (line, col). Anything wrong with the text becomes a finding,
never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from autofiler.spec.findings import ERROR, Finding

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_FIRST_CHARS = frozenset(k for k in _BaseLoader.yaml_implicit_resolvers if k)
_resolved: dict[tuple[Any, ...], str] = {}

# Aliases can make a small file expand enormously; a real spec has a few hundred nodes.
MAX_NODES = 100_000
MAX_DEPTH = 100
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader with a quicker tag resolver: most of a spec is text that cannot be anything else.

    The stock resolver tries regexes per scalar and tracks paths we never use; it was half the parse time.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode:
            return super().resolve(kind, value, implicit)
        if not implicit[0] or (value and value[0] not in _FIRST_CHARS):
            return _STR
        key = (value, implicit)
        tag = _resolved.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_resolved) < 10_000 and len(value) < 64:  # keys such as `objectives` recur in every spec
                _resolved[key] = tag
        return tag

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


@dataclass
class Parsed:
    # Blank values (`key:` or whitespace-only text) are left out of mappings, as a half-filled template has
    # them: they count as absent. Their keys' positions are kept.
    data: Any = None
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> where its key is written
    values: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> where its value starts
    findings: list[Finding] = field(default_factory=list)
    ok: bool = True  # False when the text could not be read as YAML at all

    def position(self, path: str) -> tuple[int, int] | None:
        return self.keys.get(path) or self.values.get(path)


_TOKEN = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def split_path(path: str) -> list[str | int]:
    """`a.b[1].c` -> ["a", "b", 1, "c"]."""
    return [int(idx) if idx else name for idx, name in _TOKEN.findall(path)]


def join(parent: str, key: object) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _TooBig(Exception):
    pass


class _Builder:
    def __init__(self, loader: Any, parsed: Parsed, file: str) -> None:
        self.loader = loader
        self.parsed = parsed
        self.file = file
        self.budget = MAX_NODES
        self.active: set[int] = set()  # nodes on the current branch, to stop recursive aliases

    def problem(self, node: Node, rule: str, path: str, message: str) -> None:
        line, col = _mark(node)
        self.parsed.findings.append(Finding(self.file, line, col, ERROR, rule, path, "", message))

    def build(self, node: Node, path: str, depth: int) -> Any:
        # Hot path: a spec has a few hundred nodes and `validate` may read a thousand specs in one call.
        self.budget -= 1
        if self.budget < 0 or depth > MAX_DEPTH:
            raise _TooBig
        kind = type(node)
        if kind is ScalarNode:
            return node.value if node.tag == _STR else self.scalar(node, path)
        if id(node) in self.active:
            self.problem(node, "yaml-syntax", path, "别名引用了自身 / an alias refers to itself")
            return None
        self.active.add(id(node))
        try:
            if kind is SequenceNode:
                items = []
                values = self.parsed.values
                for i, item in enumerate(node.value):
                    child = f"{path}[{i}]"
                    mark = item.start_mark
                    values[child] = (mark.line + 1, mark.column + 1)
                    items.append(self.build(item, child, depth + 1))
                return items
            if kind is MappingNode:
                return self.mapping(node, path, depth)  # type: ignore[arg-type]
            return None
        finally:
            self.active.discard(id(node))

    def mapping(self, node: MappingNode, path: str, depth: int) -> dict[Any, Any]:
        merged = any(k.tag == _MERGE for k, _ in node.value)
        if merged:
            try:
                self.loader.flatten_mapping(node)  # resolves `<<` merge keys in place
            except yaml.YAMLError:
                self.problem(node, "yaml-syntax", path, "无法合并 << 引用 / a `<<` merge is not a mapping")
        out: dict[Any, Any] = {}
        keys = self.parsed.keys
        for key_node, value_node in node.value:
            if type(key_node) is ScalarNode and key_node.tag == _STR:
                key: Any = key_node.value
            else:
                key = self.scalar(key_node, path) if isinstance(key_node, ScalarNode) else None
                if key is None or isinstance(key, (list, dict)):
                    self.problem(key_node, "type", path, "键必须是简单文本 / a key must be plain text")
                    continue
            child = f"{path}.{key}" if path else str(key)
            if child in keys and not merged:  # after a `<<` merge, a key may override a merged one
                self.problem(key_node, "duplicate-key", child, f"键 {key} 重复出现，前面的值会被覆盖 / "
                             f"key '{key}' appears twice; the earlier value would be lost")
            mark = key_node.start_mark
            keys[child] = (mark.line + 1, mark.column + 1)
            value = self.build(value_node, child, depth + 1)
            if value is not None and not (type(value) is str and not value.strip()):
                out[key] = value
        return out

    def scalar(self, node: ScalarNode, path: str) -> Any:
        if node.tag == _STR:
            return node.value
        try:
            value = self.loader.construct_object(node)
            # YAML 1.1 reads 0123 as octal, 1_000 as 1000 and 1:30 as 90; keep such text as written, so that a
            # project number keeps its digits (a number field still reads plain digits).
            if type(value) is int and str(value) != node.value:
                return node.value
            return value
        except (yaml.YAMLError, ValueError, OverflowError, TypeError):
            # An impossible date such as 2025-02-30 stays text; the date check names it later.
            if node.tag != _TIMESTAMP_TAG:
                self.problem(node, "yaml-syntax", path, f"无法读取的值 / unreadable value: {node.value[:40]!r}")
            return node.value


def parse(text: str, file: str) -> Parsed:
    """Parse one YAML document. `parsed.ok` is False when there is no usable document."""
    parsed = Parsed()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return parsed
        parsed.values[""] = _mark(node)
        parsed.data = _Builder(loader, parsed, file).build(node, "", 0)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(str(x) for x in (e.context, e.problem) if x)
        zh = "文件里只能有一个 YAML 文档（去掉 ---）" if "single document" in what else "YAML 语法错误"
        lines = text.splitlines()
        if line <= len(lines) and "\t" in lines[line - 1][:col]:
            zh = "YAML 不能用 Tab 缩进，请改用空格"
        parsed.findings.append(Finding(file, line, col, ERROR, "yaml-syntax", "", "",
                                       f"{zh} / YAML syntax error: {what}"))
        parsed.ok = False
    except yaml.reader.ReaderError as e:
        before = text[: max(e.position, 0)]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        code = ord(e.character) if isinstance(e.character, str) else int(e.character)
        parsed.findings.append(Finding(file, line, col, ERROR, "yaml-syntax", "", "",
                                       f"文件含有 YAML 不允许的控制字符 #x{code:04x} / "
                                       "the file contains a control character YAML does not allow"))
        parsed.ok = False
    except (yaml.YAMLError, RecursionError, _TooBig, MemoryError):
        parsed.findings.append(Finding(file, 1, 1, ERROR, "yaml-syntax", "", "",
                                       "YAML 结构过深或过大，无法读取 / the YAML is nested too deeply or too large"))
        parsed.ok = False
    finally:
        loader.dispose()
    return parsed
