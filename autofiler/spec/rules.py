"""Rules that relate fields to each other, checked on the raw spec so that every finding shows at once.

Conditional requirements, English twins, table rows, date order, age range, registration numbers by platform,
the primary outcome and the sample-size sum. Single-field checks live in the models (types.py, modules.py).
"""

from __future__ import annotations

import re
from typing import Any

from autofiler.spec import catalog
from autofiler.spec.findings import ERROR, NOTE, WARNING
from autofiler.spec.meta import Cond, SpecModel
from autofiler.spec.modules import ResearchDesign
from autofiler.spec.reporter import Reporter
from autofiler.spec.types import as_int, parse_date
from autofiler.spec.yamlpos import join

PRIMARY = "主要指标"
PUBLISH_YES = "是"
REGISTRATION_FORMATS = {
    "中国临床试验注册中心": (re.compile(r"ChiCTR\d{10}", re.ASCII), "ChiCTR + 10 位数字，如 ChiCTR2400081234",
                              "ChiCTR + 10 digits"),
    "ClinicalTrials.gov": (re.compile(r"NCT\d{8}", re.ASCII), "NCT + 8 位数字，如 NCT01234567", "NCT + 8 digits"),
    "药物临床试验登记与信息公示平台": (re.compile(r"CTR\d{8}", re.ASCII), "CTR + 8 位数字，如 CTR20241234",
                                      "CTR + 8 digits"),
}
# Han characters and full-width forms: the site refuses them in an English twin.
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def condition_text(cond: Cond) -> str:
    """A condition in words: 当「项目来源」为 国际合作项目."""
    module_key = cond.field.rpartition(".")[0]
    label = ""
    for mod in catalog.MODULES:
        if not module_key or mod.key == module_key:
            found = mod.field(cond.field.rpartition(".")[2])
            if found:
                label = found.label
                break
    if cond.op == "in":
        what = f"为 {' 或 '.join(cond.value)}"
    elif cond.op == "startswith":
        what = f"以 {cond.value} 开头"
    else:
        what = f"为 {cond.value}"
    return f"当「{label}」{what}"


# The fields each rule looks at, worked out once.
_CONDITIONAL = [(m.key, f, Cond.parse(f.required)) for m, f in catalog.all_fields() if isinstance(f.required, str)]
_TABLES = [(m.key, f) for m, f in catalog.all_fields() if f.widget == "table" and f.min_rows]
_TWINS = [(m.key, f) for m, f in catalog.all_fields() if f.twin_of]
_RANGES = [(m.key, f) for m, f in catalog.all_fields() if f.widget == "daterange"]


def _conditions(data: dict[str, Any], out: Reporter) -> None:
    for module, f, cond in _CONDITIONAL:
        values = data.get(module)
        if not isinstance(values, dict):
            continue
        path = join(module, f.key)
        holds = cond.holds(module, data)
        if holds and f.key not in values:
            out.error("required", path, f"{condition_text(cond)}时必填 / required when {cond}")
        elif f.shown_when and not holds and f.key in values:
            out.add(WARNING, "not-applicable", path, f"网页上只有{condition_text(cond)}时才显示此项，填写的内容会被"
                                                     f"忽略 / shown only when {cond}; this value is ignored")


def _table_rows(data: dict[str, Any], out: Reporter) -> None:
    for module, f in _TABLES:
        values = _section(data, module)
        if values.get(f.key) != []:
            continue
        required = f.required is True or (isinstance(f.required, str) and Cond.parse(f.required).holds(module, data))
        if required:
            out.error("min-rows", join(module, f.key), f"至少需要 {f.min_rows} 行 / needs at least {f.min_rows} row(s)")


def _en_twins(data: dict[str, Any], out: Reporter) -> None:
    publish = _section(data, "basic_info").get("publish_to_chictr") == PUBLISH_YES
    for module, f in _TWINS:
        if module not in data:
            continue
        values = _section(data, module)
        path = join(module, f.key)
        if publish and f.key not in values:
            out.error("en-twin", path, "选择在中国临床试验注册中心公开时，此项需填写英文 / English text is required "
                                       "when publish_to_chictr is 是")
        elif publish and isinstance(values[f.key], str) and _CJK.search(values[f.key]):
            out.add(ERROR, "en-twin", path, "英文内容中含有中文字符或全角标点 / the English text contains Chinese "
                                              "characters or full-width punctuation")
        elif not publish and f.key in values:
            out.add(WARNING, "not-applicable", path, "未选择在中国临床试验注册中心公开，英文内容不会填写 / not "
                                                     "published on ChiCTR, so the English text is not filed")


def _date_order(data: dict[str, Any], out: Reporter) -> None:
    for module, f in _RANGES:
        value = _section(data, module).get(f.key)
        if not isinstance(value, dict):
            continue
        start, end = parse_date(value.get("start")), parse_date(value.get("end"))
        if start and end and end < start:
            out.error("date-order", join(join(module, f.key), "end"),
                      f"结束日期 {end} 早于开始日期 {start} / the end date is before the start date")


def _ages(data: dict[str, Any], out: Reporter) -> None:
    rec = _section(data, "recruitment")
    low, high = as_int(rec.get("age_min")), as_int(rec.get("age_max"))
    if low is not None and high is not None and high < low:
        out.error("age-range", "recruitment.age_max",
                  f"最大年龄 {high} 小于最小年龄 {low} / age_max {high} is below age_min {low}")


def _registrations(data: dict[str, Any], out: Reporter) -> None:
    rows = _section(data, "other_registrations").get("registrations")
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        number = row.get("registration_no") if isinstance(row, dict) else None
        if isinstance(number, int) and not isinstance(number, bool):
            number = str(number)  # the model takes an unquoted number as its digits
        if not isinstance(number, str):
            continue
        platform = row.get("platform")
        form = REGISTRATION_FORMATS.get(platform) if isinstance(platform, str) else None
        if form and not form[0].fullmatch(number):
            out.error("registration-format", f"other_registrations.registrations[{i}].registration_no",
                      f"注册号「{number[:40]}」与平台「{platform}」不符，应为 {form[1]} / the number does not match "
                      f"{platform}: expected {form[2]}")


def _primary_outcome(data: dict[str, Any], out: Reporter) -> None:
    rows = _section(data, "research_content").get("outcomes")
    if not isinstance(rows, list) or not rows:
        return
    if not any(isinstance(r, dict) and r.get("kind") == PRIMARY for r in rows):
        out.error("primary-outcome", "research_content.outcomes",
                  f"结局指标中至少需要一行「{PRIMARY}」 / at least one outcome must be of kind {PRIMARY}")


def _sample_size(modules: dict[str, SpecModel | None], out: Reporter) -> None:
    design = modules.get("research_design")
    if not isinstance(design, ResearchDesign) or not design.interventions:
        return
    total = sum(row.sample_size for row in design.interventions)
    if total != design.sample_size_total:
        out.add(WARNING, "sample-size-sum", "research_design.sample_size_total",
                f"总样本量 {design.sample_size_total} 与各组样本量之和 {total} 不一致 / sample_size_total "
                f"{design.sample_size_total} differs from the sum of the groups ({total})")


def _lead_unit(data: dict[str, Any], out: Reporter) -> None:
    if "lead_unit" in _section(data, "implementation"):
        out.add(NOTE, "read-only", "implementation.lead_unit",
                "此项由系统按负责人所在机构填入，提交时只核对不填写 / filled in by the site; autofiler only "
                "checks that it matches")


def check(data: dict[str, Any], modules: dict[str, SpecModel | None], out: Reporter) -> None:
    """Add the findings of every cross-field rule. `data` is the raw spec (blank values removed); `modules`
    holds the module models that validated (None where a module has errors)."""
    for rule in (_conditions, _table_rows, _en_twins, _date_order, _ages, _registrations, _primary_outcome, _lead_unit):
        rule(data, out)
    _sample_size(modules, out)

