"""The form catalog as the mock serves it, loaded once from the package's catalog file."""

from __future__ import annotations

from typing import Any

import yaml

from autofiler.forms.catalog import HERE as FORMS

# The SOP form is the package's catalog sop-2020; the mock serves exactly what autofiler validates against.
_RAW: dict[str, Any] = yaml.safe_load((FORMS / "sop-2020.yaml").read_text(encoding="utf-8"))

# Modules in tab order: {key, label, fields: [field dicts as written in the catalog]}.
CATALOG: list[dict[str, Any]] = _RAW["modules"]
MODULES: dict[str, dict[str, Any]] = {m["key"]: m for m in CATALOG}
# Review states in the catalog's order: key -> label.
states: dict[str, str] = {s["key"]: s["label"] for s in _RAW["review"]["states"]}
STATES = states
ACCOUNT_TEMPLATE: dict[str, Any] = _RAW["account_template"]
EN_SUFFIX = "_en"
EN_LABEL = "（英文）"

# Where each top-level field lives, so a condition can name a field of another module.
FIELD_MODULE: dict[str, str] = {f["key"]: m["key"] for m in CATALOG for f in m["fields"]}

# Provinces (GB/T 2260 codes), for the institution dialog and the filing number.
PROVINCES: dict[str, str] = {
    "北京市": "11", "天津市": "12", "河北省": "13", "山西省": "14", "内蒙古自治区": "15",
    "辽宁省": "21", "吉林省": "22", "黑龙江省": "23", "上海市": "31", "江苏省": "32",
    "浙江省": "33", "安徽省": "34", "福建省": "35", "江西省": "36", "山东省": "37",
    "河南省": "41", "湖北省": "42", "湖南省": "43", "广东省": "44", "广西壮族自治区": "45",
    "海南省": "46", "重庆市": "50", "四川省": "51", "贵州省": "52", "云南省": "53",
    "西藏自治区": "54", "陕西省": "61", "甘肃省": "62", "青海省": "63", "宁夏回族自治区": "64",
    "新疆维吾尔自治区": "65", "台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82",
}


def module(key: str) -> dict[str, Any]:
    """The module with this key; KeyError when there is none."""
    return MODULES[key]


def field(module_key: str, field_key: str) -> dict[str, Any]:
    """A top-level field of a module; KeyError when there is none."""
    for f in MODULES[module_key]["fields"]:
        if f["key"] == field_key:
            return f
    raise KeyError(f"{module_key}.{field_key}")


def province_code(province: str | None) -> str:
    """The two-digit code of a province, matched on its full or short name ('北京' or '北京市')."""
    if not province:
        return "00"
    for name, code in PROVINCES.items():
        if name == province or name.startswith(province) or province.startswith(name[:2]):
            return code
    return "00"
