"""Filings on a faulty registry: 500s, latency, a short session lifetime and saves that silently drop a field.

Each filing is `autofiler submit --yes` re-run until it exits 0. A run that gives up must say why and exit 1; the
next run must resume the same project. In the end every spec is on the site once, submitted, field for field.
"""

from __future__ import annotations

import pytest

from autofiler.site.filing_display import SUBMIT_DONE, SUBMIT_WORDS
from trials import harness as H
from trials import specgen

pytestmark = pytest.mark.e2e

FAULTS = {"error_rate": 0.2, "latency_ms": [0, 1500], "session_ttl_s": 30, "drop_field_rate": 0.05}
SEEDS = (101, 102)  # a single-centre spec published on ChiCTR, a multi-centre one that is not
MAX_RUNS = 8


def test_readback_judge_sees_a_changed_field_and_a_changed_file(tmp_path):
    """The judge used below must be able to fail: a stored value or PDF that differs is reported."""
    g = specgen.generate(SEEDS[0], tmp_path, "judge")
    values = H.spec_values(g.path)
    files = values.pop("attachments")
    project = {"modules": values, "attachments": {
        key: [{"name": p.rsplit("/", 1)[-1], "sha256": H.sha256(p)} for p in (v if isinstance(v, list) else [v])]
        for key, v in files.items()}}
    assert H.readback_diff(project, g.path) == []
    project["modules"]["recruitment"]["age_max"] += 1
    project["attachments"]["protocol"][0]["sha256"] = "0" * 64
    del project["modules"]["basic_info"]["ethics_committee"]
    lost = H.readback_diff(project, g.path)
    assert [line.split(":")[0] for line in lost] == [
        "basic_info.ethics_committee", "recruitment.age_max", "attachments.protocol"]


def test_every_filing_ends_submitted_once_and_equal_to_its_spec(mock, tmp_path):
    specs = [specgen.generate(seed, tmp_path / f"spec{seed}", "f") for seed in SEEDS]
    assert {g.multi_center for g in specs} == {True, False}
    state = tmp_path / "state"
    injected = 0
    for g, seed in zip(specs, SEEDS, strict=True):
        mock.control("POST", "faults", {**FAULTS, "seed": seed})
        filing = H.file_until_done(mock, g.path, state, max_runs=MAX_RUNS, name=g.name)
        counts = mock.control("GET", "faults")["injected"]
        injected += counts["errors"] + counts["drops"]
        transcript = "\n----\n".join(r.out for r in filing.runs)
        assert filing.ok, f"{g.name} not filed in {MAX_RUNS} runs:\n{transcript}"
        for run, after in zip(filing.runs, filing.runs[1:], strict=False):
            # a run that gave up: exit 1 (never a crash), a clear last word, no claim of success
            assert run.code == 1, transcript
            assert H.exit_messages(run), run.out
            assert SUBMIT_WORDS[SUBMIT_DONE] not in run.out
            if "已新建项目" in run.out or "使用已有项目" in run.out:
                assert "使用已有项目" in after.out  # the next run resumes the same project
    assert injected > 0  # the faults really happened

    mock.control("POST", "faults", {})
    owned = [p for p in mock.projects() if p["owner"] == H.DEMO_PI["phone"]]
    assert len(owned) == len(SEEDS)
    for g in specs:
        verdict = H.verdict(mock, g.path, g.name)
        assert verdict.lost == [], g.name
        assert verdict.complete, verdict
