"""`autofiler watch`: the progress check again and again, at a fixed interval, until Ctrl-C or --times.

A check that fails (the site does not answer, or answers an error) is recorded and the watch goes on: the next
try comes sooner than the interval and then ever later (1 min, 2, 4, ... up to the interval), and after
`notify_after_failures` failed checks in a row (config file, default 3) the notify targets are told once.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import sys
import threading
from typing import Any

from autofiler.errors import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_SITE_DOWN,
    AutofilerError,
    ConfigError,
    CredentialError,
    SiteUnreachable,
    SpecError,
)

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RETRY_FIRST_S = 60.0  # the first retry after a failed check; each further failure doubles it


def parse_interval(text: str) -> float:
    """`90s`, `30m`, `6h`, `1d` (a bare number is seconds) -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "")
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"--every {text!r}: 请写成 30m、6h、1d 这样的间隔 / use an interval such as 30m, 6h, 1d")
    return float(m.group(1)) * UNITS[m.group(2) or "s"]


def next_wait(every: float, failures: int) -> float:
    """Seconds until the next check: the interval, or after `failures` failed checks in a row a wait that
    doubles from RETRY_FIRST_S and never exceeds the interval."""
    if failures <= 0:
        return every
    return min(every, RETRY_FIRST_S * 2 ** min(failures - 1, 30))


def _shown(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:g}{unit}"
    return f"{seconds:g}s"


class Pause:
    """The wait between checks, ended at once by Ctrl-C. During a check Ctrl-C stays KeyboardInterrupt; during
    the wait the handler only wakes the wait, so the stop never depends on a signal reaching a blocked lock."""

    def __init__(self) -> None:
        self.woken = threading.Event()
        self.waiting = False
        self.stopped = False

    def handler(self, signum: int, frame: Any) -> None:
        if not self.waiting:
            raise KeyboardInterrupt
        self.stopped = True
        self.woken.set()

    def wait(self, seconds: float) -> None:
        self.waiting = True
        try:
            self.woken.wait(seconds)
        finally:
            self.waiting = False
        if self.stopped:
            raise KeyboardInterrupt


def run(args: Any) -> int:
    from autofiler import config
    from autofiler.commands.progress import exit_code
    from autofiler.tracking import progress_check, progress_output

    seconds = parse_interval(args.every)
    if args.times < 0:
        raise ConfigError("--times 不能为负数 / --times cannot be negative")
    settings = config.resolve(args)
    settings.require_user()
    request = progress_check.Request.from_args(args)
    progress_output.check_output(args.format, args.out)
    pause = Pause()
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, pause.handler) if main_thread else None
    changed = False
    failed: AutofilerError | None = None
    failures = n = 0
    try:
        while True:
            n += 1
            stamp = dt.datetime.now().isoformat(timespec="seconds")
            print(f"== 第 {n} 次检查 / check {n} · {stamp}", file=sys.stderr, flush=True)
            try:
                result = progress_check.check(settings, request, send=not args.no_notify)
            except (ConfigError, CredentialError, SpecError):
                raise  # the next check would fail the same way
            except AutofilerError as e:
                # the site may be down or busy now and fine at the next check
                failed = e
                failures, errors = progress_check.record_failure(settings, e.message, send=not args.no_notify)
                print(f"autofiler: 第 {n} 次检查失败（连续 {failures} 次） / check {n} failed ({failures} in a "
                      f"row): {e.message}", file=sys.stderr, flush=True)
                for line in errors:
                    print(f"autofiler: {line}", file=sys.stderr)
            else:
                failed, failures = None, 0
                progress_output.emit(result, args.format, args.out, one_line=True)
                changed = changed or bool(result.changes)
                for line in result.notify_errors:
                    print(f"autofiler: {line}", file=sys.stderr)
            sys.stdout.flush()
            if args.times and n >= args.times:
                break
            wait = next_wait(seconds, failures)
            if failures:
                print(f"autofiler: {_shown(wait)} 后再试 / next try in {_shown(wait)}", file=sys.stderr, flush=True)
            pause.wait(wait)
    except KeyboardInterrupt:
        print("autofiler: 已停止监视 / watch stopped", file=sys.stderr, flush=True)
        return EXIT_INTERRUPTED
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)
    if failed is not None:
        return EXIT_SITE_DOWN if isinstance(failed, SiteUnreachable) else EXIT_ERROR
    return exit_code(args, changed)
