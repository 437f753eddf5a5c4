"""The live-2026 form's rules on the server: shown or hidden, required, options, formats, rows, files.

`check_tab` takes one tab's spec-shaped values (from a post, or as stored) and answers (errors, values to
store). A hidden control is never stored and never required. Conditions are the catalog's one grammar
(`autofiler.forms.conditions`); a field of another tab is read from what that tab has stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from autofiler.forms.conditions import holds
from mock_site import formats
from mock_site.live import picker_choices
from mock_site.live.form import DISABLED_OPTIONS, Control, Tab, form
from mock_site.served_catalog import PROVINCES

Error = dict[str, Any]
CHOOSE = {"select", "dependent_select", "radio", "checkbox_pair", "checkbox_group", "country", "province",
          "date", "daterange", "modal_pick"}
FILES = {"pdf", "file", "files"}
COUNTRIES = ("中国", "美国", "日本", "韩国", "英国", "法国", "德国", "意大利", "西班牙", "荷兰", "瑞士", "瑞典",
             "丹麦", "挪威", "芬兰", "比利时", "奥地利", "加拿大", "澳大利亚", "新西兰", "新加坡", "印度",
             "泰国", "马来西亚", "以色列", "俄罗斯", "巴西", "墨西哥", "南非", "其他")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass
class Context:
    saved: dict[str, dict[str, Any]] = field(default_factory=dict)  # module key -> stored values
    institution: str = ""  # the owner's institution
    files: dict[str, list[Any]] = field(default_factory=dict)  # catalog key -> uploaded files
    people: Callable[[], list[dict[str, str]]] = list  # the institution's people (the 团队成员 dialog's rows)


def _empty(v: Any) -> bool:
    return v is None or v == "" or v == [] or v == {} or (isinstance(v, dict) and all(_empty(x) for x in v.values()))


def required_message(c: Control) -> str:
    if c.widget in FILES:
        return f"请上传{c.label}"
    if c.columns and c.widget != "modal_pick":
        return f"请填写{c.label}"
    return f"请选择{c.label}" if c.widget in CHOOSE else f"请填写{c.label}"


def _options(c: Control, lookup: Callable[[str], Any]) -> tuple[str, ...] | None:
    """The values this control accepts, or None when any text goes (a dictionary the mock knows only in part)."""
    if c.key == "implementing_unit":
        return None
    if c.widget == "country":
        return COUNTRIES
    if c.widget == "province":
        return tuple(PROVINCES)
    if c.widget == "dependent_select":
        parent = lookup(c.parent) if c.parent else None
        by_parent = c.source.options_by_parent
        if parent in by_parent:
            return by_parent[parent]
        return None if c.source.dictionary else ()
    return c.options or None


def _number(c: Control, v: Any) -> tuple[str | None, Any]:
    text = str(v).strip()
    if isinstance(v, bool) or not NUMBER.match(text):
        return f"{c.label}必须为数字", v
    value = float(text)
    if c.widget == "number" and not value.is_integer():
        return f"{c.label}必须为整数", v
    if value < 0:
        return f"{c.label}不能小于0", v
    return None, int(value) if value.is_integer() else value


def check_value(c: Control, v: Any, lookup: Callable[[str], Any], ctx: Context) -> tuple[str | None, Any]:
    """One shown, non-empty value: (message or None, the value to store)."""
    w, label = c.widget, c.label
    if w in ("number", "decimal"):
        return _number(c, v)
    if w == "date":
        return (None, v) if isinstance(v, str) and formats.is_date(v) else (f"{label}不是有效日期", v)
    if w == "daterange":
        start, end = (v.get("start"), v.get("end")) if isinstance(v, dict) else (None, None)
        if _empty(start) or _empty(end):
            return f"请选择{label}的开始和结束日期", v
        if not (formats.is_date(str(start)) and formats.is_date(str(end))):
            return f"{label}不是有效日期", v
        if str(end) < str(start):
            return f"{label}的结束日期不能早于开始日期", v
        return None, {"start": start, "end": end}
    if w == "checkbox_pair" and not isinstance(v, str):
        return f"{label}只能选择一项", v
    if w in ("checkbox_group", "modal_pick") or (c.source.inputs and c.twin_of is None):
        items = v if isinstance(v, list) else [v]
        return _check_list(c, [str(x) for x in items], ctx)
    if not isinstance(v, str):
        return f"{label}格式不正确", v
    if c.key == "implementing_unit" and v != ctx.institution:
        return f"{label}只能是本人所在单位", v
    if w in ("select", "dependent_select", "radio", "checkbox_pair", "country", "province"):
        allowed = _options(c, lookup)
        if allowed is not None and v not in allowed:
            return f"{label}的选项无效", v
        if v in DISABLED_OPTIONS:
            return f"{label}：{v}不可选", v
        return None, v
    if c.source.max_length and len(v) > c.source.max_length:
        return f"{label}不能超过{c.source.max_length}个字", v
    pattern = c.source.pattern or ""
    if pattern in ("phone", "mobile") and not formats.is_phone(v):
        return f"{label}格式不正确", v
    if pattern == "email" and not formats.is_email(v):
        return f"{label}格式不正确", v
    if c.twin_of and formats.has_cjk(v):
        return f"{label}请使用英文填写", v
    return None, v


def _check_list(c: Control, items: list[str], ctx: Context) -> tuple[str | None, Any]:
    if len(set(items)) != len(items):
        return f"{c.label}有重复项", items
    if c.widget == "checkbox_group":
        bad = [x for x in items if x not in c.options]
    elif c.key == "discipline_classification":
        bad = [x for x in items if not picker_choices.discipline_known(x)]
    elif c.key == "icd11_codes":
        bad = [x for x in items if picker_choices.icd11_title(x) is None]
    else:
        bad = []
    return (f"{c.label}的选项无效：{'、'.join(bad)}", items) if bad else (None, items)


class TabCheck:
    """One pass over a tab's controls with a lookup that sees only shown values."""

    def __init__(self, t: Tab, values: dict[str, Any], ctx: Context) -> None:
        self.tab, self.values, self.ctx = t, values, ctx
        self.own = {c.key for c in t.controls} | {col.key for c in t.controls for col in c.columns}
        self.hidden: set[str] = set()

    def lookup(self, key: str, row: dict[str, Any] | None = None) -> Any:
        if "." in key:  # group.column: the same row inside the group, any row from outside it
            group, column = key.split(".", 1)
            if row is not None:
                return row.get(column)
            rows = self.lookup(group)
            return [r.get(column) for r in rows if isinstance(r, dict)] if isinstance(rows, list) else None
        if row is not None and key in row:  # a dependent column's parent sits in the same row
            return row[key]
        if key in self.own:
            return None if key in self.hidden else self.values.get(key)
        owner = form().owner(key)
        return self.ctx.saved.get(owner.key, {}).get(key) if owner else None

    def shown(self, c: Control, row: dict[str, Any] | None = None) -> bool:
        return c.visible is None or holds(c.visible, lambda k: self.lookup(k, row))

    def required(self, c: Control, row: dict[str, Any] | None = None) -> bool:
        req = c.required
        return holds(req, lambda k: self.lookup(k, row)) if isinstance(req, str) else bool(req)

    def run(self) -> tuple[list[Error], dict[str, Any]]:
        for _ in range(2):  # a condition may read a control that is itself hidden: settle twice
            self.hidden = {c.key for c in self.tab.controls if not self.shown(c)}
        errors: list[Error] = []
        out: dict[str, Any] = {}
        for c in self.tab.controls:
            if c.key in self.hidden:
                continue
            if c.columns:
                errors += self._rows(c, out)
                continue
            value = self.ctx.files.get(c.key) if c.widget in FILES else self.values.get(c.key)
            if _empty(value):
                if self.required(c):
                    errors.append({"name": c.first_name, "label": c.label, "msg": required_message(c)})
                continue
            if c.widget in FILES:
                continue  # files are stored by their uploads
            message, clean = check_value(c, value, self.lookup, self.ctx)
            if message:
                errors.append({"name": c.first_name, "label": c.label, "msg": message})
            else:
                out[c.key] = clean
        return errors, out

    def _rows(self, g: Control, out: dict[str, Any]) -> list[Error]:
        raw = self.values.get(g.key)
        # rows keep their page position (an empty row is dropped, but the messages count it)
        rows = [(i, r) for i, r in enumerate(raw) if isinstance(r, dict) and not _empty(r)] if isinstance(raw, list) else []
        if not rows:
            return [{"name": g.first_name, "label": g.label, "msg": required_message(g)}] if self.required(g) else []
        errors: list[Error] = []
        stored = []
        for i, row in rows:
            clean: dict[str, Any] = {}
            for col in g.columns:
                if not self.shown(col, row):
                    continue
                value = self.ctx.files.get(col.key) if col.widget in FILES else row.get(col.key)
                if _empty(value):
                    if self.required(col, row):
                        errors.append({"name": col.first_name, "row": i, "label": g.label,
                                       "msg": f"第{i + 1}项：{required_message(col)}"})
                    continue
                if col.widget in FILES:
                    continue
                message, value = check_value(col, value, lambda k, r=row: self.lookup(k, r), self.ctx)
                if message:
                    errors.append({"name": col.first_name, "row": i, "label": g.label, "msg": f"第{i + 1}项：{message}"})
                else:
                    clean[col.key] = value
            stored.append(clean)
        out[g.key] = stored
        if g.widget == "modal_pick":  # a picked person must be one of the institution's people
            people = {(p["name"], p["mobile"]) for p in self.ctx.people()}
            errors += [{"name": g.first_name, "row": i, "label": g.label,
                        "msg": f"第{i + 1}项：{g.label}“{row.get('name')}”不是本机构人员"}
                       for (i, row) in rows if (row.get("name"), row.get("mobile")) not in people]
        return errors


def check_tab(t: Tab, values: dict[str, Any], ctx: Context) -> tuple[list[Error], dict[str, Any]]:
    return TabCheck(t, values, ctx).run()


def tab_shown(t: Tab, saved: dict[str, dict[str, Any]]) -> bool:
    if not t.visible:
        return True
    return holds(t.visible, lambda k: saved.get(getattr(form().owner(k), "key", ""), {}).get(k))
