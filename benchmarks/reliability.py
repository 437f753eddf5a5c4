"""Reliability figures: filings on a faulty registry, and filings whose autofiler process is killed mid-way.

    .venv/bin/python benchmarks/reliability.py [--seed S] [--faults N] [--crashes M] [--max-runs R]

Fault trials: each files a fresh spec (single or multi-centre, on ChiCTR or not) with the mock answering 20 % of
saves, uploads and submits with 500, 0-1500 ms latency, a 30 s session lifetime and 5 % of saves silently dropping
a field; `autofiler submit --yes` is re-run until it exits 0 (at most R runs). Crash trials: one clean filing
measures the typical duration T, then each trial SIGKILLs autofiler after a delay drawn in [0, T) from the
trial's seed and re-runs it until it exits 0. Every trial is judged on the mock: one project, submitted once,
every field and PDF equal to the spec.

One line per trial (trial, seed, runs, outcome, duplicates, fields lost, retries, exit codes), then a summary.
"Retries" are runs beyond the first, plus the mock's injected 500s that a run absorbed (each 500 the mock counts
that did not end a run), plus fresh logins after an expired session.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mock_site.launcher import DEMO_PI, RunningMock, launch
from trials import harness as H  # after the path set-up
from trials import specgen

FAULTS = {"error_rate": 0.2, "latency_ms": [0, 1500], "session_ttl_s": 30, "drop_field_rate": 0.05}


@dataclass
class Row:
    trial: str
    seed: int
    runs: int
    outcome: str
    duplicates: int
    lost: int
    retries: int
    exits: str
    note: str = ""

    def line(self) -> str:
        return (f"{self.trial:<9} seed={self.seed:<8} runs={self.runs:<2} {self.outcome:<28} dup={self.duplicates} "
                f"lost={self.lost:<2} retries={self.retries:<3} exits={self.exits}{self.note}")


def outcome(filing: H.Filing, verdict: H.Verdict) -> str:
    crashed = any(r.code not in (0, 1, None) for r in filing.runs)
    if verdict.complete and filing.ok:
        return "complete" + (" (an exit 3 on the way)" if crashed else "")
    if verdict.complete and filing.refused_submitted:
        return "complete; re-run exits 1"
    if not filing.ok and not filing.refused_submitted:
        return f"NOT FILED in {len(filing.runs)} runs"
    if verdict.duplicates:
        return "DUPLICATE"
    if verdict.lost:
        return "FIELDS DIFFER"
    return "NOT SUBMITTED ONCE"


def exits(filing: H.Filing, first: H.Run | None = None) -> str:
    codes = ([first] if first else []) + filing.runs
    return ",".join("kill" if r.code is None else str(r.code) for r in codes)


def fault_trial(mock: RunningMock, work: Path, n: int, seed: int, max_runs: int) -> Row:
    g = specgen.generate(seed, work / f"fault{n}", "f")
    before = len(H.unnamed(mock))
    mock.control("POST", "faults", {**FAULTS, "seed": seed})
    filing = H.file_until_done(mock, g.path, work / "fault-state", max_runs=max_runs, name=g.name)
    injected = mock.control("GET", "faults")["injected"]
    mock.control("POST", "faults", {})
    v = H.verdict(mock, g.path, g.name, orphans_before=before)
    kind = f"{'multi' if g.multi_center else 'single'}{'+chictr' if g.published else ''}"
    note = f"  [{kind}; 500s={injected['errors']} drops={injected['drops']}]"
    return Row(f"fault {n + 1}", seed, len(filing.runs), outcome(filing, v), v.duplicates, len(v.lost),
               H.retries_used(filing, injected["errors"]), exits(filing), note)


def calibrate(mock: RunningMock, work: Path, seed: int) -> float:
    g = specgen.generate(seed, work / "calibration", "cal")
    run = H.run_cli(H.submit_args(mock, g.path), state=work / "crash-state")
    if run.code != 0:
        raise SystemExit(f"the calibration filing failed (exit {run.code}):\n{run.out}")
    return run.seconds


def crash_trial(mock: RunningMock, work: Path, n: int, seed: int, typical: float, max_runs: int) -> Row:
    g = specgen.generate(seed, work / f"crash{n}", "c")
    before = len(H.unnamed(mock))
    delay = random.Random(seed).uniform(0, typical)
    # Its own state folder: the mock's reset before the crash phase reuses project ids, which the fault phase's
    # store would still take for its own.
    trial = H.crash_then_finish(mock, g.path, work / "crash-state", g.name, kill_after=delay, max_runs=max_runs)
    v = H.verdict(mock, g.path, g.name, orphans_before=before)
    when = f"killed at {trial.killed_at:.1f}s" if trial.killed_at is not None else f"done before {delay:.1f}s"
    runs = 1 + len(trial.filing.runs)
    if not v.complete:  # what each run printed last, to see where it was
        when += "".join(f"\n    run {i}: " + " | ".join(r.out.strip().splitlines()[-4:])
                        for i, r in enumerate([trial.first, *trial.filing.runs], 1))
    return Row(f"crash {n + 1}", seed, runs, outcome(trial.filing, v), v.duplicates, len(v.lost),
               H.retries_used(trial.filing, 0) + (1 if trial.filing.runs else 0),
               exits(trial.filing, trial.first), f"  [{when}]")


def summary(name: str, rows: list[Row], seconds: float) -> str:
    done = sum(1 for r in rows if r.outcome.startswith("complete"))
    return (f"{name}: completed {done}/{len(rows)}, duplicates {sum(r.duplicates for r in rows)}, "
            f"fields lost {sum(r.lost for r in rows)}, retries used {sum(r.retries for r in rows)}, "
            f"runs {sum(r.runs for r in rows)}, wall time {seconds:.0f} s")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--faults", type=int, default=20, help="fault trials (default 20)")
    p.add_argument("--crashes", type=int, default=20, help="crash trials (default 20)")
    p.add_argument("--max-runs", type=int, default=8, help="submit runs allowed per filing (default 8)")
    p.add_argument("--typical-s", type=float, help="typical filing duration for the kill delays (default: measured)")
    a = p.parse_args()
    started = time.monotonic()
    mock = launch("--face", "sop-2020")
    lines: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="autofiler-reliability-") as tmp:
            work = Path(tmp)
            print(f"seed {a.seed}; faults {FAULTS}; at most {a.max_runs} runs per filing", flush=True)
            t0 = time.monotonic()
            faults = []
            for n in range(a.faults):
                faults.append(fault_trial(mock, work, n, a.seed * 100_000 + n, a.max_runs))
                print(faults[-1].line(), flush=True)
            owned = [x for x in mock.projects() if x["owner"] == DEMO_PI["phone"]]
            if a.faults:
                lines.append(summary("faults", faults, time.monotonic() - t0))
                lines.append(f"faults: the mock holds {len(owned)} projects for {a.faults} filings")
            if a.crashes:
                mock.reset()
                t0 = time.monotonic()
                typical = a.typical_s or calibrate(mock, work, a.seed * 100_000 + 99_999)
                print(f"typical filing duration (kill window): {typical:.1f} s", flush=True)
                mock.reset()
                crashes = []
                for n in range(a.crashes):
                    crashes.append(crash_trial(mock, work, n, a.seed * 100_000 + 50_000 + n, typical, a.max_runs))
                    print(crashes[-1].line(), flush=True)
                killed = sum(1 for r in crashes if "killed" in r.note)
                owned = [x for x in mock.projects() if x["owner"] == DEMO_PI["phone"]]
                lines.append(summary("crashes", crashes, time.monotonic() - t0))
                lines.append(f"crashes: {killed} runs killed mid-filing; the mock holds {len(owned)} projects "
                             f"for {a.crashes} filings")
    finally:
        mock.stop()
    print("\n".join(lines))
    print(f"total wall time {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
