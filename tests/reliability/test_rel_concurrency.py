"""Two `submit` runs of different specs and two `progress` checks, started at once, sharing one state folder (its
database, its saved session): nothing is lost or corrupted, and the site holds each filing once."""

from __future__ import annotations

import sqlite3
import subprocess

import pytest

from trials import harness as H
from trials import specgen

pytestmark = pytest.mark.e2e

SEEDS = (601, 606)  # multi-centre unpublished, single-centre published


def test_parallel_runs_share_the_state_database(mock, tmp_path):
    state = tmp_path / "state"
    site = H.site_args(mock)
    baseline = H.run_cli(["progress", "--all", *site], state=state)  # leaves a saved session the runs all reuse
    assert baseline.code == 0, baseline.out

    specs = [specgen.generate(seed, tmp_path / f"spec{seed}", "p") for seed in SEEDS]
    commands = [H.submit_args(mock, g.path) for g in specs] + [["progress", "--all", *site]] * 2
    procs = [H.start(args, H.child_env(state)) for args in commands]
    outs = []
    try:
        for proc in procs:
            out, _ = proc.communicate(timeout=H.RUN_TIMEOUT_S)
            outs.append(out)
    except subprocess.TimeoutExpired:
        pytest.fail("a parallel run did not finish")
    finally:
        for proc in procs:
            H.reap(proc)
    codes = [p.returncode for p in procs]
    assert codes == [0, 0, 0, 0], "\n----\n".join(outs)

    db = sqlite3.connect(state / "state.db")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for g in specs:
        [project] = H.named(mock, g.name)
        assert H.verdict(mock, g.path, g.name).complete
        row = db.execute("SELECT id, project_id, status FROM filings WHERE project_name=?", (g.name,)).fetchone()
        assert row is not None, g.name
        filing_id, project_id, status = row
        assert project_id == str(project["id"])
        assert status in (project["status"], project["status_label"])
        modules = {m for (m,) in db.execute("SELECT module FROM module_checkpoints WHERE filing_id=?", (filing_id,))}
        assert len(modules) == 8, modules
    checks = db.execute("SELECT id FROM checks WHERE scope='all' ORDER BY id").fetchall()
    assert len(checks) == 3  # the baseline and both parallel checks
    for (check_id,) in checks[1:]:
        count = db.execute("SELECT count(*) FROM snapshots WHERE check_id=?", (check_id,)).fetchone()[0]
        assert count <= len(specs)  # each saw what was on the site at its moment, no more
    db.close()
