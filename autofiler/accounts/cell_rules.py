"""The rules for one cell's text, column by column. Each returns the problems found ([] when fine)."""

from __future__ import annotations

import re
from collections.abc import Callable

from autofiler.accounts.columns import SEXES
from autofiler.accounts.history import check_education, check_work
from autofiler.accounts.idcard import check_id_number
from autofiler.accounts.sheet_findings import Problem, error, warning

_MOBILE = re.compile(r"1[3-9]\d{9}")
# 010 and 02x are three-digit area codes followed by 8 digits; the other codes (0xxx) by 7 or 8 digits.
_LANDLINE = re.compile(r"(?:0(?:10|2\d)-\d{8}|0[3-9]\d{2}-\d{7,8})(?:-\d{1,6})?")
_HAN = re.compile(r"[\u3400-\u9fff]")
_EMAIL = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_POSTCODE = re.compile(r"\d{6}")
_NAME = re.compile(r"[\u3400-\u9fffA-Za-z\u00c0-\u024f][\u3400-\u9fffA-Za-z\u00c0-\u024f·•・.\s'-]*")
MIN_PASSWORD = 8


def _full_width_chars(value: str) -> list[str]:
    """Full-width forms (ＡＢ１＠．) and the Chinese punctuation that slips into Latin-only fields."""
    seen: list[str] = []
    for ch in value:
        if ("\uff01" <= ch <= "\uff5e" or ch in "\u3000。，、；：（）") and ch not in seen:
            seen.append(ch)
    return seen


def _full_width_note(value: str) -> str:
    chars = _full_width_chars(value)
    if not chars:
        return ""
    return "；含全角字符" + "、".join(f"「{ch}」" for ch in chars) + "，请用半角（英文）输入"


def check_name(value: str) -> list[Problem]:
    if _HAN.search(value) and re.search(r"\s", value):
        joined = re.sub(r"\s+", "", value)
        return [error("name.space", f"中文姓名「{value}」中间有空格，请删除：{joined}（少数民族姓名用 · 分隔）")]
    if not _NAME.fullmatch(value):
        return [error("name.format",
                      f"姓名「{value}」含数字或符号，只能是中文或英文字母（外文姓名可含空格、· 和 -）")]
    return []


def check_mobile(value: str) -> list[Problem]:
    if _MOBILE.fullmatch(value):
        return []
    digits = re.sub(r"[\s-]", "", value)
    if _MOBILE.fullmatch(digits):
        return [error("mobile.format", f"手机号「{value}」中有空格或横线，请只填 11 位数字：{digits}")]
    if re.fullmatch(r"\+?86" + _MOBILE.pattern, digits):
        return [error("mobile.format", f"手机号「{value}」请去掉 +86，只填 11 位数字：{digits[-11:]}")]
    count = sum(ch.isdigit() for ch in value)
    return [error("mobile.format", f"手机号「{value}」应为 11 位数字、以 13–19 开头，实际有 {count} 位数字"
                  + _full_width_note(value))]


def check_landline(value: str) -> list[Problem]:
    if _LANDLINE.fullmatch(value):
        return []
    return [error("landline.format",
                  f"固定电话「{value}」格式不对，应为 区号-号码，如 010-12345678、0571-87654321"
                  "（010 和 02x 区号后为 8 位，其他区号后为 7 或 8 位），"
                  "分机号写在后面，如 010-12345678-801" + _full_width_note(value))]


def check_email(value: str) -> list[Problem]:
    if _EMAIL.fullmatch(value):
        return []
    if "@" not in value and "＠" not in value:
        return [error("email.format", f"邮箱「{value}」缺少 @，应如 zhangsan@example.com")]
    return [error("email.format",
                  f"邮箱「{value}」格式不对，应如 zhangsan@example.com" + _full_width_note(value))]


def check_postcode(value: str) -> list[Problem]:
    if _POSTCODE.fullmatch(value):
        return []
    return [error("postcode.format", f"邮编「{value}」应为 6 位数字" + _full_width_note(value))]


def check_sex(value: str) -> list[Problem]:
    if value.lower() in SEXES:
        return []
    return [error("sex.option", f"性别「{value}」只能填 男 或 女（也可写 male / female）")]


def check_research_fields(value: str) -> list[Problem]:
    problems: list[Problem] = []
    if "；" in value:
        problems.append(error("fields.full_width_semicolon",
                              "多个研究领域之间用了中文分号「；」，请改为英文分号「;」"))
    items = value.replace("；", ";").split(";")
    empty = [str(i) for i, item in enumerate(items, 1) if not item.strip()]
    if empty:
        problems.append(error("fields.empty_item",
                              f"第 {'、'.join(empty)} 项研究领域为空：分号前后都要有内容，"
                              "开头、结尾不要加分号，也不要连用两个分号"))
    if any(mark in value for mark in ("、", "，", ",")):
        problems.append(warning("fields.separator",
                                "含顿号或逗号：如果是多个研究领域，请用英文分号「;」分隔"))
    return problems


def check_password(value: str) -> list[Problem]:
    if len(value) < MIN_PASSWORD:
        return [warning("password.weak", f"自定义密码只有 {len(value)} 位，建议不少于 {MIN_PASSWORD} 位，"
                        "并包含字母和数字；也可留空使用默认密码")]
    return []


VALUE_RULES: dict[str, Callable[[str], list[Problem]]] = {
    "姓名": check_name,
    "证件号码": check_id_number,
    "性别": check_sex,
    "固定电话": check_landline,
    "移动电话": check_mobile,
    "邮箱": check_email,
    "邮编": check_postcode,
    "研究领域": check_research_fields,
    "密码": check_password,
    "工作经历": check_work,
    "教育背景": check_education,
}


def check_value(column: str, value: str) -> list[Problem]:
    rule = VALUE_RULES.get(column)
    return rule(value) if rule else []
