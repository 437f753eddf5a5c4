"""Helpers for the account tests: valid applicants, and sheets filled in the way an office fills them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from autofiler.accounts.columns import HEADERS
from autofiler.accounts.template import build_template


def resident_id(first17: str) -> str:
    """A resident ID with its ISO 7064 MOD 11-2 check digit, computed in the standard's recursive form
    (independent of the weighted-sum form the product uses)."""
    p = 0
    for ch in first17:
        p = ((p + int(ch)) * 2) % 11
    check = (12 - p) % 11
    return first17 + ("X" if check == 10 else str(check))


def applicant(n: int = 0, **changes: object) -> dict[str, object]:
    """A fully valid row; n makes the ID, phone and e-mail unique."""
    row: dict[str, object] = {
        "姓名": "张三",
        "证件号码": resident_id(f"110105198001{(n % 28) + 1:02d}{n:03d}"),
        "院系/科室": "心内科",
        "职务": "主任医师",
        "性别": "男",
        "固定电话": "010-12345678",
        "移动电话": f"139{n:08d}",  # 138000000xx are the mock's demo accounts
        "邮箱": f"pi{n}@example.com",
        "邮编": "100034",
        "地址": "北京市西城区西什库大街8号",
        "研究领域": "心血管病学;老年医学",
        "密码": "",
        "工作经历": "2005-04+2010-03+A医院外科+主治医师||2010-04+2020-12+B医院心内科+副主任医师",
        "教育背景": "1995-09+2000-07+北京大学医学部+临床医学+本科+学士"
        "||2000-09+2005-07+北京大学医学部+内科学+博士研究生+博士",
    }
    row.update(changes)
    return row


def write_sheet(path: Path, rows: list[dict[str, object]], *, start_row: int = 2,
                change: Callable[[Worksheet], object] | None = None) -> Path:
    """The template (built in memory, as `accounts template` builds it) with each row typed into its cells by
    header, then `change` applied to the data sheet, saved once."""
    book = build_template()
    ws = book.worksheets[0]
    fill_rows(ws, rows, start_row)
    if change:
        change(ws)
    book.save(path)
    return path


def fill_rows(ws: Worksheet, rows: list[dict[str, object]], start_row: int = 2) -> None:
    for i, row in enumerate(rows):
        for c, name in enumerate(HEADERS, 1):
            value = row.get(name)
            ws.cell(start_row + i, c).value = value if value != "" else None
