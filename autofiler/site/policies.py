"""Small policies every flow shares, written once: retry what the site calls busy, log in again once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from playwright.sync_api import Error as PlaywrightError

from autofiler.errors import AutofilerError, SessionExpired, SiteError

T = TypeVar("T")
BUSY_TRIES = 3


class SiteBusyError(SiteError):
    """A 5xx answer: the site's own 'try again'."""


def retry_busy(action: Callable[[], T], tries: int = BUSY_TRIES) -> T:
    """Run `action`; a SiteBusyError is retried, up to `tries` runs in all."""
    for attempt in range(tries):
        try:
            return action()
        except SiteBusyError:
            if attempt == tries - 1:
                raise
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


def keep_evidence(site: Any, name: str, say: Callable[[str], None]) -> None:
    """After a failure: a masked screenshot and the current trace chunk in a new run folder, whose path is
    said. Best effort: the failure being reported matters more."""
    from autofiler.site.report import new_run_dir

    try:
        run_dir = new_run_dir(site.settings.state_dir)
        site.screenshot(run_dir / f"{name}.png")
        site.trace.end(run_dir / f"{name}-trace.zip")
        say(f"  证据 / evidence: {run_dir}")
    except Exception as e:  # noqa: BLE001 - evidence must not hide the real error
        say(f"  (no screenshot or trace: {type(e).__name__})")
