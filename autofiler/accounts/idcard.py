"""证件号码: the 18-character resident ID of GB 11643 (region, birth date, sequence, ISO 7064 MOD 11-2 check).

Anything that does not look like a resident ID (a passport, a Hong Kong/Macao/Taiwan permit) cannot be
checked here and gets a warning for a person to look at. Digit strings of resident-ID length that fail are
errors: they are almost always a typo.
"""

from __future__ import annotations

import datetime as dt
import re

from autofiler.accounts.sheet_findings import Problem, error, warning

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# Province-level codes; 81/82/83 are the residence permits of Hong Kong, Macao and Taiwan residents.
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82", "83",
})
_LOOKS_RESIDENT = re.compile(r"\d{14,18}[\dXx]?")
NOT_RESIDENT = "非居民身份证，请人工核对"


def check_digit(first17: str) -> str:
    return _CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def _birth_date(digits: str) -> dt.date | None:
    try:
        return dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def check_id_number(value: str, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    if not _LOOKS_RESIDENT.fullmatch(value):
        return [warning("id.not_resident", f"「{value}」不是 18 位居民身份证号（{NOT_RESIDENT}）；"
                        "如为护照、港澳台通行证等证件可保留，如为身份证请改正")]
    if len(value) == 15 and value.isdigit():
        return [error("id.length", "这是 15 位旧身份证号，请填写 18 位居民身份证号")]
    if len(value) != 18:
        return [error("id.length",
                      f"居民身份证号应为 18 位，实际为 {len(value)} 位，请核对是否多打或漏打了数字")]
    problems: list[Problem] = []
    if value[0] == "9":
        return [warning("id.not_resident", f"以 9 开头的号码是外国人永久居留身份证（{NOT_RESIDENT}）")]
    if value[:2] not in _PROVINCES:
        problems.append(error("id.region",
                              f"前两位「{value[:2]}」不是有效的省级行政区划代码，请核对证件号码"))
    born = _birth_date(value[6:14])
    if born is None:
        problems.append(error("id.birth_date",
                              f"第 7–14 位的出生日期「{value[6:14]}」不是真实的日期，请核对证件号码"))
    elif born > today:
        problems.append(error("id.birth_date", f"出生日期 {born.isoformat()} 晚于今天，请核对证件号码"))
    elif born.year < 1900:
        problems.append(error("id.birth_date", f"出生日期 {born.isoformat()} 早于 1900 年，请核对证件号码"))
    expected = check_digit(value[:17])
    if value[17].upper() != expected:
        problems.append(error(
            "id.check_digit",
            f"校验位（最后一位）应为「{expected}」，实际为「{value[17]}」；号码中有数字填错，请对照证件核对",
        ))
    elif value[17] == "x":
        problems.append(warning("id.lower_x", "最后一位的 x 请写成大写 X"))
    return problems
