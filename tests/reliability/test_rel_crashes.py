"""A filing whose autofiler process is killed (SIGKILL) at a random moment, then run again until it exits 0.

Whatever the moment, the project must end on the site exactly once, submitted, and equal to its spec.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from tests.reliability import die_after_create
from tests.support import DEMO_PI
from trials import harness as H
from trials import specgen

pytestmark = pytest.mark.e2e

SEEDS = (201, 202)
MAX_RUNS = 4
# A filing's typical length on a quiet 2-core machine, browser start included; the kill falls inside it.
TYPICAL_S = float(os.environ.get("AUTOFILER_TYPICAL_FILING_S", "20"))


def kill_delay(seed: int, typical: float = TYPICAL_S) -> float:
    return random.Random(seed).uniform(0.2, 0.8) * typical


@pytest.mark.parametrize("seed", SEEDS)
def test_a_killed_filing_ends_complete_and_once(seed, mock, tmp_path):
    g = specgen.generate(seed, tmp_path, "c")
    delay = kill_delay(seed)
    while True:
        trial = H.crash_then_finish(mock, g.path, tmp_path / "state", g.name, kill_after=delay, max_runs=MAX_RUNS)
        if trial.killed_at is not None:
            break
        # This machine filed it before the kill: start over with a new project and an earlier kill.
        mock.reset()
        delay /= 2
    transcript = "\n----\n".join([trial.first.out, *(r.out for r in trial.filing.runs)])
    assert trial.filing.ok, transcript  # a re-run after a kill past 提交 finds nothing to do: exit 0
    assert all(r.code in (0, 1) for r in trial.filing.runs), transcript  # never a crash (3) after a crash
    verdict = H.verdict(mock, g.path, g.name)
    assert verdict.lost == [], transcript
    assert verdict.copies == 1 and verdict.submits == 1, transcript
    assert verdict.orphans == 0, f"an unnamed extra project was left behind\n{transcript}"
    assert verdict.complete


def test_death_between_creating_and_recording_leaves_no_extra_project(mock, tmp_path):
    g = specgen.generate(SEEDS[0], tmp_path, "orphan")
    args = H.submit_args(mock, g.path, "--no-submit")
    env = H.child_env(tmp_path / "state")
    proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.die_after_create", *args], cwd=H.ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=H.RUN_TIMEOUT_S)
    finally:
        H.reap(proc)  # the browser the dead process left behind
    assert proc.returncode == die_after_create.DIED, out
    assert len(H.unnamed(mock)) == 1  # created on the site, unknown to the store
    run = H.run_cli(args, state=tmp_path / "state")
    assert run.code == 0, run.out
    owned = [p for p in mock.projects() if p["owner"] == DEMO_PI["phone"]]
    assert len(owned) == 1, [(p["id"], p["project_name"]) for p in owned]
