"""What a check reports: one finding per problem, tied to an Excel row and a column header."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "警告"}


@dataclass(frozen=True)
class SheetFinding:
    row: int | None  # the Excel row number (1 is the header); None for the file as a whole
    column: str | None  # the template's column header the finding is about
    severity: str
    rule: str
    message: str
    column_letter: str | None = None  # where the column stands in the file (the template's place if missing)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    """A finding about one cell's value, before the row and column are known."""

    severity: str
    rule: str
    message: str


def error(rule: str, message: str) -> Problem:
    return Problem(ERROR, rule, message)


def warning(rule: str, message: str) -> Problem:
    return Problem(WARNING, rule, message)
