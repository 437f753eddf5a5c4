"""`autofiler reconcile LEDGER.xlsx`: which ledger projects are filed, missing, overdue, or not yet visible."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_OK


def run(args: Any) -> int:
    from autofiler import config
    from autofiler.office import reconcile_report
    from autofiler.office.desk import reconcile_ledger

    reconcile_report.check_output(args.format, args.out)
    settings = config.resolve(args)
    result = reconcile_ledger(settings, Path(args.ledger), overdue_days=args.overdue_days)
    reconcile_report.emit(result, args.format, args.out)
    if result.gaps and args.exit_code_on_gap is not None:
        return int(args.exit_code_on_gap)
    return EXIT_OK
