"""`autofiler ledger template OUT.xlsx`: the office's ledger of ethics-approved projects, with its guide sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_OK, ConfigError


def run(args: Any) -> int:
    from autofiler.office.ledger_sheet import write_template

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise ConfigError(f"{out}: 台账模板是 .xlsx 文件 / the ledger template is an .xlsx file")
    if out.exists() and not args.force:
        raise ConfigError(f"{out} 已存在，未覆盖 / {out} exists and was not overwritten", hint="add --force")
    write_template(out)
    print(f"已写入台账模板 {out} / wrote the ledger template {out}")
    return EXIT_OK
