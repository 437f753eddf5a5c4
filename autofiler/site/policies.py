"""Small policies every flow shares, written once: retry what the site calls busy, log in again once, keep
the evidence of a failure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from playwright.sync_api import Error as PlaywrightError

from autofiler.errors import AutofilerError, SessionExpired, SiteError
from autofiler.site.filing_display import new_run_dir

T = TypeVar("T")
BUSY_TRIES = 3  # runs in all of an action the site answers with a 5xx


class SiteBusyError(SiteError):
    """A 5xx answer: the site's own 'try again'."""


def retry_busy(action: Callable[[], T], tries: int = BUSY_TRIES, *,
               before_retry: Callable[[], None] = lambda: None,
               spent: Callable[[str], AutofilerError] | None = None) -> T:
    """Run `action`; a SiteBusyError runs `before_retry` (say, reload what the failed try left) and the action
    again, up to `tries` runs in all. The last busy answer is raised as it is, or as `spent(message)` where the
    caller reports it otherwise (then an outer retry does not run it again)."""
    for attempt in range(tries):
        try:
            return action()
        except SiteBusyError as e:
            if attempt == tries - 1:
                if spent is None:
                    raise
                raise spent(e.message) from None
        before_retry()
    raise AssertionError("unreachable")


def relogin_once(site: Any, action: Callable[[], T], again: Callable[[], None] = lambda: None,
                 say: Callable[[str], None] = lambda _t: None) -> T:
    """Run `action`; a trip to the login page (however it surfaced) means one fresh login, `again` (reopen
    what was open), and one more run."""
    for attempt in range(2):
        try:
            return action()
        except (AutofilerError, PlaywrightError) as e:
            expired = isinstance(e, SessionExpired) or site.on_login_page()
            if attempt == 1 or not expired:
                raise
            say("登录已过期，重新登录 / session expired, logging in again")
            site.login()
            again()
    raise AssertionError("unreachable")


def keep_evidence(site: Any, name: str, say: Callable[[str], None], run_dir: Path | None = None) -> Path | None:
    """After a failure: a masked screenshot and the current trace chunk, in `run_dir` (the run's folder an
    earlier failure made) or a new run folder, whose path is said and returned. Best effort: the failure
    being reported matters more."""
    try:
        run_dir = run_dir or new_run_dir(site.settings.state_dir)
        site.screenshot(run_dir / f"{name}.png")
        site.trace.end(run_dir / f"{name}-trace.zip")
        say(f"  证据 / evidence: {run_dir}")
    except Exception as e:  # noqa: BLE001 - evidence must not hide the real error
        say(f"  (no screenshot or trace: {type(e).__name__})")
    return run_dir
