"""A finding: one thing wrong (or worth knowing) about a spec, with where it is and a message a PI understands."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"
NOTE = "note"
SEVERITIES = (ERROR, WARNING, NOTE)


@dataclass(frozen=True, slots=True)
class Finding:
    file: str
    line: int  # 1-based; 0 when the finding is about the file as a whole
    col: int
    severity: str
    rule: str
    path: str  # dotted path such as implementation.participating_units[1].unit_pi_phone ("" for the file)
    label: str  # the Chinese label of that path ("" for the file)
    message: str

    def format(self) -> str:
        """The compiler-style line: `file:line:col: severity [rule] path label: message`."""
        where = f"{self.file}:{self.line}:{self.col}" if self.line > 0 else self.file
        subject = " ".join(part for part in (self.path, self.label) if part)
        subject = f" {subject}" if subject else ""
        return f"{where}: {self.severity} [{self.rule}]{subject}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def sort_key(f: Finding) -> tuple[str, int, int, str]:
    return (f.file, f.line, f.col, f.path)
