"""One error family with exit codes, and the handler that turns anything else into a bug report."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import sys
import traceback
from collections.abc import Iterator

UNEXPECTED = "意外错误 / unexpected error"  # the first words of a crash, before its bug report
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_CRASH = 3
EXIT_SITE_DOWN = 4  # the registry did not answer (refused, no such host, timed out, 502/503/504)
EXIT_NOT_SUBMITTED = 5  # submit saved everything but stopped before 提交: no terminal to confirm on
EXIT_INTERRUPTED = 130

# What `--help` and the README say about exit codes (2 is plan --detailed-exitcode's "changes pending").
EXIT_CODES_HELP = (
    "exit codes: 0 done; 1 a problem to fix (spec, settings, password, the site refused); 2 plan "
    "--detailed-exitcode: changes pending; 3 unexpected error (a bug report is written); 4 the site did not "
    "answer (nothing more was done; run again later); 5 submit stopped before 提交 because no terminal could "
    "confirm (use --yes); 130 interrupted"
)


class AutofilerError(Exception):
    """An error a user can act on. The message is printed as it is, without a traceback."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class SpecError(AutofilerError):
    """The spec cannot be used (validation failed, a file is missing)."""


class ConfigError(AutofilerError):
    """Configuration or command-line options are wrong or missing."""


class CredentialError(AutofilerError):
    """No password could be found, or the site refused it."""


class SiteError(AutofilerError):
    """The registry did something autofiler did not expect, or refused an action."""


class SessionExpired(SiteError):
    """The site sent us back to its login page."""


class SiteUnreachable(AutofilerError):
    """The registry did not answer at all: connection refused, no such host, a timeout, a 502/503/504 page."""

    exit_code = EXIT_SITE_DOWN

    def __init__(self, address: str, reason: str, *, done: str = "", hint: str | None = None) -> None:
        message = f"站点无法访问 / the site does not answer: {address} ({reason})"
        super().__init__(message + (f"\n{done}" if done else ""),
                         hint=hint or "稍后重新运行即可继续 / run the same command again later to go on")
        self.address = address
        self.reason = reason


class Interrupted(AutofilerError):
    """Ctrl-C, after what the run had done was said."""

    exit_code = EXIT_INTERRUPTED


class BusyError(AutofilerError):
    """Another autofiler run holds the lock on the local state."""


def _bug_report(exc: BaseException, log_dir_override: str | None, kind: str = "bug-report") -> str:
    from autofiler import __version__, redact
    from autofiler.paths import log_dir

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = log_dir(log_dir_override) / f"{kind}-{stamp}.md"
    try:
        from importlib.metadata import version

        pw = version("playwright")
    except Exception:  # noqa: BLE001 - a report must still be written
        pw = "unknown"
    tb = "".join(traceback.format_exception(exc))
    text = (
        "# autofiler bug report\n\n"
        f"- autofiler: {__version__}\n- python: {sys.version.split()[0]}\n- playwright: {pw}\n"
        f"- platform: {platform.platform()}\n- command: {' '.join(sys.argv[1:2])}\n\n"
        f"```\n{tb}```\n"
    )
    path.write_text(redact.scrub(text), encoding="utf-8")
    return str(path)


def details_log(exc: BaseException, state_dir: str | None = None) -> str:
    """The technical text of a failure a user was told about in plain words (browser messages, traceback), kept
    in the logs folder for whoever looks into it; returns the path, or '' when it could not be written."""
    try:
        return _bug_report(exc, state_dir, kind="details")
    except Exception:  # noqa: BLE001 - the user-facing message matters more than the log
        return ""


@contextlib.contextmanager
def error_handler(state_dir: str | None = None) -> Iterator[list[int]]:
    """Run a command; the yielded list receives the exit code for errors that end it."""
    from autofiler import redact

    code: list[int] = []
    try:
        yield code
    except AutofilerError as e:
        print(redact.scrub(f"autofiler: {e.message}"), file=sys.stderr)
        if e.hint:
            print(redact.scrub(f"  {e.hint}"), file=sys.stderr)
        code.append(e.exit_code)
    except KeyboardInterrupt:
        print("autofiler: 已中断 / interrupted", file=sys.stderr)
        code.append(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`autofiler ... | head`): nothing is wrong with autofiler.
        with contextlib.suppress(Exception):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stops the flush at exit from failing again
        code.append(EXIT_ERROR)
    except Exception as e:  # noqa: BLE001 - the whole point is to catch the unexpected
        try:
            where = _bug_report(e, state_dir)
        except Exception:  # noqa: BLE001
            where = "(the log could not be written)"
        print(redact.scrub(f"autofiler: {UNEXPECTED}: {type(e).__name__}: {e}"), file=sys.stderr)
        print(f"  请将错误报告发给开发者 / please send this report: {where}", file=sys.stderr)
        code.append(EXIT_CRASH)
