"""One value of a catalog field, checked by its widget kind and turned into what the site stores.

`problems(field, value, ...)` lists (severity, rule, sub-path, message); the sub-path (`[1]`, `.end`) is appended
to the field's dotted path. Messages follow the hand-written generation's: Chinese first, then English.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

from autofiler.forms.catalog import CHOICE_WIDGETS, FormField
from autofiler.spec import pdfcheck
from autofiler.spec.findings import ERROR, WARNING
from autofiler.spec.types import EMAIL, ICD10, LANDLINE, MOBILE, as_int, browser_length, parse_date
from autofiler.spec.wording import shown, suggest, type_message

Problem = tuple[str, str, str, str]  # severity, rule, sub-path, message

TEXT_WIDGETS = frozenset({"text", "textarea", "autocomplete", "institution"})
FILE_ONE = frozenset({"pdf", "file"})
# A catalog's `pattern` names one of these; any other pattern text is a note for people, not a check.
PATTERNS: dict[str, tuple[re.Pattern[str], str, str]] = {
    "mobile": (MOBILE, "手机号为 11 位数字", "an 11-digit mobile number"),
    "phone": (re.compile(f"{MOBILE.pattern}|{LANDLINE.pattern}", re.ASCII),
              "手机为 11 位数字，座机写作 区号-号码（如 010-12345678）", "a mobile number or a landline such as 010-12345678"),
    "email": (EMAIL, "电子邮箱如 name@example.org", "an e-mail address"),
    "icd10": (ICD10, "一个 ICD-10 编码，如 C34.9",
              "one ICD-10 code such as C34.9"),
    "icd11": (re.compile(r"[0-9A-HJ-NP-Z][A-HJ-NP-Z][0-9][0-9A-HJ-NP-Z](\.[0-9A-HJ-NP-Z]{1,2})?", re.ASCII),
              "ICD-11 编码如 GB61 或 5A11.0", "an ICD-11 code such as GB61 or 5A11.0"),
}
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_PARA = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_KINDS = {
    "decimal": ("数字（可带小数）", "a number"),
    "texts": ("文本列表 [A, B]", "a list of texts [A, B]"),
    "rows": ("列表，每行一组 键: 值", "a list of rows, each a mapping"),
    "row": ("映射（键: 值），表示一行", "a mapping (key: value), one row"),
    "options": ("选项列表 [A, B]", "a list of options [A, B]"),
    "file": ("PDF 文件的相对路径", "the relative path of a PDF"),
}


def kind_message(kind: str) -> str:
    if kind in _KINDS:
        zh, en = _KINDS[kind]
        return f"应为{zh} / should be {en}"
    return type_message(kind)


def is_blank(value: Any) -> bool:
    """A value that counts as not filled: absent, blank text, an empty list or mapping."""
    return value is None or value == [] or value == {} or (isinstance(value, str) and not value.strip())


def as_text(value: Any) -> str | None:
    # An unquoted number (a phone, a project number) is taken as the digits written.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value if isinstance(value, str) else None


def as_list(value: Any) -> list[Any] | None:
    """A list as written; one bare item stands for a list of one."""
    if isinstance(value, list):
        return value
    if isinstance(value, (dict, type(None))):
        return None
    return [value]


def _text(f: FormField, value: Any, multiline: bool, sub: str = "") -> list[Problem]:
    text = as_text(value)
    if text is None:
        return [(ERROR, "type", sub, type_message("text"))]
    out: list[Problem] = []
    if (_CONTROL_PARA if multiline else _CONTROL_LINE).search(text.replace("\r\n", "\n")):
        why = "不可见的控制字符" if multiline else "换行或不可见的控制字符，单行输入框无法原样填写"
        out.append((ERROR, "control-char", sub, f"含有{why} / contains a line break or control character"))
    if f.max_length and browser_length(text) > f.max_length:
        n = browser_length(text)
        message = f"长度 {n} 超过上限 {f.max_length} 个字符 / {n} characters, at most {f.max_length}"
        out.append((ERROR, "max-length", sub, message))
    pattern = PATTERNS.get(f.pattern or "")
    if pattern and not pattern[0].fullmatch(text.strip()):
        message = f"「{shown(text)}」格式不对，应为{pattern[1]} / not valid: expected {pattern[2]}"
        out.append((ERROR, f.pattern or "pattern", sub, message))
    return out


def text_problems(f: FormField, value: Any, sub: str = "") -> list[Problem]:
    """Length and control characters of an English twin, as of its field (a twin has no format of its own)."""
    plain = f.model_copy(update={"pattern": None}) if f.pattern else f
    return _text(plain, value, f.widget == "textarea", sub)


def _number(f: FormField, value: Any, decimal: bool) -> list[Problem]:
    if decimal:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        written = isinstance(value, str) and _DECIMAL.fullmatch(value.strip())
        n = float(value) if ok or written else None
        if n is None or not math.isfinite(n):
            return [(ERROR, "type", "", kind_message("decimal"))]
    else:
        whole = as_int(value)
        if whole is None:
            return [(ERROR, "type", "", kind_message("number"))]
        n = float(whole)
    low = f.min if f.min is not None else 0.0
    if n < low:
        return [(ERROR, "number-range", "", f"不能小于 {low:g} / must be at least {low:g}")]
    if f.max is not None and n > f.max:
        return [(ERROR, "number-range", "", f"不能大于 {f.max:g} / must be at most {f.max:g}")]
    return []


def _date(value: Any, sub: str = "") -> list[Problem]:
    if parse_date(value) is not None:
        return []
    if isinstance(value, (str, dt.datetime)):
        message = f"「{shown(str(value))}」不是有效日期，请写作 YYYY-MM-DD / not a valid date; write YYYY-MM-DD"
        if isinstance(value, dt.datetime):
            message = f"「{value}」带有时间，请只写日期 YYYY-MM-DD / a date and time; write the date alone, YYYY-MM-DD"
        return [(ERROR, "date-format", sub, message)]
    return [(ERROR, "type", sub, type_message("date"))]


def _daterange(value: Any) -> list[Problem]:
    if not isinstance(value, dict):
        return [(ERROR, "type", "", type_message("daterange"))]
    out: list[Problem] = []
    for key in value:
        if key not in ("start", "end"):
            guess = suggest(str(key), ["start", "end"])
            hint = (f"是否应为 {guess}？", f"did you mean {guess}? ") if guess else ("", "")
            message = (f"未知的键 {shown(key)}，{hint[0]}日期范围只有 start 和 end / unknown key '{shown(key)}'; "
                       f"{hint[1]}a date range has start and end")
            out.append((ERROR, "unknown-key", f".{key}", message))
    for key in ("start", "end"):
        if is_blank(value.get(key)):
            out.append((ERROR, "required", f".{key}", "必填项未填写 / this field is required"))
        else:
            out += _date(value[key], f".{key}")
    start, end = parse_date(value.get("start")), parse_date(value.get("end"))
    if start and end and end < start:
        out.append((ERROR, "date-order", ".end", f"结束日期 {end} 早于开始日期 {start} / the end date is before the start date"))
    return out


def option_choices(f: FormField, parent: Any) -> tuple[str, ...]:
    """The options a choice offers: those of the chosen parent for a dependent select."""
    if f.options_by_parent and isinstance(parent, str) and parent in f.options_by_parent:
        return f.options_by_parent[parent]
    return f.all_options()


def _option(f: FormField, value: Any, parent: Any, sub: str = "") -> list[Problem]:
    choices = option_choices(f, parent)
    if not isinstance(value, str):
        if isinstance(value, (list, dict)) or not choices:
            return [(ERROR, "type", sub, type_message("option" if choices else "text"))]
        return [(ERROR, "option", sub, f"应为以下选项之一：{'、'.join(choices)} / should be one of the options")]
    if not choices or value in choices:
        return []
    if f.dictionary:
        message = (f"「{shown(value)}」不在已知选项中；网站的字典更长，请确认网站上有此项 / not among the known options; "
                   "the site's list is longer, check that it has it")
        return [(WARNING, "option", sub, message)]
    guess = suggest(value, list(choices))
    hint = f"是否应为 {guess}？" if guess else ""
    after = f"（当上一级为 {parent} 时）" if f.options_by_parent and isinstance(parent, str) else ""
    return [(ERROR, "option", sub, f"「{shown(value)}」不是可选项{after}。{hint}可选：{'、'.join(choices)} / "
                                   f"'{shown(value)}' is not one of the options" +
             (f"; did you mean {guess}?" if guess else ""))]


def _many(value: Any, each: Any, kind: str, limit: int | None = None) -> list[Problem]:
    items = as_list(value)
    if items is None:
        return [(ERROR, "type", "", kind_message(kind))]
    out: list[Problem] = []
    if limit is not None and len(items) > limit:
        out.append((ERROR, "too-many", "", f"最多 {limit} 项，写了 {len(items)} 项 / at most {limit}, {len(items)} given"))
    seen: set[str] = set()
    for i, item in enumerate(items):
        sub = f"[{i}]" if isinstance(value, list) else ""
        found = each(item, sub)
        out += found
        if not found and isinstance(item, (str, int)) and str(item) in seen:
            out.append((ERROR, "duplicate-option", sub, f"「{shown(item)}」写了两次 / '{shown(item)}' is given twice"))
        seen.add(str(item))
    return out


def file_limit(f: FormField) -> int:
    return int(f.data_size * 1024 * 1024) if f.data_size else pdfcheck.max_bytes()[0]


def _file(f: FormField, value: Any, base: Path, sub: str = "") -> list[Problem]:
    if not isinstance(value, str) or "\x00" in value:
        return [(ERROR, "type", sub, kind_message("file"))]
    problem = pdfcheck.check_file(base, value, file_limit(f))
    return [(ERROR, problem[0], sub, problem[1])] if problem else []


def problems(f: FormField, value: Any, base: Path, parent: Any = None) -> list[Problem]:
    """What is wrong with one present value of a leaf field (rows are walked by the caller)."""
    w = f.widget
    if f.inputs and w in TEXT_WIDGETS:  # several inputs sharing one name: 关键词 1..5
        return _many(value, lambda v, s: _text(f, v, False, s), "texts", f.inputs)
    if w in TEXT_WIDGETS:
        return _text(f, value, w == "textarea")
    if w in ("number", "decimal"):
        return _number(f, value, w == "decimal")
    if w == "date":
        return _date(value)
    if w == "daterange":
        return _daterange(value)
    if w in CHOICE_WIDGETS:
        return _option(f, value, parent)
    if w in ("checkbox_group", "multiselect"):
        return _many(value, lambda v, s: _option(f, v, None, s), "options")
    if w == "modal_pick":
        return _many(value, lambda v, s: _text(f, v, False, s), "texts")
    if w in FILE_ONE:
        return _file(f, value, base)
    if w == "files":
        return _many(value, lambda v, s: _file(f, v, base, s), "texts")
    return []


def site_value(f: FormField, value: Any, base: Path) -> Any:
    """A checked value as the site stores it: dates as text, lists for list widgets, absolute file paths."""
    w = f.widget
    if w == "date":
        d = parse_date(value)
        return d.isoformat() if d else value
    if w == "daterange" and isinstance(value, dict):
        return {k: site_value(f.model_copy(update={"widget": "date"}), value.get(k), base) for k in ("start", "end")}
    if (f.inputs and w in TEXT_WIDGETS) or w in ("modal_pick", "checkbox_group", "multiselect"):
        return [as_text(v) if as_text(v) is not None else v for v in as_list(value) or []]
    if w == "institution" and isinstance(value, dict):
        return as_text(value.get("name"))  # the site shows and stores an institution by its name
    if w in TEXT_WIDGETS:
        return as_text(value)
    if w == "number":
        return as_int(value)
    if w == "decimal":
        n = float(value) if isinstance(value, str) else value
        return int(n) if isinstance(n, float) and n.is_integer() and not isinstance(value, float) else n
    if w in FILE_ONE and isinstance(value, str):
        return str((base / value).resolve())
    if w == "files":
        return [str((base / v).resolve()) for v in as_list(value) or []]
    return value
