"""What a filing run prints: one line per module with its state and time, diffs, and the run folder."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

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


class Reporter:
    def __init__(self, verbosity: int = 0, out=None) -> None:
        self.console = Console(file=out or sys.stdout, highlight=False, soft_wrap=True)
        self.verbosity = verbosity
        self.failed: str | None = None  # the tab of the last module reported failed
        self.saved_tabs: list[str] = []  # tabs the site said it saved in this run (read back or not)

    def say(self, text: str, style: str | None = None) -> None:
        self.console.print(escape(redact.scrub(text)), style=style)

    def module(self, o: Outcome) -> None:
        if o.state == "failed":
            self.failed = o.tab
        mark, colour, words = STATES.get(o.state, ("?", "white", o.state))
        line = f"{mark} {o.tab:<6} {words}"
        if o.seconds:
            line += f"  {o.seconds:.1f}s"
        self.console.print(escape(redact.scrub(line)), style=colour)
        for note in o.notes:
            self.say(f"    {note}", "yellow")
        if o.diffs and (self.verbosity or o.state in ("filled", "pending", "failed")):
            self.diffs(o.diffs)

    def saved(self, tab: str) -> None:
        """The site answered a save of this tab (its read-back comes later, once every module is saved)."""
        if tab not in self.saved_tabs:
            self.saved_tabs.append(tab)

    def diffs(self, diffs: list[Diff]) -> None:
        for d in diffs:
            self.say(f"    {d.label}: 规格 / spec = {show(d.want)} | 站点 / site = {show(d.have)}")


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


@dataclass
class RunState:
    """What a submit run did so far: the project, and whether 提交 was clicked."""

    project_id: str | None = None
    created: bool = False
    submit: str = SUBMIT_NOT
    modules: list[Any] = field(default_factory=list)  # the site map's modules, once the site is open


def closing_lines(run: RunState, verified: list[str], rest: list[str], why: str,
                  unverified: list[str] | None = None) -> list[str]:
    """What was saved (verified against the site), saved but not read back, not saved, whether 提交 happened,
    and what to do next."""
    if run.project_id is None:
        project = "没有新建或找到项目 / no project was created or found"
    else:
        project = f"{run.project_id}" + ("（本次新建 / created by this run）" if run.created else "")
    submitted = {
        SUBMIT_NOT: "未提交 / not submitted by this run",
        SUBMIT_CLICKED: "已点击提交，结果未确认 / 提交 was clicked, its result was not seen",
        SUBMIT_DONE: "已提交 / submitted",
    }[run.submit]
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
