"""Value formats the site checks: phones, e-mail, dates, ICD-10 codes, ID numbers, English text."""

from __future__ import annotations

import re
from datetime import date

MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
ICD10 = re.compile(r"[A-Z]\d{2}(\.[0-9A-Za-z]{1,8})?")
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def is_mobile(text: str) -> bool:
    return bool(MOBILE.fullmatch(text))


def is_phone(text: str) -> bool:
    """A mobile number or a landline with its area code (010-12345678)."""
    return bool(MOBILE.fullmatch(text) or LANDLINE.fullmatch(text))


def is_email(text: str) -> bool:
    return bool(EMAIL.fullmatch(text))


def is_icd10(text: str) -> bool:
    return bool(ICD10.fullmatch(text))


def is_date(text: str) -> bool:
    """A real calendar date written YYYY-MM-DD."""
    m = DATE.fullmatch(text)
    if not m:
        return False
    try:
        date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return False
    return True


def has_cjk(text: str) -> bool:
    return bool(CJK.search(text))


def id_check_digit(first17: str) -> str:
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def is_id_number(text: str) -> bool:
    """An 18-character resident ID (GB 11643): digits, a real birth date and the right check character."""
    text = text.upper()
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return False
    birth = f"{text[6:10]}-{text[10:12]}-{text[12:14]}"
    return is_date(birth) and id_check_digit(text[:17]) == text[17]


def timestamp() -> str:
    """Now, as the site writes times: YYYY-MM-DD HH:MM:SS (local time)."""
    from datetime import datetime

    return datetime.now().strftime("%Y-%m-%d %H:%M:%S")
