"""Server-side checks of a module save, driven by the sop-2020 catalog: what the real site's form rules would refuse.

`validate_module` answers (errors, cleaned values). An error is {"field": dotted path, "message": Chinese text};
paths follow the spec (`participating_units[1].unit_pi_phone`, rows counted from 0) while messages count rows
from 1 the way the page shows them. Only the cleaned values are ever stored, and only when there is no error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mock_site import formats
from mock_site.served_catalog import EN_LABEL, EN_SUFFIX, FIELD_MODULE, MODULES

Error = dict[str, str]
CHOICE_WIDGETS = {"radio", "select", "multiselect", "date", "daterange", "institution"}
PLATFORM_PATTERNS = {
    "中国临床试验注册中心": re.compile(r"ChiCTR\d{10}"),
    "ClinicalTrials.gov": re.compile(r"NCT\d{8}"),
    "药物临床试验登记与信息公示平台": re.compile(r"CTR\d{8}"),
}
CONDITION = re.compile(r"^\s*(\w+)\s+(==|in|startswith)\s+(.+?)\s*$")


@dataclass
class Context:
    """What a save is checked against besides its own values."""

    saved: dict[str, dict[str, Any]] = field(default_factory=dict)  # module key -> stored values
    institution_known: Callable[[str], bool] = lambda name: False
    owner_institution: str = ""
    attachments: dict[str, list[Any]] = field(default_factory=dict)


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, (list, tuple)):
        return len(value) == 0
    if isinstance(value, dict):
        return all(is_empty(v) for v in value.values())
    return False


def required_message(f: dict[str, Any]) -> str:
    widget = f["widget"]
    if widget == "table":
        return f"请添加{f['label']}"
    if widget in ("file", "files"):
        return f"请上传{f['label']}"
    return f"请选择{f['label']}" if widget in CHOICE_WIDGETS else f"请填写{f['label']}"


def condition_holds(expr: str, values: dict[str, Any], module_key: str, ctx: Context) -> bool:
    """`f == v`, `f in [a, b]` or `f startswith v`; f is read from this save, or from the module that owns it."""
    m = CONDITION.match(expr)
    if not m:
        raise ValueError(f"bad condition in the catalog: {expr}")
    name, op, raw = m.groups()
    owner = FIELD_MODULE.get(name, module_key)
    actual = values.get(name) if owner == module_key else ctx.saved.get(owner, {}).get(name)
    if actual is None:
        return False
    if op == "==":
        return str(actual) == raw
    if op == "startswith":
        return str(actual).startswith(raw)
    options = [o.strip() for o in raw.strip("[]").split(",")]
    return str(actual) in options


def is_required(f: dict[str, Any], values: dict[str, Any], module_key: str, ctx: Context) -> bool:
    req = f.get("required", False)
    if isinstance(req, str):
        return condition_holds(req, values, module_key, ctx)
    return bool(req)


def check_value(f: dict[str, Any], value: Any, known: Callable[[str], bool]) -> tuple[str | None, Any]:
    """One value against its field's widget and rules: (message or None, cleaned value)."""
    label, widget = f["label"], f["widget"]
    if widget in ("text", "textarea"):
        if not isinstance(value, str):
            return f"{label}格式不正确", value
        if f.get("max_length") and len(value) > f["max_length"]:
            return f"{label}不能超过{f['max_length']}个字", value
        pattern = f.get("pattern", "")
        if pattern.startswith("mobile") and not formats.is_phone(value):
            return f"{label}格式不正确", value
        if pattern == "email" and not formats.is_email(value):
            return f"{label}格式不正确", value
        if pattern.startswith("ICD-10") and not formats.is_icd10(value):
            return f"{label}格式不正确（ICD-10 编码，如 C34.9）", value
        return None, value
    if widget == "number":
        return _check_number(f, value)
    if widget == "date":
        if not isinstance(value, str) or not formats.is_date(value):
            return f"{label}不是有效日期（YYYY-MM-DD）", value
        return None, value
    if widget == "daterange":
        if not isinstance(value, dict) or set(value) - {"start", "end"}:
            return f"{label}格式不正确", value
        start, end = value.get("start"), value.get("end")
        if is_empty(start) or is_empty(end):
            return f"请选择{label}的开始和结束日期", value
        if not (isinstance(start, str) and formats.is_date(start) and isinstance(end, str) and formats.is_date(end)):
            return f"{label}不是有效日期（YYYY-MM-DD）", value
        if end < start:
            return f"{label}的结束日期不能早于开始日期", value
        return None, {"start": start, "end": end}
    if widget in ("radio", "select"):
        if not isinstance(value, str) or value not in f["options"]:
            return f"{label}的选项无效", value
        return None, value
    if widget == "multiselect":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{label}格式不正确", value
        bad = [v for v in value if v not in f["options"]]
        if bad:
            return f"{label}的选项无效：{'、'.join(bad)}", value
        if len(set(value)) != len(value):
            return f"{label}有重复选项", value
        return None, value
    if widget == "institution":
        if not isinstance(value, str):
            return f"{label}格式不正确", value
        if not known(value):
            return f"{label}“{value}”未在系统注册，请先添加该机构", value
        return None, value
    raise ValueError(f"widget {widget} is not a scalar")


def _check_number(f: dict[str, Any], value: Any) -> tuple[str | None, Any]:
    label = f["label"]
    if isinstance(value, bool):
        return f"{label}必须为数字", value
    if isinstance(value, str):
        try:
            value = float(value.strip()) if re.search(r"[.eE]", value) else int(value.strip())
        except ValueError:
            return f"{label}必须为数字", value
    if not isinstance(value, (int, float)):
        return f"{label}必须为数字", value
    if isinstance(value, float):
        if not value.is_integer():
            return f"{label}必须为整数", value
        value = int(value)
    if "min" in f and value < f["min"]:
        return f"{label}不能小于{f['min']}", value
    if "max" in f and value > f["max"]:
        return f"{label}不能大于{f['max']}", value
    return None, value


def check_table(f: dict[str, Any], rows: Any, required: bool, known: Callable[[str], bool]
                ) -> tuple[list[Error], list[dict[str, Any]]]:
    key, label = f["key"], f["label"]
    if not isinstance(rows, list):
        return [{"field": key, "message": f"{label}格式不正确"}], []
    if required and len(rows) < f.get("min_rows", 1):
        return [{"field": key, "message": f"{label}至少需要{f.get('min_rows', 1)}行"}], []
    errors: list[Error] = []
    cleaned: list[dict[str, Any]] = []
    columns = {c["key"]: c for c in f["columns"]}
    for i, row in enumerate(rows):
        where = f"{key}[{i}]"
        if not isinstance(row, dict):
            errors.append({"field": where, "message": f"第{i + 1}行格式不正确"})
            continue
        out: dict[str, Any] = {}
        for col_key in row:
            if col_key not in columns:
                errors.append({"field": f"{where}.{col_key}", "message": f"第{i + 1}行：未知字段 {col_key}"})
        for col in f["columns"]:
            value = row.get(col["key"])
            if is_empty(value):
                if col.get("required"):
                    errors.append({"field": f"{where}.{col['key']}", "message": f"第{i + 1}行：{required_message(col)}"})
                continue
            message, value = check_value(col, value, known)
            if message:
                errors.append({"field": f"{where}.{col['key']}", "message": f"第{i + 1}行：{message}"})
            out[col["key"]] = value
        cleaned.append(out)
    return errors, cleaned


def validate_module(module_key: str, values: Any, ctx: Context) -> tuple[list[Error], dict[str, Any]]:
    """Every rule of the catalog for one module's save."""
    if module_key not in MODULES:
        return [{"field": "", "message": f"未知模块 {module_key}"}], {}
    if not isinstance(values, dict):
        return [{"field": "", "message": "数据格式不正确"}], {}
    mod = MODULES[module_key]
    fields = mod["fields"]
    allowed = {f["key"] for f in fields} | {f["key"] + EN_SUFFIX for f in fields if f.get("en_twin")}
    errors: list[Error] = [{"field": k, "message": f"未知字段 {k}"} for k in values if k not in allowed]
    values = {k: v for k, v in values.items() if k in allowed and not is_empty(v)}
    if module_key == "attachments":
        return errors + _attachment_errors(ctx), {}
    known = ctx.institution_known
    cleaned: dict[str, Any] = {}
    for f in fields:
        key = f["key"]
        if f.get("readonly"):
            if key in values and values[key] != ctx.owner_institution:
                errors.append({"field": key, "message": f"{f['label']}只能是本人所在单位"})
            cleaned[key] = ctx.owner_institution
            continue
        required = is_required(f, values, module_key, ctx)
        if key not in values:
            if required:
                errors.append({"field": key, "message": required_message(f)})
            continue
        if f["widget"] == "table":
            errs, cleaned[key] = check_table(f, values[key], required, known)
            errors += errs
        else:
            message, cleaned[key] = check_value(f, values[key], known)
            if message:
                errors.append({"field": key, "message": message})
    errors += _en_twins(module_key, fields, values, cleaned, ctx)
    errors += _cross_field(module_key, cleaned)
    return errors, cleaned


def _attachment_errors(ctx: Context) -> list[Error]:
    return [{"field": f["key"], "message": required_message(f)}
            for f in MODULES["attachments"]["fields"] if f.get("required") and not ctx.attachments.get(f["key"])]


def publishes(values: dict[str, Any], module_key: str, ctx: Context) -> bool:
    owner = FIELD_MODULE["publish_to_chictr"]
    source = values if module_key == owner else ctx.saved.get(owner, {})
    return source.get("publish_to_chictr") == "是"


def _en_twins(module_key: str, fields: list[dict[str, Any]], values: dict[str, Any], cleaned: dict[str, Any],
              ctx: Context) -> list[Error]:
    errors: list[Error] = []
    on = publishes(values, module_key, ctx)
    for f in fields:
        if not f.get("en_twin"):
            continue
        key, label = f["key"] + EN_SUFFIX, f["label"] + EN_LABEL
        value = values.get(key)
        if value is None:
            if on:
                errors.append({"field": key, "message": f"请填写{label}"})
            continue
        if not isinstance(value, str):
            errors.append({"field": key, "message": f"{label}格式不正确"})
        elif formats.has_cjk(value):
            errors.append({"field": key, "message": f"{label}请使用英文填写"})
        elif f.get("max_length") and len(value) > f["max_length"]:
            errors.append({"field": key, "message": f"{label}不能超过{f['max_length']}个字"})
        cleaned[key] = value
    return errors


def _cross_field(module_key: str, v: dict[str, Any]) -> list[Error]:
    """Rules that tie two values together."""
    errors: list[Error] = []
    if module_key == "recruitment":
        lo, hi = v.get("age_min"), v.get("age_max")
        if isinstance(lo, int) and isinstance(hi, int) and hi < lo:
            errors.append({"field": "age_max", "message": "最大年龄不能小于最小年龄"})
    outcomes = v.get("outcomes") if module_key == "research_content" else None
    if isinstance(outcomes, list) and outcomes and not any(row.get("kind") == "主要指标" for row in outcomes):
        errors.append({"field": "outcomes", "message": "结局指标中至少需要一个主要指标"})
    if module_key == "other_registrations":
        for i, row in enumerate(v.get("registrations") or []):
            number, platform = row.get("registration_no"), row.get("platform")
            if not isinstance(number, str) or platform not in PLATFORM_PATTERNS:
                continue
            if PLATFORM_PATTERNS[platform].fullmatch(number):
                continue
            other = any(p.fullmatch(number) for p in PLATFORM_PATTERNS.values())
            message = "注册号与注册平台不符" if other else "注册号格式不正确"
            errors.append({"field": f"registrations[{i}].registration_no", "message": f"第{i + 1}行：{message}"})
    return errors
