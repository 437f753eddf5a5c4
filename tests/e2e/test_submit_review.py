"""plan, 退回修改 and a project under review."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.site.filing_support import SINGLE, copy_spec, edit_spec, mismatches, owned, run_cli, site_args
from tests.snapshots import Filed

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("pi_password")]
OLD_FUNDING = "funding_source: 示例医院临床研究培育基金（项目编号 SLYY-2024-LC-017）"
NEW_FUNDING = "funding_source: 国家自然科学基金（82270001）"


def restored(mock, snapshot: Filed) -> None:
    """The single-center example as the driver left it, with this machine's record of that filing."""
    snapshot.restore(mock, Path(os.environ["AUTOFILER_STATE_DIR"]))


def test_plan_shows_a_changed_field_and_changes_nothing(mock, capsys, tmp_path, drafted_single):
    spec = copy_spec(SINGLE, tmp_path)
    code, out = run_cli(capsys, "plan", str(spec), "--detailed-exitcode", *site_args(mock))
    assert code == 2 and "submit" in out  # not on the site yet
    restored(mock, drafted_single)  # saved complete by `submit --no-submit`
    code, out = run_cli(capsys, "plan", str(spec), "--detailed-exitcode", *site_args(mock))
    assert code == 0 and "与规格一致" in out
    before = owned(mock)
    edit_spec(spec, OLD_FUNDING, NEW_FUNDING)
    code, out = run_cli(capsys, "plan", str(spec), *site_args(mock))
    assert code == 0
    assert "经费来源" in out and "国家自然科学基金（82270001）" in out and "示例医院临床研究培育基金" in out
    assert "实施信息" in out and out.count("有待更新") == 1
    assert owned(mock) == before


def test_a_returned_project_is_reused_and_resubmitted(mock, capsys, tmp_path, filed_single):
    spec = copy_spec(SINGLE, tmp_path)
    restored(mock, filed_single)
    [project] = owned(mock)
    mock.control("POST", f"projects/{project['id']}/review", {"decision": "return", "opinion": "请补充经费来源"})
    edit_spec(spec, OLD_FUNDING, NEW_FUNDING)
    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(mock))
    assert code == 0, out
    assert "退回修改" in out
    [again] = owned(mock)
    assert again["id"] == project["id"] and again["status"] == "academic_review"
    assert again["modules"]["implementation"]["funding_source"] == "国家自然科学基金（82270001）"
    assert mismatches(again, spec) == []
    assert out.count("未变化，跳过") == 7  # only 实施信息 changed


def test_a_project_under_review_is_left_alone_and_only_a_changed_spec_is_an_error(mock, capsys, tmp_path,
                                                                                   monkeypatch, filed_single):
    spec = copy_spec(SINGLE, tmp_path)
    restored(mock, filed_single)
    before = owned(mock)
    # the same spec again (a scheduled re-run, or one after a crash past 提交): nothing to do
    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(mock))
    assert code == 0, out
    assert "nothing to do" in out and "学术审查中" in out
    # an edited spec cannot go into a project under review: say so, with its state
    edit_spec(spec, OLD_FUNDING, NEW_FUNDING)
    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(mock))
    assert code == 1
    assert "学术审查中" in out and "cannot be edited" in out
    # a machine that did not file it does not claim it either
    monkeypatch.setenv("AUTOFILER_STATE_DIR", str(tmp_path / "elsewhere"))
    edit_spec(spec, NEW_FUNDING, OLD_FUNDING)
    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(mock))
    assert code == 1 and "cannot be edited" in out
    assert owned(mock) == before


def test_without_a_terminal_or_yes_it_stops_before_submitting(mock, capsys):
    code, out = run_cli(capsys, "submit", str(SINGLE), *site_args(mock))
    assert code == 5, out  # a script can tell "saved, not submitted" from "submitted"
    assert "--yes" in out
    [project] = owned(mock)
    assert project["status"] == "draft"
    assert mismatches(project, SINGLE) == []


def test_dry_run_creates_nothing(mock, capsys):
    code, out = run_cli(capsys, "submit", str(SINGLE), "--dry-run", *site_args(mock))
    assert code == 0, out
    assert "nothing done" in out
    assert owned(mock) == []


def test_dry_run_on_an_existing_project_fills_but_saves_nothing(mock, capsys, tmp_path, drafted_single):
    spec = copy_spec(SINGLE, tmp_path)
    restored(mock, drafted_single)  # saved complete by `submit --no-submit`
    before = owned(mock)
    edit_spec(spec, OLD_FUNDING, NEW_FUNDING)
    edit_spec(spec, "contact_name: ", "contact_name: 李")  # 招募信息 changes too: leaving a filled tab unsaved
    code, out = run_cli(capsys, "submit", str(spec), "--dry-run", *site_args(mock))
    assert code == 0, out
    assert out.count("已填写未保存") == 2
    assert "经费来源" in out and "国家自然科学基金（82270001）" in out
    assert "nothing was saved" in out
    assert owned(mock) == before
