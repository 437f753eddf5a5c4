"""How a live-2026 submit ends when it cannot finish: a site that does not answer is exit 4; a failure in the
middle says what was saved, what was not, that 提交 did not happen and what to do next (in Chinese and English),
without the browser's own words; no terminal to confirm on is exit 5 after every tab was saved and verified."""

from __future__ import annotations

import pytest

from autofiler.commands import submit
from autofiler.errors import UNEXPECTED
from autofiler.site.filing_display import SUBMIT_NOT, SUBMIT_WORDS
from mock_site.launcher import free_port
from tests.e2e.live_support import live, run, server, spec_copy  # noqa: F401 - fixtures

pytestmark = pytest.mark.e2e


class Nowhere:
    url = f"http://127.0.0.1:{free_port()}"


def test_a_site_that_does_not_answer_is_exit_4_with_the_summary(tmp_path, capsys, pi_password):
    spec = spec_copy("single-center.yaml", tmp_path)
    code, out = run(submit.run, Nowhere, capsys, spec, yes=True)
    assert code == 4, out
    assert "站点无法访问 / the site does not answer" in out and Nowhere.url in out
    assert f"提交 / submit: {SUBMIT_WORDS[SUBMIT_NOT]}" in out
    assert UNEXPECTED not in out and "bug-report" not in out


def test_a_failed_upload_ends_with_what_was_saved_and_the_next_step(live, tmp_path, capsys):  # noqa: F811
    live.control("POST", "faults", {"fail_next": {"upload": 100}})
    spec = spec_copy("single-center.yaml", tmp_path)
    code, out = run(submit.run, live, capsys, spec, yes=True)
    assert code == 1, out
    assert "结果 / outcome:" in out
    assert "研究设计 › 研究分组信息" in out  # the first upload of this spec is a drug label in a group's row
    # the tabs saved before the failure are read back (one may have broken the next), so they count as verified
    assert "已保存并核对 / saved and verified: 研究类别、基本信息、实施信息、研究内容" in out
    assert "未保存 / not saved: 研究设计、" in out and "相关附件" in out
    assert f"提交 / submit: {SUBMIT_WORDS[SUBMIT_NOT]}" in out
    assert "下一步 / next:" in out
    assert "Timeout" not in out and "Page." not in out
    [project] = live.projects()
    assert project["status"] == "draft"


def test_no_terminal_to_confirm_on_is_exit_5_after_everything_is_verified(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("observational.yaml", tmp_path)
    code, out = run(submit.run, live, capsys, spec)  # stdin is not a terminal under pytest
    assert code == 5, out
    assert "stopped before 提交" in out and "--yes" in out
    assert "未核对" not in out
    [project] = live.projects()
    assert project["status"] == "draft"
