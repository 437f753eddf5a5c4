"""What a filing run prints: one line per module with its state and time, diffs, and the run folder.

In a terminal a live status line sits under the printed lines: a spinner, the step now running (`step`) and its
seconds, and the modules saved but not yet read back, each shown the moment its save is answered. Any other
output (`say`, a failure) first takes the status line away, so prompts and messages never mix with it; the next
event brings it back. Without a terminal every line is printed plainly as it happens (steps too, with -v).
"""

from __future__ import annotations

import atexit
import datetime as dt
import sys
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.text import Text

from autofiler import redact
from autofiler.site.compare import Diff, show

# state -> (mark, colour, words)
STATES = {
    "verified": ("✓", "green", "已保存并核对 / saved, verified"),
    "saved": ("✓", "green", "已保存 / saved"),
    "skipped": ("·", "dim", "未变化，跳过 / unchanged, skipped"),
    "filled": ("~", "yellow", "已填写未保存 / filled, not saved (dry run)"),
    "unchanged": ("·", "dim", "与规格一致 / matches the spec"),
    "pending": ("~", "yellow", "有待更新 / changes pending"),
    "failed": ("✗", "red", "失败 / failed"),
}


@dataclass
class Outcome:
    module: str
    tab: str
    state: str
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    diffs: list[Diff] = field(default_factory=list)


SAVED_WORDS = "已保存，全部保存后核对 / saved; read back once every module is saved"
WORKING = "处理中 / working"


class FilingDisplay:
    def __init__(self, verbosity: int = 0, out: Any = None, *, live: bool | None = None) -> None:
        self.console = Console(file=out or sys.stdout, highlight=False, soft_wrap=True)
        self.verbosity = verbosity
        self.failed: str | None = None  # the tab of the last module reported failed
        self.run = RunState()  # what the run did: the services fill it in; `--json` prints it with the outcomes
        self.outcomes: list[Outcome] = []  # every module event, in order
        self.saved_tabs: list[str] = []  # tabs the site said it saved in this run (read back or not)
        terminal = self.console.is_terminal and not self.console.is_dumb_terminal
        self.live = terminal if live is None else live
        self._display: Any = None  # rich's Live while the status line is shown
        self._step: str | None = None
        self._since = time.monotonic()
        self._pending: list[str] = []  # saved, not yet read back: their lines, shown under the printed ones
        self._spinner: Any = None

    # the status line ----------------------------------------------------------------------------------------
    def step(self, text: str) -> None:
        """The step now running (登录, 正在填写 实施信息, 上传 protocol.pdf, 核对, 提交): shown until the next event."""
        self._step, self._since = redact.scrub(text), time.monotonic()
        if self.live:
            self._show()
        elif self.verbosity:
            self.console.print(escape(f"… {self._step}"), style="dim")

    def _render(self) -> RenderableType:
        from rich.spinner import Spinner

        if self._spinner is None:
            self._spinner = Spinner("dots", style="cyan")
        seconds = time.monotonic() - self._since
        self._spinner.update(text=Text(f"{self._step or WORKING}  {seconds:.0f}s"))
        return Group(*(Text(line, style="green") for line in list(self._pending)), self._spinner)

    def _show(self) -> None:
        if self._display is None:
            from rich.live import Live

            self._display = Live(get_renderable=self._render, console=self.console, transient=True,
                                 refresh_per_second=8)
            self._display.start(refresh=True)
            _SHOWN.add(self)
        else:
            self._display.refresh()

    def pause(self) -> None:
        """Take the status line away; lines saved but not read back yet are printed as they are."""
        display, self._display = self._display, None
        if display is None:
            return
        display.stop()
        _SHOWN.discard(self)
        pending, self._pending = self._pending, []
        for line in pending:
            self.console.print(escape(line), style="green")

    close = pause

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # lines --------------------------------------------------------------------------------------------------
    def say(self, text: str, style: str | None = None) -> None:
        self.pause()
        self.console.print(escape(redact.scrub(text)), style=style)

    def module(self, o: Outcome) -> None:
        self.outcomes.append(o)
        if o.state == "failed":
            self.failed = o.tab
            self.pause()
        mark, colour, words = STATES.get(o.state, ("?", "white", o.state))
        line = f"{mark} {o.tab:<6} {words}"
        if o.seconds:
            line += f"  {o.seconds:.1f}s"
        self._pending = [p for p in self._pending if p != self._saved_line(o.tab)]
        self.console.print(escape(redact.scrub(line)), style=colour)
        for note in o.notes:
            self.say(f"    {note}", "yellow")
        if o.diffs and (self.verbosity or o.state in ("filled", "pending", "failed")):
            self.diffs(o.diffs)
        self._next()

    def saved(self, tab: str) -> None:
        """The site answered a save of this tab (its read-back comes later, once every module is saved): its line
        now, so that a filing shows each module as it is done."""
        if tab not in self.saved_tabs:
            self.saved_tabs.append(tab)
        line = self._saved_line(tab)
        if self.live:
            if line not in self._pending:
                self._pending.append(line)
        else:
            self.console.print(escape(line), style="green")
        self._next()

    def _saved_line(self, tab: str) -> str:
        return redact.scrub(f"✓ {tab:<6} {SAVED_WORDS}")

    def _next(self) -> None:
        """After a module's event: the step goes on (核对 spans several modules); unnamed, the seconds count
        from this event."""
        if self._step is None:
            self._since = time.monotonic()
        if self.live and self.failed is None:
            self._show()

    def diffs(self, diffs: list[Diff]) -> None:
        for d in diffs:
            self.say(f"    {d.label}: 规格 / spec = {show(d.want)} | 站点 / site = {show(d.have)}")


# Reporters whose status line is up: taken away when the program ends, whatever way it ends.
_SHOWN: weakref.WeakSet[FilingDisplay] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for reporter in list(_SHOWN):
        reporter.close()


def new_run_dir(state_dir: Path) -> Path:
    """runs/<timestamp>/ under the state folder, for the evidence of a failed run."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = state_dir / "runs"
    path = base / stamp
    n = 1
    while path.exists():
        n += 1
        path = base / f"{stamp}-{n}"
    path.mkdir(parents=True, mode=0o700)
    return path


# What a submit run has done, and the one summary every way out of a failed or interrupted run ends with.
SUBMIT_NOT = "not"
SUBMIT_CLICKED = "clicked"  # 提交 was clicked; the site's answer was not seen
SUBMIT_DONE = "done"

# why a run stopped -> what to do next
NEXT_STEPS = {
    "site_down": "站点恢复后重新运行同一命令即可继续，已核对的模块会跳过 / run the same command again once the site "
                 "answers: verified modules are skipped",
    "interrupted": "重新运行同一命令即可继续，已核对的模块会跳过 / run the same command again to go on: verified "
                   "modules are skipped",
    "site_map": "运行 `autofiler doctor` 对照站点地图，修正后重新运行 / run `autofiler doctor` to compare the site "
                "with the site map, then run again",
    "error": "按上面的说明处理后重新运行同一命令 / deal with what is said above, then run the same command again",
    "clicked": "提交可能已生效：重新运行是安全的，也可先用 `autofiler progress SPEC` 查看状态 / 提交 may have gone "
               "through: running again is safe (a submitted project is not filed twice); `autofiler progress SPEC` "
               "shows its state",
}


# Phrases a run prints that scripts and tests look for, each written once.
NOT_ON_SITE = "not on the site yet"
STORED_OTHERWISE = "站点保存的值与规格不同 / the site stored other values than sent"
SUBMIT_WORDS = {
    SUBMIT_NOT: "未提交 / not submitted by this run",
    SUBMIT_CLICKED: "已点击提交，结果未确认 / 提交 was clicked, its result was not seen",
    SUBMIT_DONE: "已提交 / submitted",
}


@dataclass
class RunState:
    """What a submit run did so far: the project, and whether 提交 was clicked."""

    project_id: str | None = None
    created: bool = False
    submit: str = SUBMIT_NOT
    modules: list[Any] = field(default_factory=list)  # the site map's modules, once the site is open
    pending: bool | None = None  # plan: whether submit would change anything


def closing_lines(run: RunState, verified: list[str], rest: list[str], why: str,
                  unverified: list[str] | None = None) -> list[str]:
    """What was saved (verified against the site), saved but not read back, not saved, whether 提交 happened,
    and what to do next."""
    if run.project_id is None:
        project = "没有新建或找到项目 / no project was created or found"
    else:
        project = f"{run.project_id}" + ("（本次新建 / created by this run）" if run.created else "")
    submitted = SUBMIT_WORDS[run.submit]
    step = NEXT_STEPS["clicked" if run.submit == SUBMIT_CLICKED else why]
    return [
        "结果 / outcome:",
        f"  项目 / project: {project}",
        f"  已保存并核对 / saved and verified: {'、'.join(verified) or '无 / none'}",
        *([f"  已保存、未核对 / saved, not read back yet: {'、'.join(unverified)}"] if unverified else []),
        f"  未保存 / not saved: {'、'.join(t for t in rest if t not in (unverified or [])) or '无 / none'}",
        f"  提交 / submit: {submitted}",
        f"  下一步 / next: {step}",
    ]
