"""What a filing run prints: one line per module with its state and time, diffs, and the run folder."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

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

    def say(self, text: str, style: str | None = None) -> None:
        self.console.print(escape(redact.scrub(text)), style=style)

    def module(self, o: Outcome) -> None:
        mark, colour, words = STATES.get(o.state, ("?", "white", o.state))
        line = f"{mark} {o.tab:<6} {words}"
        if o.seconds:
            line += f"  {o.seconds:.1f}s"
        self.console.print(escape(redact.scrub(line)), style=colour)
        for note in o.notes:
            self.say(f"    {note}", "yellow")
        if o.diffs and (self.verbosity or o.state in ("filled", "pending", "failed")):
            self.diffs(o.diffs)

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
