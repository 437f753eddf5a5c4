"""工作经历 and 教育背景: items joined by ||, each item's parts joined by +, months written YYYY-MM."""

from __future__ import annotations

import re

from autofiler.accounts.columns import DEGREES, EDUCATION_LEVELS, NO_DEGREE, NO_DEGREE_LEVELS
from autofiler.accounts.sheet_findings import Problem, error

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_MONTH_LOOSE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?")
WORK_PARTS = ("开始年月", "结束年月", "工作单位", "工作描述")
EDUCATION_PARTS = ("开始年月", "结束年月", "毕业学校", "专业", "学历", "学位")


def _month(text: str, part: str, where: str) -> tuple[list[Problem], tuple[int, int] | None]:
    match = _MONTH.fullmatch(text)
    if match and 1 <= int(match[2]) <= 12 and int(match[1]) >= 1900:
        return [], (int(match[1]), int(match[2]))
    loose = _MONTH_LOOSE.fullmatch(text)
    if loose and 1 <= int(loose[2]) <= 12:
        hint = f"应写作「{loose[1]}-{int(loose[2]):02d}」"
    else:
        hint = "应写作 YYYY-MM，如 2005-04"
    return [error("history.month", f"{where}的{part}「{text}」不是有效的年月，{hint}")], None


def _items(value: str, parts: tuple[str, ...], rule: str) -> list[tuple[str, list[str], list[Problem]]]:
    """Split into items and their parts; an item with the wrong number of parts gets an error and no parts."""
    out: list[tuple[str, list[str], list[Problem]]] = []
    chunks = value.split("||")
    for i, chunk in enumerate(chunks, 1):
        where = f"第 {i} 段" if len(chunks) > 1 else "该段"
        chunk = chunk.strip()
        if not chunk:
            out.append((where, [], [error(rule, f"{where}为空：|| 只用于连接两段，前后不能留空")]))
            continue
        pieces = [p.strip() for p in chunk.split("+")]
        if len(pieces) != len(parts):
            shape = "+".join(parts)
            extra = "；各项中不能再出现 + 号" if len(pieces) > len(parts) else ""
            if any(mark in chunk for mark in ("|", ";", "；")):
                extra += "；多段之间请用两个英文竖线 || 连接"
            out.append((where, [], [error(
                rule, f"{where}「{chunk}」有 {len(pieces)} 项，应为 {len(parts)} 项（{shape}）{extra}",
            )]))
            continue
        problems = [
            error(rule, f"{where}的{name}为空")
            for name, piece in zip(parts, pieces, strict=True)
            if not piece
        ]
        out.append((where, pieces, problems))
    return out


def _full_width(value: str) -> list[Problem]:
    found = [ch for ch in ("＋", "｜") if ch in value]
    if not found:
        return []
    shown = "、".join(f"「{ch}」" for ch in found)
    return [error("history.full_width", f"含全角字符{shown}，请改为英文的 + 和 ||")]


def _dates(where: str, start: str, end: str) -> list[Problem]:
    problems, first = _month(start, "开始年月", where)
    more, last = _month(end, "结束年月", where)
    problems += more
    if first and last and last < first:
        problems.append(error("history.order", f"{where}的结束年月 {end} 早于开始年月 {start}"))
    return problems


def check_work(value: str) -> list[Problem]:
    problems = _full_width(value)
    for where, pieces, found in _items(value, WORK_PARTS, "work.format"):
        problems += found
        if pieces and not found:
            problems += _dates(where, pieces[0], pieces[1])
    return problems


def check_education(value: str) -> list[Problem]:
    problems = _full_width(value)
    for where, pieces, found in _items(value, EDUCATION_PARTS, "education.format"):
        problems += found
        if not pieces or found:
            continue
        problems += _dates(where, pieces[0], pieces[1])
        level, degree = pieces[4], pieces[5]
        if level not in EDUCATION_LEVELS:
            problems.append(error(
                "education.level",
                f"{where}的学历「{level}」不在可选范围内，应为 {'、'.join(EDUCATION_LEVELS)} 之一",
            ))
        if level in NO_DEGREE_LEVELS:
            if degree != NO_DEGREE:
                problems.append(error(
                    "education.degree", f"{where}的学历为{level}，没有学位，学位应写「{NO_DEGREE}」",
                ))
        elif degree not in DEGREES:
            problems.append(error(
                "education.degree",
                f"{where}的学位「{degree}」不在可选范围内，应为 {'、'.join(DEGREES)} 之一"
                f"（只有{'、'.join(NO_DEGREE_LEVELS)}的学位写「{NO_DEGREE}」）",
            ))
    return problems
