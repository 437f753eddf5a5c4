"""Filing the shipped example specs on the mock registry, in a real browser, through the CLI."""

from __future__ import annotations

import pytest

from tests.site.filing_support import MULTI, SPECS, mismatches, owned, run_cli, site_args
from tests.support import DEMO_PI, MockServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def shuffled():
    server = MockServer("--shuffle-dom")
    yield server
    server.stop()


CASES = [pytest.param(spec, "plain", id=spec.stem) for spec in SPECS] + [
    pytest.param(MULTI, "shuffled", id="multi-center-shuffled-dom")]


@pytest.mark.parametrize(("spec", "dom"), CASES)
def test_example_spec_is_filed_and_stored_as_written(spec, dom, request, monkeypatch, capsys):
    server = request.getfixturevalue("mock" if dom == "plain" else "shuffled")
    server.reset()
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(server))
    assert code == 0, out
    projects = owned(server)
    assert len(projects) == 1
    project = projects[0]
    assert mismatches(project, spec) == []
    assert project["status"] == "academic_review"
    assert [e["step"] for e in project["timeline"]] == ["提交"]
    assert "已提交" in out and "学术审查中" in out
    assert out.count("已保存并核对") == 8  # every module saved and read back


def test_a_spec_with_errors_stops_before_any_browser_starts(tmp_path, mock, monkeypatch, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("basic_info:\n  project_nme: x\n", encoding="utf-8")
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "submit", str(bad), "--yes", *site_args(mock))
    assert code == 1
    assert "project_name" in out  # the suggestion for the misspelt key
    assert owned(mock) == []
