"""pydantic's validation errors, told as findings a PI understands (Chinese first, then English).

pydantic's own wording never reaches the user: each error type maps to a rule id and a message of ours.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import ValidationError

from autofiler.spec import catalog, counterparts
from autofiler.spec.modules import UNION_TAGS
from autofiler.spec.reporter import Reporter, parent
from autofiler.spec.yamlpos import join

KINDS = {
    "text": ("文本（像数字或日期的内容请加引号）", "text (quote it if it looks like a number or date)"),
    "number": ("整数", "a whole number"),
    "date": ("日期（YYYY-MM-DD）", "a date written YYYY-MM-DD"),
    "daterange": ("日期范围 {start: YYYY-MM-DD, end: YYYY-MM-DD}", "a date range {start, end}"),
    "list": ("列表", "a list"),
    "table": ("表格：每行一个映射的列表", "a list of rows, each a mapping"),
    "mapping": ("映射（键: 值）", "a mapping of keys to values"),
    "institution": ("机构名称，或 {name, province, city, address}", "an institution name or {name, province, city, address}"),
    "option": ("选项文本", "one of the options"),
}
_PYDANTIC_KINDS = {
    "string_type": "text", "int_type": "number", "int_parsing": "number", "list_type": "list",
    "model_type": "mapping", "model_attributes_type": "mapping", "dict_type": "mapping", "date_type": "date",
    "union_tag_invalid": "institution",
}
_WIDGET_KINDS = {
    "text": "text", "textarea": "text", "file": "text", "number": "number", "date": "date", "daterange": "daterange",
    "table": "table", "multiselect": "list", "files": "list", "institution": "institution", "radio": "option",
    "select": "option",
}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(value: Any, limit: int = 40) -> str:
    """A user's value, safe to print in one line."""
    text = _UNSAFE.sub("?", str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggest(word: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def known_keys(path: str) -> list[tuple[str, str]]:
    """(key, label) pairs allowed in the mapping at `path`."""
    if not path:
        return [(m.key, m.label) for m in catalog.MODULES]
    mod = catalog.module(path)
    if mod:
        return [(f.key, f.label) for f in mod.fields]
    owner = catalog.meta_of(re.sub(r"\[\d+\]$", "", path))
    return [(c.key, c.label) for c in owner.columns] if owner else []


def unknown_key_message(path: str) -> str:
    key = catalog.split_path(path)[-1] if path else ""
    pairs = known_keys(parent(path))
    by_label = {label: k for k, label in pairs}
    guess = by_label.get(str(key))
    pair = counterparts.counterpart(str(key), parent(path), "live-2026", "sop-2020")
    if pair and not guess:  # a key of the 2026 form in a spec without `form: live-2026`
        return (f"{shown(key)} 是 live-2026 表单的键（文件开头缺少 form: live-2026？）；sop-2020 中对应 {pair.target} / "
                f"'{shown(key)}' is a key of the live-2026 form (is `form: live-2026` missing?); in sop-2020 it is "
                f"{pair.target}")
    guess = guess or suggest(str(key), [k for k, _ in pairs])
    if guess:
        return f"未知的键 {shown(key)}，是否应为 {guess}？ / unknown key '{shown(key)}'; did you mean {guess}?"
    return f"未知的键 {shown(key)}（可用 autofiler init 生成带全部键的模板） / unknown key '{shown(key)}'"


def type_message(kind: str) -> str:
    zh, en = KINDS.get(kind, KINDS["text"])
    return f"应为{zh} / should be {en}"


def option_message(path: str, value: Any) -> str:
    meta = catalog.meta_of(re.sub(r"\[\d+\]$", "", path))  # an item of a multiselect takes its options
    options = list(meta.options) if meta else []
    if not isinstance(value, str):
        return f"应为以下选项之一：{'、'.join(options)} / should be one of the options"
    guess = suggest(value, options)
    hint = f"是否应为 {guess}？" if guess else ""
    return (f"「{shown(value)}」不是可选项。{hint}可选：{'、'.join(options)} / "
            f"'{shown(value)}' is not one of the options" + (f"; did you mean {guess}?" if guess else ""))


def required_message(path: str) -> str:
    if catalog.module(path):
        return f"缺少整个模块 {path} / the module {path} is missing"
    return "必填项未填写 / this field is required"


def describe(kind: str, ctx: dict[str, Any], path: str, value: Any) -> tuple[str, str]:
    """(rule, message) for one pydantic error type."""
    meta = catalog.meta_of(path)
    if kind == "missing":
        return "required", required_message(path)
    if kind == "extra_forbidden":
        return "unknown-key", unknown_key_message(path)
    if kind == "literal_error":
        return "option", option_message(path, value)
    if kind == "max-length":
        return kind, f"长度 {ctx['actual']} 超过上限 {ctx['max']} 个字符 / {ctx['actual']} characters, at most {ctx['max']}"
    if kind == "greater_than_equal":
        return "number-range", f"不能小于 {ctx['ge']} / must be at least {ctx['ge']}"
    if kind == "less_than_equal":
        return "number-range", f"不能大于 {ctx['le']} / must be at most {ctx['le']}"
    if kind == "too_short":
        if meta and meta.widget == "table":
            n = ctx.get("min_length", 1)
            return "min-rows", f"至少需要 {n} 行 / needs at least {n} row(s)"
        return "required", "至少选择一项 / choose at least one"
    if kind == "control-char":
        if ctx.get("multiline"):
            return kind, "含有不可见的控制字符 / contains invisible control characters"
        return kind, "含有换行或不可见的控制字符，单行输入框无法原样填写 / contains a line break or control character"
    if kind == "phone":
        return kind, (f"「{shown(ctx['value'])}」不是有效的电话号码：手机为 11 位数字，座机写作 区号-号码（如 010-12345678） / "
                      "not a valid phone number: an 11-digit mobile number or a landline such as 010-12345678")
    if kind == "icd10":
        return kind, (f"「{shown(ctx['value'])}」不是 ICD-10 编码，请填写一个编码如 C34.9 / not an ICD-10 code; write one "
                      "code such as C34.9")
    if kind == "email":
        return kind, f"「{shown(ctx['value'])}」不是有效的电子邮箱 / not a valid e-mail address"
    if kind == "date-format":
        return kind, f"「{shown(ctx['value'])}」不是有效日期，请写作 YYYY-MM-DD / not a valid date; write YYYY-MM-DD"
    if kind == "future-date":
        return kind, f"日期 {ctx['value']} 晚于今天 / the date {ctx['value']} is in the future"
    if kind == "duplicate-option":
        return kind, f"「{shown(ctx['value'])}」选了两次 / '{shown(ctx['value'])}' is chosen twice"
    if kind == "type" or kind in _PYDANTIC_KINDS:
        expected = _WIDGET_KINDS.get(meta.widget, "text") if meta else None
        return "type", type_message(expected or ctx.get("expected") or _PYDANTIC_KINDS.get(kind, "text"))
    return "invalid", "值无效 / invalid value"


def report(error: ValidationError, module: str, out: Reporter) -> None:
    for e in error.errors(include_url=False, include_context=True, include_input=True):
        path = module
        for part in e["loc"]:
            if part in UNION_TAGS:
                continue
            path = join(path, part)
        ctx = e.get("ctx") or {}
        rule, message = describe(e["type"], ctx, path, e.get("input"))
        out.error(rule, path, message)
