"""Formats and readings of spec values shared by the checks: phones, e-mails, ICD-10 codes, dates, whole numbers,
and text length as the site's inputs count it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
# 010 and 02x are three-digit area codes followed by 8 digits; the other codes (0xxx) by 7 or 8 digits.
LANDLINE = re.compile(r"(?:0(?:10|2\d)-?\d{8}|0[3-9]\d{2}-?\d{7,8})(?:-\d{1,6})?", re.ASCII)
ICD10 = re.compile(r"[A-Z]\d{2}(\.[0-9A-Za-z]{1,8})?", re.ASCII)  # one code: C34.9
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DIGITS = re.compile(r"[+-]?\d+", re.ASCII)


def browser_length(text: str) -> int:
    """Length as an HTML maxlength counts it: UTF-16 code units (an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def parse_date(v: Any) -> dt.date | None:
    """A YAML date or a YYYY-MM-DD string as a date; None for anything else."""
    if isinstance(v, dt.datetime):
        return None
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and _DATE.fullmatch(v.strip()):
        try:
            return dt.date.fromisoformat(v.strip())
        except ValueError:
            return None
    return None


def as_int(v: Any) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str) and _DIGITS.fullmatch(v.strip()):
        return int(v.strip())
    return None
