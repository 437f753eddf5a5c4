"""Findings of the checks made before anything is written (units not registered on the site, options it does
not offer), shared by both UI families: how they are shown, and the stop when one must be fixed first."""

from __future__ import annotations

from dataclasses import dataclass

from autofiler.errors import SiteError
from autofiler.site.filing_display import FilingDisplay


@dataclass(frozen=True)
class Problem:
    path: str  # where in the spec: implementation.participating_units[1].institution
    label: str  # 实施信息 › 参与单位 › 机构名称
    message: str
    blocking: bool = True


def report(reporter: FilingDisplay, problems: list[Problem]) -> None:
    for p in problems:
        reporter.say(f"{'✗' if p.blocking else '!'} {p.path} {p.label}: {p.message}",
                     "red" if p.blocking else "yellow")


def stop_on(problems: list[Problem]) -> None:
    """Raise (exit 1) when a finding must be fixed before anything is written."""
    blocking = [p for p in problems if p.blocking]
    if blocking:
        raise SiteError(f"站点核对未通过，未写入任何内容 / the site check found {len(blocking)} problem(s); nothing "
                        "was written:\n" + "\n".join(f"  {p.path} {p.label}: {p.message}" for p in blocking),
                        hint="fix the spec (or register the unit on the site) and run again")
