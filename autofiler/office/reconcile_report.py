"""The reconciliation as a table on the terminal, or as JSON, CSV (Excel-ready) and XLSX for the office."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from autofiler.errors import ConfigError
from autofiler.office.reconciliation import LABELS, Reconciliation

FORMATS = ("table", "json", "csv", "xlsx", "html")
COLUMNS = [("row", "台账行"), ("project_name", "项目名称"), ("role", "本院角色"), ("finding", "结论代码"),
           ("finding_label", "结论"), ("site_project_id", "网站项目编号"), ("status", "网站状态"),
           ("filing_no", "备案号")]
EXTRA_COLUMNS = [("site_project_id", "网站项目编号"), ("project_name", "项目名称"), ("status", "网站状态")]


def check_output(fmt: str, out: str | None) -> None:
    if fmt not in FORMATS:
        raise ConfigError(f"未知格式 {fmt} / unknown format {fmt}", hint=f"one of {', '.join(FORMATS)}")
    if fmt == "xlsx" and not out:
        raise ConfigError("xlsx 需要 --out 文件名 / xlsx needs --out FILE")


def _rows(result: Reconciliation) -> list[dict[str, Any]]:
    out = []
    for r in result.to_dict()["rows"]:
        r["finding_label"] = LABELS[r["finding"]]
        if r.get("candidates"):
            r["status"] = "；".join(f"{c['site_project_id']} {c['project_name']}" for c in r["candidates"])
        out.append(r)
    return out


def emit(result: Reconciliation, fmt: str, out: str | None, stdout: TextIO | None = None) -> None:
    stdout = stdout or sys.stdout
    if fmt == "xlsx":
        _xlsx(result, Path(out or ""))
        return
    if out:
        # utf-8-sig: Excel on Chinese Windows reads the file as UTF-8 only with the mark
        with open(out, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as fh:
            _text(result, fmt, fh)
        return
    if fmt == "csv":
        from autofiler.tracking.progress_output import write_excel_text

        buffer = io.StringIO()
        _text(result, fmt, buffer)
        write_excel_text(stdout, buffer.getvalue())
        return
    _text(result, fmt, stdout)


def _text(result: Reconciliation, fmt: str, stream: TextIO) -> None:
    if fmt == "json":
        stream.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "html":
        import datetime as dt

        from autofiler.office.status_pages import reconcile_html

        stream.write(reconcile_html(result, dt.datetime.now().strftime("%Y-%m-%d %H:%M")))
    elif fmt == "csv":
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([h for _, h in COLUMNS])
        for r in _rows(result):
            writer.writerow(["" if r.get(k) is None else r.get(k) for k, _ in COLUMNS])
        for p in result.to_dict()["not_in_ledger"]:
            writer.writerow(["", p["project_name"], "", "not_in_ledger", "台账中没有", p["site_project_id"],
                             p["status"], ""])
    else:
        _table(result, stream)


def _table(result: Reconciliation, stream: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, width=max(80, Console(file=stream).width), highlight=False)
    table = Table(title="台账核对 / ledger reconciliation", show_lines=False)
    for header in ("行", "项目名称", "角色", "结论", "状态", "备案号"):
        table.add_column(header, overflow="fold", ratio=4 if header == "项目名称" else None)
    for r in _rows(result):
        table.add_row(str(r["row"]), r["project_name"], r["role"], r["finding_label"], r["status"] or "",
                      r["filing_no"] or "")
    console.print(table)
    counts = "，".join(f"{LABELS[k]} {n}" for k, n in result.counts().items() if n)
    console.print(f"合计 / total: {counts or '无'}；网站上有而台账中没有 / on the site, not in the ledger: "
                  f"{len(result.not_in_ledger)}")
    for p in result.not_in_ledger:
        console.print(f"  {p.id}  {p.project_name}  {p.status_label}")


def _xlsx(result: Reconciliation, path: Path) -> None:
    from openpyxl import Workbook

    from autofiler.sheet_tables import fill_table

    wb = Workbook()
    ws = wb.active
    ws.title = "核对结果"
    fill_table(ws, [h for _, h in COLUMNS], ([r.get(k) for k, _ in COLUMNS] for r in _rows(result)))
    fill_table(wb.create_sheet("台账中没有"), [h for _, h in EXTRA_COLUMNS],
               ([p[k] for k, _ in EXTRA_COLUMNS] for p in result.to_dict()["not_in_ledger"]))
    ws.column_dimensions["B"].width = 48
    wb.save(path)
