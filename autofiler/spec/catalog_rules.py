"""Checking a spec of a catalog-driven generation: keys, values by widget, what is shown and required, rows and
English twins. Every check runs on the raw data, so one wrong field never hides the findings of another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from autofiler.forms import conditions
from autofiler.forms.conditions import Lookup
from autofiler.spec import values
from autofiler.spec.catalog_index import Control, Index
from autofiler.spec.catalog_scope import Scope
from autofiler.spec.finding_collector import FindingCollector
from autofiler.spec.findings import ERROR, NOTE, WARNING
from autofiler.spec.unknown_keys import unknown_message
from autofiler.spec.yamlpos import join

TOP_KEYS = ("form", "site_project_id")
# Han characters and full-width forms: the registry refuses them in an English twin.
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


class Walker:
    def __init__(self, index: Index, data: dict[str, Any], out: FindingCollector, base: Path) -> None:
        self.index, self.data, self.out, self.base = index, data, out, base
        self.scope = Scope(index, data)

    def problems(self, path: str, found: list[values.Problem]) -> None:
        for severity, rule, sub, message in found:
            self.out.add(severity, rule, path + sub, message)

    def run(self) -> None:
        allowed = {m.key: m.label for m in self.index.form.modules}
        for key in self.data:
            if key not in allowed and key not in TOP_KEYS:
                self.out.error("unknown-key", join("", key), unknown_message(self.index, key, allowed, ""))
        for mod in self.index.form.modules:
            self.module(mod.key)

    def module(self, key: str) -> None:
        controls = self.index.modules[key]
        section = self.data.get(key)
        visible = self.scope.module_shown(key)
        if section is None:
            if visible and any(self.scope.shown(c.key) and self.scope.required(c, self.scope.value) for c in controls):
                self.out.error("required", key, f"缺少整个模块 {key} / the module {key} is missing")
            return
        if not isinstance(section, dict):
            self.out.error("type", key, values.kind_message("mapping"))
            return
        if not visible and section:
            expr = getattr(self.index.module(key), "visible_if", None) or ""
            self.out.add(WARNING, "not-applicable", key, f"此页只在 {self.index.words(expr)} 时显示，其中内容会被忽略 / "
                                                         f"this tab is shown only when {expr}; its values are ignored")
            return
        self.keys(section, controls, key)
        for c in controls:
            self.control(c, section, key, self.scope.value, lambda c=c: self.scope.shown(c.key))  # type: ignore[misc]

    def keys(self, mapping: dict[Any, Any], controls: tuple[Control, ...], where: str) -> None:
        allowed = self.index.allowed(controls)
        for key in mapping:
            if key not in allowed:
                self.out.error("unknown-key", join(where, key), unknown_message(self.index, key, allowed, where))

    def control(self, c: Control, holder: dict[str, Any], where: str, lookup: Lookup,
                shown: Callable[[], bool]) -> None:
        value = holder.get(c.key)
        if value is None and c.need is False and (c.twin is None or c.twin.key not in holder):
            return  # optional and not written: nothing to say, whatever shows it
        shown_now = shown()
        path = join(where, c.key)
        # a row left blank (as the template has it) is not filled; a required group reports its columns
        blank_rows = isinstance(value, list) and c.has_rows and all(values.is_blank(r) for r in value)
        present = not values.is_blank(value) and not blank_rows
        if not shown_now:
            if present:
                cond = self.scope.failing(c, lookup) or ""
                self.out.add(WARNING, "not-applicable", path, f"网页上只在 {self.index.words(cond)} 时显示此项，填写的"
                                                              f"内容会被忽略 / shown only when {cond}; ignored")
            self.twin(c, holder, where, present, False)
            return
        if not present:
            if self.scope.required(c, lookup):
                need = c.field.required
                why = (f"当 {self.index.words(need)} 时必填 / required when {need}" if isinstance(need, str)
                       else "必填项未填写 / this field is required")
                if blank_rows and value:
                    self.rows(c, value, path)
                elif c.has_rows and value == []:
                    n = c.field.min_rows or 1
                    self.out.error("min-rows", path, f"至少需要 {n} 行 / needs at least {n} row(s)")
                else:
                    self.out.error("required", path, why)
        elif c.has_rows:
            self.rows(c, value, path)
        elif c.columns and isinstance(value, dict):  # a picker's dialog for what it does not find
            self.keys(value, c.columns, path)
            for col in c.columns:
                self.control(col, value, path, lookup, lambda: True)
        else:
            parent = lookup(c.parent) if c.parent else None
            self.problems(path, values.problems(c.field, value, self.base, parent))
        if present and c.field.readonly:
            self.out.add(NOTE, "read-only", path, "此项由系统填入，提交时只核对不填写 / filled in by the site; autofiler "
                                                  "only checks that it matches")
        self.twin(c, holder, where, present, True)

    def rows(self, c: Control, value: Any, path: str) -> None:
        single = c.columns[0] if len(c.columns) == 1 else None
        if not isinstance(value, list):
            value = [value] if single and isinstance(value, (str, int)) else value
            if not isinstance(value, list):
                self.out.error("type", path, values.kind_message("rows"))
                return
        n = c.field.min_rows or 0
        if 0 < len(value) < n:
            self.out.error("min-rows", path, f"至少需要 {n} 行 / needs at least {n} row(s)")
        for i, row in enumerate(value):
            row_path = f"{path}[{i}]"
            if single and isinstance(row, (str, int)) and not isinstance(row, bool):
                row = {single.key: row}
            if not isinstance(row, dict):
                self.out.error("type", row_path, values.kind_message("row"))
                continue
            self.keys(row, c.columns, row_path)
            lookup = self.scope.row_lookup(c, row)
            for col in c.columns:
                self.control(col, row, row_path, lookup,
                             lambda col=col, row=row: self.scope.shown_in_row(c, col, row))  # type: ignore[misc]

    def twin(self, c: Control, holder: dict[str, Any], where: str, present: bool, shown_now: bool) -> None:
        t = c.twin
        if t is None:
            return
        path = join(where, t.key)
        value = holder.get(t.key)
        published = self.scope.published
        active = published and shown_now and (not t.visible_if or conditions.holds(t.visible_if, self.scope.value))
        if values.is_blank(value):
            need = t.required is True or (isinstance(t.required, str) and conditions.holds(t.required,
                                                                                            self.scope.value))
            if active and need and (present or self.scope.required(c, self.scope.value)):
                when = self.index.twins_when or ""
                self.out.error("en-twin", path, f"当 {self.index.words(when)} 时，此项需填写英文 / English text is "
                                                f"required when {when}")
            return
        if not active:
            when = self.index.twins_when or ""
            why = f"只在 {self.index.words(when)} 时填写英文" if not published else "其中文字段不显示"
            self.out.add(WARNING, "not-applicable", path, f"{why}，英文内容不会填写 / the English text is not filed "
                                                          f"here (filed only when {when}, beside a shown field)")
            return
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            text = next(iter(item.values()), None) if isinstance(item, dict) and len(item) == 1 else item
            sub = f"[{i}]" if isinstance(value, list) else ""
            if values.as_text(text) is None:
                self.out.error("type", path + sub, values.kind_message("text"))
            elif found := values.text_problems(c.field, text, sub):
                self.problems(path, found)
            elif _CJK.search(str(text)):
                self.out.add(ERROR, "en-twin", path + sub, "英文内容中含有中文字符或全角标点 / the English text "
                                                           "contains Chinese characters or full-width punctuation")
        if isinstance(value, list) and isinstance(holder.get(c.key), list) and len(value) != len(holder[c.key]):
            counts = f"英文 {len(value)} 项，中文 {len(holder[c.key])} 项"
            self.out.add(WARNING, "en-twin-rows", path, f"{counts}，应逐项对应 / the English list should match the "
                                                        "Chinese one item by item")
