"""`submit --json` and `plan --json`: one JSON object on stdout when the run ends, however it ends, so that a script
(an office's scheduler, a CI job) reads the outcome instead of the console text, which then goes to stderr.

    {"command": "submit", "spec": "project.yaml", "project_id": "1234", "created": true,
     "modules": [{"key": "basic_info", "tab": "基本信息", "state": "verified", "seconds": 3.2, "diffs": []}, ...],
     "saved": ["基本信息", ...], "submit": "done", "pending": null, "exit_code": 0, "error": null}

`submit` is "not", "clicked" (its answer was not seen) or "done"; `pending` is plan's "submit would change
something" (null for submit); `error` is {"message", "hint"} when the run ended on an error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from autofiler import redact
from autofiler.errors import EXIT_CRASH, EXIT_INTERRUPTED, AutofilerError
from autofiler.site.filing_display import FilingDisplay


def display(verbosity: int, as_json: bool) -> FilingDisplay:
    """The run's display: on stderr, without a status line, when stdout is for the JSON record."""
    return FilingDisplay(verbosity, sys.stderr, live=False) if as_json else FilingDisplay(verbosity)


def record(command: str, spec: str, reporter: FilingDisplay, code: int, error: BaseException | None) -> dict:
    run = reporter.run
    failed = None
    if isinstance(error, AutofilerError):
        failed = {"message": error.message, "hint": error.hint}
    elif error is not None:
        failed = {"message": type(error).__name__, "hint": None}
    return {
        "command": command, "spec": spec, "project_id": run.project_id, "created": run.created,
        "modules": [{"key": o.module, "tab": o.tab, "state": o.state, "seconds": round(o.seconds, 1),
                     "notes": o.notes,
                     "diffs": [{"label": d.label, "spec": d.want, "site": d.have} for d in o.diffs]}
                    for o in reporter.outcomes],
        "saved": reporter.saved_tabs, "submit": run.submit, "pending": run.pending,
        "exit_code": code, "error": failed,
    }


def recorded(command: str, spec: str, reporter: FilingDisplay, as_json: bool, work: Callable[[], int]) -> int:
    """Run `work`; with `as_json`, print the run's record once it has ended (its error still propagates)."""
    if not as_json:
        return work()
    try:
        code = work()
    except AutofilerError as e:
        _emit(record(command, spec, reporter, e.exit_code, e))
        raise
    except KeyboardInterrupt as e:
        _emit(record(command, spec, reporter, EXIT_INTERRUPTED, e))
        raise
    except Exception as e:
        _emit(record(command, spec, reporter, EXIT_CRASH, e))
        raise
    _emit(record(command, spec, reporter, code, None))
    return code


def _emit(data: dict[str, Any]) -> None:
    print(redact.scrub(json.dumps(data, ensure_ascii=False, default=str)), flush=True)
