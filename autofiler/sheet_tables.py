"""One way every report spreadsheet is laid out: a bold header row that stays in view, a filter on every column,
then the rows."""

from __future__ import annotations

from collections.abc import Iterable
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
