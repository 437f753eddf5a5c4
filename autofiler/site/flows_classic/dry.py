"""A dry run and a plan on a classic face: the editor is opened (the project's, or a new project's, which the
site creates only on a first 保存) and read or filled tab by tab; nothing is ever sent.

Never sent is enforced twice: the editor refuses 保存 and 提交 (`dry_run`), and while a dry run fills, every
request of the page that is not a read is aborted before it leaves the browser."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from playwright.sync_api import Page, Route

from autofiler.errors import SiteError
from autofiler.site.filing_display import FilingDisplay, Outcome
from autofiler.site.flows_classic.classic_compare import Difference, differences, show
from autofiler.site.flows_classic.classic_editor import ClassicEditor
from autofiler.site.maps.resolve import ClassicSite, SiteTab

READS = frozenset({"GET", "HEAD", "OPTIONS"})
NOT_SHOWN = "站点没有显示这个页签 / the site does not show this tab (it follows 研究类别)"


@contextlib.contextmanager
def no_writes(page: Page) -> Iterator[list[str]]:
    """Abort every request of the page that would write (POST, PUT, PATCH, DELETE); yields what was stopped."""
    stopped: list[str] = []

    def guard(route: Route) -> None:
        if route.request.method in READS:
            route.fallback()
        else:
            stopped.append(f"{route.request.method} {route.request.url}")
            route.abort()

    page.route("**/*", guard)
    try:
        yield stopped
    finally:
        with contextlib.suppress(Exception):
            page.unroute("**/*", guard)


def say_changes(reporter: FilingDisplay, diffs: list[Difference]) -> None:
    """Each change as `label: site value → spec value`."""
    for d in diffs:
        reporter.say(f"    {d.label}: {show(d.have)} → {show(d.want)}")


def plan_tab(editor: ClassicEditor, tab: SiteTab, want: dict[str, Any]) -> list[Difference]:
    """What submit would change on one tab of an open project."""
    editor.open_tab(tab)
    return differences(tab, want, editor.read(tab, list(want)))


def fill_all(editor: ClassicEditor, site: ClassicSite, values: dict[str, dict[str, Any]], reporter: FilingDisplay,
             *, existing: bool) -> list[str]:
    """Fill every tab the site shows, never saving; report per tab what would be filled (on a project that
    exists: what would change). Returns the fields that could not be filled."""
    editor.dry_run = True
    problems: list[str] = []
    with no_writes(editor.page) as stopped:
        for tab in site.tabs:
            want = values.get(tab.key) or {}
            if not editor.shown(tab):
                if want:
                    problems.append(f"{tab.label}: {NOT_SHOWN}")
                    reporter.module(Outcome(tab.key, tab.label, "failed", notes=[NOT_SHOWN]))
                continue
            diffs = plan_tab(editor, tab, want) if existing else differences(tab, want, {})
            if not existing:
                editor.open_tab(tab)
            failed: list[str] = []
            editor.fill(tab, want, files=False, problems=failed)  # an upload is a write: named, not sent
            problems += failed
            state = "failed" if failed else "filled" if diffs else "unchanged"
            reporter.module(Outcome(tab.key, tab.label, state, notes=failed))
            say_changes(reporter, diffs)
    if stopped:  # the editor sent nothing itself: a page script tried, and the guard held
        reporter.say("演练中拦截的请求 / requests stopped during the dry run: " + "; ".join(stopped), "yellow")
    return problems


def stop_on_fill(problems: list[str]) -> None:
    if problems:
        raise SiteError("演练发现无法填写的字段，未写入任何内容 / the dry run could not fill these fields; nothing was "
                        "written:\n" + "\n".join(f"  {p}" for p in problems),
                        hint="fix the spec and run the dry run again")
