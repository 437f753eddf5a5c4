"""The one way spreadsheets are laid out and read back: a bold header row that stays in view, a filter on every
column, then the rows; and columns found again by their header text, however an office has retyped it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any


def fill_table(sheet: Any, headers: list[str], rows: Iterable[list[Any]]) -> None:
    """Write the header and the rows into an openpyxl sheet, then style the header and add the filter row."""
    from openpyxl.styles import Font

    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def header_text(value: object) -> str:
    """A header cell as it was meant: no spaces of any width, a half-width slash, no asterisk marking it required."""
    return re.sub(r"\s+", "", str(value or "")).replace("／", "/").replace("＊", "").replace("*", "")


def header_columns(cells: Iterable[object], wanted: Mapping[str, str]) -> dict[str, int]:
    """key -> the 0-based column of its header text among a header row's cells (the first occurrence), for each
    wanted header that is there; both sides are compared as `header_text` cleans them. Spreadsheets and the web
    tables of both UI families find their columns this one way."""
    first: dict[str, int] = {}
    for index, cell in enumerate(cells):
        first.setdefault(header_text(cell), index)
    return {key: first[text] for key, header in wanted.items() if (text := header_text(header)) in first}
