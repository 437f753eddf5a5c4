"""How a failed or interrupted filing ends, for every command and UI family: the error in plain words (the
browser's own message goes to a details log), what was saved and verified, what was not, whether 提交 happened,
and what to do next; and the evidence of a page that did not behave."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Error as PlaywrightError

from autofiler import config
from autofiler.errors import AutofilerError, Interrupted, SiteError, SiteUnreachable, details_log
from autofiler.site.filing_display import FilingDisplay, RunState, closing_lines


def _playwright_cause(e: BaseException) -> BaseException | None:
    """The browser's own error behind `e`, unless the code that raised `e` set it aside (`from None`)."""
    seen: BaseException | None = e
    while seen is not None:
        if isinstance(seen, PlaywrightError):
            return seen
        seen = seen.__cause__ if seen.__cause__ is not None else (
            None if seen.__suppress_context__ else seen.__context__)
    return None


def _site_map_problem(e: BaseException, cause: BaseException | None) -> bool:
    """A label, tab or widget of the site map was not found on the page: the case for `autofiler doctor`."""
    text = str(cause or "")
    said = getattr(e, "message", "")
    return ("waiting for locator" in text or "waiting for get_by" in text
            or "the page does not show the field" in said or "the editor has no tab" in said
            or "doctor" in (getattr(e, "hint", None) or ""))


def module_states(settings: config.Settings, store: Any, state: RunState, name: str,
                  values: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Tabs whose saved values were read back equal to the spec (the store's checkpoints), and the others."""
    from autofiler.filing.element_filer import spec_module
    from autofiler.site import sitemap

    modules = state.modules or list(sitemap.load(settings.selectors).modules)
    record = store.filing(settings.site, settings.require_user(), name)
    same = state.project_id is not None and record is not None and record.project_id == state.project_id
    hashes = store.module_hashes(record.id) if same and record is not None else {}
    verified, rest = [], []
    for module in modules:
        try:
            ok = module.key in hashes and hashes[module.key] == spec_module(module, values)[1]
        except OSError:
            ok = False
        (verified if ok else rest).append(module.tab)
    return verified, rest


def closing(settings: config.Settings, store: Any, reporter: FilingDisplay, state: RunState, name: str,
            values: dict[str, dict[str, Any]], e: BaseException,
            states: Callable[[], tuple[list[str], list[str]]] | None = None) -> BaseException:
    """The one way a failed or interrupted submit ends: the error in plain words (a browser's own message goes
    to a details log), followed by what was saved and verified, what was not, whether 提交 happened, and what
    to do next. Returns the exception to raise. `states` gives (verified, other) tab labels where the site map is
    not the sop-2020 one (the classic family's tabs)."""
    try:
        verified, rest = states() if states else module_states(settings, store, state, name, values)
    except Exception:  # noqa: BLE001 - the summary must not hide the failure
        verified, rest = [], []
    cause = _playwright_cause(e)
    if isinstance(e, SiteUnreachable):
        why = "site_down"
    elif isinstance(e, KeyboardInterrupt):
        why = "interrupted"
    elif _site_map_problem(e, cause):
        why = "site_map"
    else:
        why = "error"
    unverified = [tab for tab in reporter.saved_tabs if tab not in verified]
    summary = "\n".join(closing_lines(state, verified, rest, why, unverified))
    if isinstance(e, KeyboardInterrupt):
        return Interrupted(f"已中断 / interrupted\n{summary}")
    if not isinstance(e, AutofilerError):
        print(summary, file=sys.stderr)  # a crash: its bug report follows
        return e
    if cause is not None and not isinstance(e, SiteUnreachable):
        where = details_log(cause, str(settings.state_dir))
        tab = reporter.failed
        e.message = (f"{tab}：页面没有按预期回应 / {tab}: the page did not respond as expected" if tab else
                     "页面没有按预期回应 / the page did not respond as expected")
        if where:
            e.message += f"\n技术细节 / details: {where}"
    if why == "site_map" or cause is not None:
        e.hint = None  # the summary's next step says what to do
    e.message = f"{e.message}\n{summary}"
    return e


def page_failure(site: Any, reporter: FilingDisplay, e: Exception) -> SiteError:
    from autofiler.site.filing_display import new_run_dir

    try:
        shot = site.screenshot(new_run_dir(site.settings.state_dir) / "page.png")
        reporter.say(f"  证据 / evidence: {shot.parent}", "red")
    except Exception as shot_error:  # noqa: BLE001 - evidence must not hide the real error
        reporter.say(f"  (no screenshot: {type(shot_error).__name__})", "red")
    # The browser's own words stay in the details log that `closing` writes.
    return SiteError(f"页面操作失败 / a page action failed at {site.page.url}")
