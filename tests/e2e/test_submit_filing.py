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


def test_the_filing_shows_each_step_and_each_module_as_it_is_done(mock, monkeypatch, capsys):
    """Without a terminal (-v): the steps and every module's saved line come out in the order they happen, each
    module's line before the next module is started, not all at the end."""
    mock.reset()
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "submit", str(MULTI), "--yes", "-v", *site_args(mock))
    assert code == 0, out
    lines = out.splitlines()

    def first(text: str) -> int:
        return next(n for n, line in enumerate(lines) if text in line)

    assert first("登录") < first("正在填写 基本信息") < first("✓ 基本信息") < first("正在填写 实施信息")
    assert first("上传") < first("核对 / reading back") < first("已保存并核对") < first("提交 / submitting")
    assert first("提交 / submitting") < first("已提交")
