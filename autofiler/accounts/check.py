"""Checking a filled Appendix-1 sheet: shape, cell types, required values, formats, duplicates, passwords."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from autofiler import redact
from autofiler.accounts.cell_rules import check_value
from autofiler.accounts.columns import DIGIT_COLUMNS, HEADERS, REQUIRED
from autofiler.accounts.pinyin import default_password
from autofiler.accounts.sheet_findings import ERROR, WARNING, SheetFinding
from autofiler.accounts.sheet_reading import Row, Sheet, data_sheet, open_workbook, read_sheet

# columns in which the same value twice means the same person applied twice
UNIQUE = {"证件号码": str.upper, "移动电话": str, "邮箱": str.lower}


@dataclass(frozen=True)
class Account:
    row: int
    name: str
    password: str | None  # None when the name gives no initials for a default
    password_is_default: bool

    def to_dict(self) -> dict[str, object]:
        return {"row": self.row, "name": self.name, "password": self.password,
                "password_is_default": self.password_is_default}


@dataclass
class SheetCheck:
    sheet: str
    findings: list[SheetFinding] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    def row_findings(self, row: int) -> list[SheetFinding]:
        return [f for f in self.findings if f.row == row]

    def to_json(self) -> dict[str, object]:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "accounts": [a.to_dict() for a in self.accounts],
        }


def _numeric_message(column: str, value: object) -> str:
    shown = f"{float(value):.5E}" if isinstance(value, int | float) else str(value)
    if column == "证件号码":
        return (f"证件号码是数字格式（Excel 显示为 {shown}）：超过 15 位的数字已丢失，末位 X 也无法保存；"
                "请先把该单元格设为文本格式，再重新输入完整号码")
    if column == "移动电话":
        return "移动电话是数字格式，应为文本：请先把该单元格设为文本格式，再重新输入号码"
    if column == "固定电话":
        return ("固定电话是数字格式：区号开头的 0 已丢失，也写不了横线；请先把该单元格设为文本格式，"
                "再按 010-12345678 的格式重新输入")
    return f"{column}是数字格式：开头的 0 会丢失；请先把该单元格设为文本格式，再重新输入 6 位邮编"


def _check_row(row: Row, seen: dict[str, dict[str, int]]) -> list[SheetFinding]:
    found: list[SheetFinding] = []

    def add(column: str, severity: str, rule: str, message: str) -> None:
        found.append(SheetFinding(row.number, column, severity, rule, message))

    for column, value in row.values.items():
        raw = row.raw[column]
        if column in row.numeric and column in DIGIT_COLUMNS:
            add(column, ERROR, "cell.numeric", _numeric_message(column, raw))
            continue
        if not value:
            if column in REQUIRED:
                add(column, ERROR, "required", f"「{column}」为必填项，请填写")
            continue
        if isinstance(raw, str) and raw != raw.strip():
            where = "，空格也会成为密码的一部分" if column == "密码" else ""
            add(column, WARNING, "cell.whitespace", f"「{column}」前后有多余的空格{where}，请删除")
        for problem in check_value(column, value):
            add(column, problem.severity, problem.rule, problem.message)
        if column in UNIQUE:
            key = UNIQUE[column](value)
            first = seen.setdefault(column, {}).setdefault(key, row.number)
            if first != row.number:
                add(column, ERROR, "duplicate",
                    f"{column}「{value}」与第 {first} 行重复：同一人只需申请一次，不同的人请核对后改正")
    return found


def _account(row: Row) -> Account:
    name = row.values.get("姓名", "")
    typed = row.values.get("密码", "")
    default = default_password(name)
    if typed and typed != default:
        redact.register(typed)
        return Account(row.number, name, typed, False)
    # a returned --fill copy holds the default in the 密码 column: it is still the default
    return Account(row.number, name, default, True)


def check_worksheet(ws: Worksheet) -> SheetCheck:
    return check_sheet(read_sheet(ws))


def check_sheet(sheet: Sheet) -> SheetCheck:
    result = SheetCheck(sheet.title, list(sheet.findings))
    if not sheet.rows:
        result.findings.append(SheetFinding(None, None, ERROR, "sheet.empty",
                                       "表中没有申请人：请从第 2 行开始，每行填写一位申请人"))
    seen: dict[str, dict[str, int]] = {}
    for row in sheet.rows:
        result.findings += _check_row(row, seen)
        result.accounts.append(_account(row))
    order = {name: i for i, name in enumerate(HEADERS)}
    result.findings = [_with_letter(f, sheet) for f in result.findings]
    result.findings.sort(key=lambda f: (f.row or 0, order.get(f.column or "", len(order))))
    return result


def _with_letter(finding: SheetFinding, sheet: Sheet) -> SheetFinding:
    """The Excel column letter of the finding's column: where the file has it, else where the template does."""
    if finding.column is None or finding.column_letter:
        return finding
    index = sheet.columns.get(finding.column) or (HEADERS.index(finding.column) + 1
                                                  if finding.column in HEADERS else 0)
    return replace(finding, column_letter=get_column_letter(index)) if index else finding


def check_file(path: Path) -> SheetCheck:
    return check_worksheet(data_sheet(open_workbook(path)))
