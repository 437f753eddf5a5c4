"""Value types of spec fields: text, paragraphs, dates, numbers, phones, e-mails, option lists.

Each check raises a pydantic error whose type is the finding's rule id (`phone`, `max-length`, ...), so that
translating pydantic's errors into findings needs no guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, NoReturn

from pydantic import AfterValidator, BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
# 010 and 02x are three-digit area codes followed by 8 digits; the other codes (0xxx) by 7 or 8 digits.
LANDLINE = re.compile(r"(?:0(?:10|2\d)-?\d{8}|0[3-9]\d{2}-?\d{7,8})(?:-\d{1,6})?", re.ASCII)
ICD10 = re.compile(r"[A-Z]\d{2}(\.[0-9A-Za-z]{1,8})?", re.ASCII)  # one code: C34.9
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DIGITS = re.compile(r"[+-]?\d+", re.ASCII)
# A browser input drops or mangles these; a textarea keeps line breaks and tabs.
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_PARA = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def fail(rule: str, **ctx: Any) -> NoReturn:
    raise PydanticCustomError(rule, rule, ctx)


def _to_text(v: Any) -> str:
    # An unquoted phone number or project number reaches us as an int; take it as the digits written.
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    if isinstance(v, str):
        return v
    fail("type", expected="text")


def _line(v: str) -> str:
    if _CONTROL_LINE.search(v):
        fail("control-char", multiline=False)
    return v


def _para(v: str) -> str:
    v = v.replace("\r\n", "\n")
    if _CONTROL_PARA.search(v):
        fail("control-char", multiline=True)
    return v


def browser_length(text: str) -> int:
    """Length as an HTML maxlength counts it: UTF-16 code units (an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class MaxChars:
    """A text limit that counts like the site's input does, and shows as maxLength in the JSON Schema."""

    n: int

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> Any:
        js = handler(schema)
        js["maxLength"] = self.n
        return js

    def _check(self, v: str) -> str:
        n = browser_length(v)
        if n > self.n:
            fail("max-length", max=self.n, actual=n)
        return v


def _phone(v: str) -> str:
    if not (MOBILE.fullmatch(v) or LANDLINE.fullmatch(v)):
        fail("phone", value=v)
    return v


def _email(v: str) -> str:
    if not EMAIL.fullmatch(v):
        fail("email", value=v)
    return v


def _icd10(v: str) -> str:
    if not ICD10.fullmatch(v):
        fail("icd10", value=v)
    return v


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


def _to_date(v: Any) -> dt.date:
    d = parse_date(v)
    if d is not None:
        return d
    if isinstance(v, (str, dt.datetime)):
        fail("date-format", value=str(v)[:40])
    fail("type", expected="date")


def _not_future(d: dt.date) -> dt.date:
    if d > dt.date.today():
        fail("future-date", value=d.isoformat())
    return d


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


def _to_int(v: Any) -> int:
    n = as_int(v)
    if n is None:
        fail("type", expected="number")
    return n


def _as_list(v: Any) -> Any:
    # `research_fields: 肾脏病学` means a list of one.
    return [v] if isinstance(v, str) else v


def _unique(v: list[Any]) -> list[Any]:
    seen = set()
    for item in v:
        if item in seen:
            fail("duplicate-option", value=item)
        seen.add(item)
    return v


_text = BeforeValidator(_to_text)
Text = Annotated[str, _text, AfterValidator(_line)]
Text50 = Annotated[str, _text, AfterValidator(_line), MaxChars(50)]
Text100 = Annotated[str, _text, AfterValidator(_line), MaxChars(100)]
Text200 = Annotated[str, _text, AfterValidator(_line), MaxChars(200)]
Para = Annotated[str, _text, AfterValidator(_para)]
Para2000 = Annotated[str, _text, AfterValidator(_para), MaxChars(2000)]
Para4000 = Annotated[str, _text, AfterValidator(_para), MaxChars(4000)]
Phone = Annotated[str, _text, AfterValidator(_phone)]
Email = Annotated[str, _text, AfterValidator(_email)]
IcdCode = Annotated[str, _text, AfterValidator(_icd10)]
Day = Annotated[dt.date, BeforeValidator(_to_date)]
PastDay = Annotated[dt.date, BeforeValidator(_to_date), AfterValidator(_not_future)]
Count = Annotated[int, BeforeValidator(_to_int)]
FilePath = Annotated[str, _text, AfterValidator(_line)]
AS_LIST = BeforeValidator(_as_list)
UNIQUE = AfterValidator(_unique)
