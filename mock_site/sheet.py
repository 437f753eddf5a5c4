"""账号管理: the Appendix-1 account sheet (xlsx), checked row by row; good rows become PI accounts."""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from mock_site import formats
from mock_site.api_errors import Invalid
from mock_site.served_catalog import ACCOUNT_TEMPLATE

if TYPE_CHECKING:
    from mock_site.db import Registry

COLUMNS: list[str] = ACCOUNT_TEMPLATE["columns"]
REQUIRED: list[str] = ACCOUNT_TEMPLATE["required"]
# surnames whose reading differs from the character's everyday one
COMPOUND_SURNAMES = {"欧阳": "oy", "司马": "sm", "诸葛": "zg", "长孙": "zs", "上官": "sg", "夏侯": "xh",
                     "尉迟": "yc", "东方": "df", "皇甫": "hf", "令狐": "lh", "慕容": "mr", "公孙": "gs",
                     "澹台": "tt", "端木": "dm", "司徒": "st", "宇文": "yw"}
SURNAMES = {"单": "s", "曾": "z", "解": "x", "仇": "q", "朴": "p", "区": "o", "查": "z", "覃": "q",
            "盖": "g", "缪": "m", "尉": "w", "翟": "z", "秘": "b", "繁": "p", "员": "y", "召": "s", "种": "c"}
SEXES = {"男", "女", "male", "female"}
EDUCATION = {"高中", "专科", "本科", "硕士研究生", "博士研究生"}
DEGREES = {"学士", "硕士", "博士"}
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
DEFAULT_SUFFIX = "_123456"


def initials(name: str) -> str:
    """Pinyin initials of a Chinese name, surname readings fixed (单 shan → s, 欧阳 → oy)."""
    from pypinyin import Style, lazy_pinyin  # imported on use: it is slow to load and only the sheet needs it

    name = name.strip()
    head, rest = "", name
    if name[:2] in COMPOUND_SURNAMES:
        head, rest = COMPOUND_SURNAMES[name[:2]], name[2:]
    elif name[:1] in SURNAMES:
        head, rest = SURNAMES[name[:1]], name[1:]
    letters = "".join(lazy_pinyin(rest, style=Style.FIRST_LETTER)) if rest else ""
    return re.sub(r"[^a-z0-9]", "", (head + letters).lower())


def default_password(name: str) -> str:
    return initials(name) + DEFAULT_SUFFIX


def _history(text: str, parts: int, what: str) -> str | None:
    for entry in text.split("||"):
        fields = entry.split("+")
        if len(fields) != parts or not all(f.strip() for f in fields):
            return f"{what}格式不正确"
        if not (MONTH.fullmatch(fields[0].strip()) and MONTH.fullmatch(fields[1].strip())):
            return f"{what}的起止年月应为 YYYY-MM"
        if fields[0].strip() > fields[1].strip():
            return f"{what}的结束年月早于开始年月"
        if parts == 6 and fields[4].strip() not in EDUCATION:
            return f"{what}的学历应为{'、'.join(sorted(EDUCATION))}之一"
        if parts == 6 and fields[5].strip() not in DEGREES:
            return f"{what}的学位应为{'、'.join(sorted(DEGREES))}之一"
    return None


def row_problems(cells: dict[str, Any]) -> list[str]:
    """Everything wrong with one row's cells (strings, or numbers where the sheet was typed wrong)."""
    out = [f"{col}应为文本格式" for col, v in cells.items() if isinstance(v, (int, float)) and not isinstance(v, bool)]
    text = {col: ("" if v is None else str(v).strip()) for col, v in cells.items()}
    out += [f"请填写{col}" for col in REQUIRED if not text[col]]
    checks = [
        ("证件号码", formats.is_id_number, "证件号码格式或校验位不正确"),
        ("移动电话", formats.is_mobile, "移动电话格式不正确"),
        ("邮箱", formats.is_email, "邮箱格式不正确"),
        ("性别", lambda v: v.lower() in SEXES, "性别应为男、女、male 或 female"),
        ("固定电话", lambda v: bool(formats.LANDLINE.fullmatch(v)), "固定电话格式不正确"),
        ("邮编", lambda v: bool(re.fullmatch(r"\d{6}", v)), "邮编应为6位数字"),
        ("密码", lambda v: len(v) >= 6, "密码至少6位"),
        ("研究领域", lambda v: "；" not in v and all(p.strip() for p in v.split(";")), "研究领域请用英文分号分隔"),
    ]
    out += [message for col, ok, message in checks if text[col] and not ok(text[col])]
    if text["工作经历"]:
        out += [m for m in [_history(text["工作经历"], 4, "工作经历")] if m]
    if text["教育背景"]:
        out += [m for m in [_history(text["教育背景"], 6, "教育背景")] if m]
    return out


def read_rows(data: bytes) -> list[tuple[int, dict[str, Any]]]:
    """(sheet row number, {column: cell}) for every non-empty row under the header; Invalid for a bad sheet."""
    from openpyxl import load_workbook  # imported on use, like pypinyin
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, TypeError):
        raise Invalid("无法读取文件，请上传 xlsx 格式的账号申请表") from None
    sheet = book.worksheets[0]
    if sheet.merged_cells.ranges:
        raise Invalid("表格中不能有合并单元格")
    rows = list(sheet.iter_rows(values_only=True))
    header = [("" if v is None else str(v).strip()) for v in (rows[0] if rows else [])]
    while header and header[-1] == "":
        header.pop()
    if header != COLUMNS:
        raise Invalid(f"表头与模板不一致，应为：{'、'.join(COLUMNS)}")
    out = []
    for number, values in enumerate(rows[1:], start=2):
        values = list(values[: len(COLUMNS)]) + [None] * (len(COLUMNS) - len(values))
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        if any(v not in (None, "") for v in rows[number - 1][len(COLUMNS):]):
            raise Invalid(f"第{number}行有模板之外的列")
        out.append((number, dict(zip(COLUMNS, values, strict=True))))
    return out


def import_accounts(registry: Registry, institution: str, data: bytes) -> list[dict[str, Any]]:
    """Check every row; create a PI account of `institution` for each good one. Answers [{row, name, ok, message}]."""
    results = []
    seen: dict[str, dict[str, int]] = {"证件号码": {}, "移动电话": {}, "邮箱": {}}
    for number, cells in read_rows(data):
        name = str(cells["姓名"] or "").strip()
        problems = row_problems(cells)
        for col, firsts in seen.items():
            value = str(cells[col] or "").strip().lower()
            if value and value in firsts:
                problems.append(f"{col}与第{firsts[value]}行重复")
            elif value:
                firsts[value] = number
        phone, email = str(cells["移动电话"] or "").strip(), str(cells["邮箱"] or "").strip()
        if phone and registry.user_by_phone(phone):
            problems.append(f"移动电话 {phone} 已注册")
        if email and registry.user_by_email(email):
            problems.append(f"邮箱 {email} 已注册")
        if problems:
            results.append({"row": number, "name": name, "ok": False, "message": "；".join(problems)})
            continue
        password = str(cells["密码"] or "").strip()
        profile = {col: str(cells[col]).strip() for col in COLUMNS
                   if col not in ("姓名", "移动电话", "邮箱", "密码") and cells[col] not in (None, "")}
        registry.create_user(phone, password or default_password(name), name, institution, "pi",
                             profile_complete=bool(password), email=email, profile=profile)
        results.append({"row": number, "name": name, "ok": True, "message": f"已创建账号 {phone}"})
    return results
