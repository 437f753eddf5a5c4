"""The end of every filing, for both UI families: stop where the user asked (--no-submit), or where nobody can
confirm (exit 5); otherwise show the summary, ask, then click 提交 and record the state the site reports."""

from __future__ import annotations

from collections.abc import Callable

from autofiler.errors import EXIT_NOT_SUBMITTED
from autofiler.site.filing_display import SUBMIT_CLICKED, SUBMIT_DONE, SUBMIT_WORDS, FilingDisplay, RunState


def submit_as_asked(reporter: FilingDisplay, state: RunState, name: str, *, yes: bool, no_submit: bool,
                    interactive: bool, confirm: Callable[[str], bool], summary: Callable[[], list[str]],
                    click: Callable[[], tuple[str | None, str]], record: Callable[[str], None]) -> int:
    """`click` submits and returns the state (key, label) the site then shows; `record` keeps it locally."""
    if no_submit:
        reporter.say("已保存，未提交（--no-submit） / saved; not submitted (--no-submit)")
        return 0
    if not yes and not interactive:
        reporter.say("已保存，未提交：没有终端可确认，请加 --yes / saved; stopped before 提交 because there is no "
                     f"terminal to confirm on (use --yes; exit {EXIT_NOT_SUBMITTED})")
        return EXIT_NOT_SUBMITTED
    for line in summary():
        reporter.say(line)
    reporter.pause()
    if not yes and not confirm("现在提交备案？/ Submit now? [y/N] "):
        reporter.say("未提交 / not submitted")
        return 0
    state.submit = SUBMIT_CLICKED
    reporter.step("提交 / submitting")
    key, label = click()
    state.submit = SUBMIT_DONE
    record(key or label)
    reporter.say(f"{SUBMIT_WORDS[SUBMIT_DONE]}: {name} → {label or key}", "green")
    return 0
