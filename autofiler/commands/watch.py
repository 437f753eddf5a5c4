"""`autofiler watch`: the progress check again and again, at a fixed interval, until Ctrl-C or --times."""

from __future__ import annotations

import datetime as dt
import re
import sys
import threading
from typing import Any

from autofiler.errors import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    AutofilerError,
    ConfigError,
    CredentialError,
    SpecError,
)

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """`90s`, `30m`, `6h`, `1d` (a bare number is seconds) -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "")
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"--every {text!r}: 请写成 30m、6h、1d 这样的间隔 / use an interval such as 30m, 6h, 1d")
    return float(m.group(1)) * UNITS[m.group(2) or "s"]


def run(args: Any) -> int:
    from autofiler import config, progress, report
    from autofiler.commands.progress import exit_code

    seconds = parse_interval(args.every)
    if args.times < 0:
        raise ConfigError("--times 不能为负数 / --times cannot be negative")
    settings = config.resolve(args)
    settings.require_user()
    request = progress.Request.from_args(args)
    report.check_output(args.format, args.out)
    pause = threading.Event()
    changed = failed = False
    n = 0
    try:
        while True:
            n += 1
            stamp = dt.datetime.now().isoformat(timespec="seconds")
            print(f"== 第 {n} 次检查 / check {n} · {stamp}", file=sys.stderr, flush=True)
            try:
                result = progress.check(settings, request, send=not args.no_notify)
            except (ConfigError, CredentialError, SpecError):
                raise  # the next check would fail the same way
            except AutofilerError as e:
                # the site may be down or busy now and fine at the next check
                failed = True
                print(f"autofiler: {e.message}", file=sys.stderr, flush=True)
            else:
                failed = False
                report.emit(result, args.format, args.out, one_line=True)
                changed = changed or bool(result.changes)
                for line in result.notify_errors:
                    print(f"autofiler: {line}", file=sys.stderr)
            sys.stdout.flush()
            if args.times and n >= args.times:
                break
            pause.wait(seconds)
    except KeyboardInterrupt:
        print("autofiler: 已停止监视 / watch stopped", file=sys.stderr)
        return EXIT_INTERRUPTED
    if failed:
        return EXIT_ERROR
    return exit_code(args, changed)
