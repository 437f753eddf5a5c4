"""Moving a spec to another form generation along the counterparts data (autofiler/forms/counterparts/).

What has a counterpart is moved (option texts mapped, paragraphs split into rows, attachment paths rebased);
what has none is listed, in the summary and as comments at the top of the new spec; what the new form requires
and the old spec did not give is left as a `# TODO key: label（必填…）` line where it belongs. Nothing is dropped
silently.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from autofiler.spec import counterparts
from autofiler.spec.catalog_index import Index, index
from autofiler.spec.catalog_rules import Walker
from autofiler.spec.finding_collector import FindingCollector
from autofiler.spec.wording import shown
from autofiler.spec.yamlpos import Parsed

_NUMBERED = re.compile(r"^\s*(\d+|[一二三四五六七八九十]+)\s*[.、)）]\s*")
_ROW = re.compile(r"\[(\d*)\]")
TODO_RULES = ("required", "en-twin", "min-rows")


@dataclass
class Migration:
    text: str = ""
    moved: list[tuple[str, str]] = field(default_factory=list)  # (old path, new path)
    unmapped: list[tuple[str, str]] = field(default_factory=list)  # (old path, the value and why)
    todo: list[tuple[str, str]] = field(default_factory=list)  # (new path, label and what is needed)


class _Mover:
    def __init__(self, source: str, target: str, base_from: Path, base_to: Path, old_label: Any) -> None:
        self.pairs = {_ROW.sub("[]", p.source): p for p in counterparts.pairs(source, target)}
        self.idx = index(target)
        self.base_from, self.base_to = base_from, base_to
        self.old_label = old_label
        self.out: dict[str, Any] = {}
        self.result = Migration()

    def unmapped(self, path: str, value: Any, why: str = "") -> None:
        label = self.old_label(path)
        text = f"{label} = {shown(value, 60)}" + (f"（{why}）" if why else "")
        self.result.unmapped.append((path, text))

    def move(self, path: str, value: Any) -> None:
        """Move one value found at `path` (rows written [i]) of the old spec."""
        generic = _ROW.sub("[]", path)
        pair = self.pairs.get(generic)
        if isinstance(value, dict) and (pair is None or any(k for k in self.pairs if k.startswith(generic + "."))):
            for key, inner in value.items():
                self.move(f"{path}.{key}", inner)
            return
        if pair is None:
            self.unmapped(path, value, "新表单中没有对应项 / no counterpart")
            return
        rows = [int(n) for n in re.findall(r"\[(\d+)\]", path)]
        target = pair.target
        if isinstance(value, list) and value and all(isinstance(r, dict) for r in value) and "[]" not in target:
            for i, row in enumerate(value):  # a table: its rows move column by column
                self.place(target + "[]", [i], {})
                for key, inner in row.items():
                    self.move(f"{path}[{i}].{key}", inner)
            return
        new = self.convert(pair, value, path)
        if new is not None:
            self.place(target, rows, new)
            self.result.moved.append((path, _ROW.sub(lambda m: f"[{rows[0] if rows else 0}]"
                                                     if m.group(1) == "" else m.group(0), target)))

    def convert(self, pair: counterparts.Pair, value: Any, path: str) -> Any:
        if isinstance(value, str) and value in pair.values:
            value = pair.values[value]
        if pair.split == "lines" and isinstance(value, str):
            value = [_NUMBERED.sub("", line).strip().rstrip("；;。") for line in value.splitlines() if line.strip()]
        key = _ROW.sub("", pair.target).rsplit(".", 1)[-1]
        group = _ROW.sub("", pair.target).split(".")[1]
        c = self.idx.controls.get(key) or self.idx.controls.get(group)
        f = c.column(key).field if c and c.key != key and c.column(key) else c.field if c else None
        if f is None:
            return value
        if f.widget in ("pdf", "file"):
            if isinstance(value, list):
                for extra in value[1:]:
                    self.unmapped(path, extra, "新表单此处只收一个文件 / one file only here")
                value = value[0] if value else None
            if isinstance(value, str):
                value = os.path.relpath(self.base_from / value, self.base_to)
        choices = f.all_options()
        if choices and not f.dictionary and isinstance(value, str) and value not in choices:
            self.unmapped(path, value, f"新表单的选项为 {' / '.join(choices)} / not an option of the new form")
            return None
        return value

    def place(self, target: str, rows: list[int], value: Any) -> None:
        parts = target.split(".")
        node: Any = self.out.setdefault(parts[0], {})
        for part in parts[1:-1]:
            name, mark = _ROW.sub("", part), _ROW.search(part)
            if mark is None:
                node = node.setdefault(name, {})
                continue
            i = int(mark.group(1)) if mark.group(1) else (rows[0] if rows else 0)
            table = node.setdefault(name, [])
            while len(table) <= i:
                table.append({})
            node = table[i]
        last = parts[-1]
        if last.endswith("[]"):
            table = node.setdefault(last[:-2], [])
            while len(table) <= rows[0]:
                table.append({})
        else:
            node[last] = value


def _need(idx: Index, path: str, rule: str) -> str:
    label = idx.label_of(path)
    if rule == "en-twin":
        return f"{label}（公开到中国临床试验注册中心时必填，英文 / English, required when published on ChiCTR）"
    key = path.rsplit(".", 1)[-1]
    c = idx.controls.get(key)
    opts = f"；选项：{' / '.join(c.field.all_options())}" if c and c.field.all_options() else ""
    return f"{label}（必填 / required{opts}）"


def _dump(key: str, value: Any, indent: str) -> list[str]:
    text = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=1000)
    return [indent + line for line in text.rstrip("\n").splitlines()]


def render(idx: Index, data: dict[str, Any], result: Migration, source: str) -> str:
    out = [f"# 由 autofiler migrate 从 {source} 迁移到 {idx.form.generation}；请补全 TODO 项后运行 autofiler validate。",
           f"# Migrated from {source} by autofiler migrate; fill in the TODO lines, then run autofiler validate."]
    if result.unmapped:
        out.append("# 未迁移（新表单中没有对应项或选项）/ not moved (no counterpart in the new form):")
        out += [f"#   {path}: {text}" for path, text in result.unmapped]
    out += ["", f"form: {idx.form.generation}"]
    if "site_project_id" in data:
        out += _dump("site_project_id", data["site_project_id"], "")
    for mod in idx.form.modules:
        section = data.get(mod.key) or {}
        todos = [(p, t) for p, t in result.todo if p.split(".")[0] == mod.key]
        if not section and not todos:
            continue
        out += ["", f"# ── {mod.label} ──", f"{mod.key}:"]
        out += [f"  # TODO {mod.key}: {text}" for path, text in todos if "." not in path]  # the whole module
        for c in idx.modules[mod.key]:
            keys = [c.key] + ([c.field.twin.key] if c.field.twin else [])
            for key in keys:
                if key in section:
                    out += _dump(key, section[key], "  ")
                for path, text in todos:
                    rest = path.split(".", 1)[1] if "." in path else ""
                    if rest == key or rest.startswith(key + "["):
                        out.append(f"  # TODO {rest}: {text}")
    return "\n".join(out) + "\n"


def migrate(data: dict[str, Any], source: str, target: str, base_from: Path, base_to: Path) -> Migration:
    mover = _Mover(source, target, base_from, base_to, index(source).label_of)
    for key, value in data.items():
        if key == "form":
            continue
        if key == "site_project_id":
            mover.out[key] = value
        elif isinstance(value, dict):
            for name, inner in value.items():
                mover.move(f"{key}.{name}", inner)
        else:
            mover.unmapped(key, value, "不是模块 / not a module")
    idx = mover.idx
    reporter = FindingCollector("<migrated>", Parsed(), idx.label_of)
    checked = {k: v for k, v in mover.out.items() if k != "site_project_id"}
    Walker(idx, checked, reporter, base_to).run()
    seen = set()
    for f in reporter.findings:
        if f.rule in TODO_RULES and f.path not in seen:
            seen.add(f.path)
            mover.result.todo.append((f.path, _need(idx, f.path, f.rule)))
    mover.result.text = render(idx, mover.out, mover.result, source)
    return mover.result
