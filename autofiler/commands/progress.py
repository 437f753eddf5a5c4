"""`autofiler progress`: one check of review progress (备案进度), printed or exported."""

from __future__ import annotations

import sys
from typing import Any

from autofiler.errors import EXIT_OK


def run(args: Any) -> int:
    from autofiler import config
    from autofiler.tracking import progress_check, progress_output

    settings = config.resolve(args)
    settings.require_user()
    request = progress_check.Request.from_args(args)
    progress_output.check_output(args.format, args.out)
    result = progress_check.check(settings, request, send=not args.no_notify)
    progress_output.emit(result, args.format, args.out)
    for line in result.notify_errors:
        print(f"autofiler: {line}", file=sys.stderr)
    return exit_code(args, bool(result.changes))


def exit_code(args: Any, changed: bool) -> int:
    if changed and args.exit_code_on_change is not None:
        return int(args.exit_code_on_change)
    return EXIT_OK
