"""The check's output for people: findings one per line, a summary, and the default passwords.

A password the PI typed is never printed here (the office does not need it, and terminals get shared and
logged); --json carries it for programs.
"""

from __future__ import annotations

import unicodedata

from autofiler.accounts.check import SheetCheck
from autofiler.accounts.sheet_findings import SEVERITY_LABELS

REMINDER = "提醒：默认密码只用于首次登录，请通知申请人首次登录后立即修改密码。"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def render(result: SheetCheck, source: str) -> str:
    lines = [f"检查 {source}（工作表「{result.sheet}」，{len(result.accounts)} 位申请人）"]
    for f in result.findings:
        where = f"第 {f.row} 行" if f.row else "整个文件"
        column = f"{f.column_letter or ''}列「{f.column}」" if f.column else "—"
        lines.append(
            f"  {_pad(where, 10)}{_pad(column, 18)}{_pad(SEVERITY_LABELS[f.severity], 6)}"
            f"{_pad(f.rule, 28)}{f.message}"
        )
    verdict = "有错误，请改正后再上传" if result.errors else "未发现错误，可以上传"
    lines.append(f"合计：错误 {result.errors} 条，警告 {result.warnings} 条 —— {verdict}。")
    if result.accounts:
        lines += ["", "账号与初始密码（账号为移动电话）："]
        for a in result.accounts:
            if not a.password_is_default:
                shown = "（申请人自设密码，不在此显示）"
            elif a.password:
                shown = f"{a.password}（默认密码）"
            else:
                shown = "（姓名无法生成默认密码，请先改正姓名）"
            lines.append(f"  第 {a.row} 行  {_pad(a.name or '（无姓名）', 14)}{shown}")
        if any(a.password_is_default and a.password for a in result.accounts):
            lines += ["", REMINDER]
    return "\n".join(lines)
