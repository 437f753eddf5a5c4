"""A project's identity is not its name: a renamed spec files into the same project, found by the id in the
spec, by the id this machine recorded for the spec file, then by the title."""

from __future__ import annotations

import pytest

from autofiler.site.filing_display import NOT_ON_SITE
from tests.site.filing_support import SINGLE, copy_spec, edit_spec, mismatches, owned, run_cli, site_args

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("pi_password")]
OLD = "project_name: 超说明书使用利妥昔单抗治疗难治性肾病综合征的单中心研究"
NEW_NAME = "利妥昔单抗治疗难治性肾病综合征的单中心研究（伦理批件题目）"
NEW = f"project_name: {NEW_NAME}"


def every_project(mock) -> list[dict]:
    return mock.control("GET", "projects")  # type: ignore[return-value]


def test_a_returned_project_renamed_in_the_same_spec_is_resubmitted_not_duplicated(mock, capsys, tmp_path):
    spec = copy_spec(SINGLE, tmp_path)
    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(mock))
    assert code == 0, out
    [project] = every_project(mock)
    mock.control("POST", f"projects/{project['id']}/review",
                 {"decision": "return", "opinion": "项目名称须与伦理批件题目一致"})
    edit_spec(spec, OLD, NEW)

    code, out = run_cli(capsys, "plan", str(spec), "--detailed-exitcode", *site_args(mock))
    assert code == 2, out
    assert NOT_ON_SITE not in out
    assert f"project {project['id']}" in out and "项目名称" in out and NEW_NAME in out
    assert out.count("有待更新") == 1  # only 基本信息 differs

    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(mock))
    assert code == 0, out
    [again] = every_project(mock)
    assert again["id"] == project["id"]
    assert again["project_name"] == NEW_NAME and again["status"] == "academic_review"
    assert mismatches(again, spec) == []


def test_a_renamed_draft_is_the_same_draft(mock, capsys, tmp_path):
    spec = copy_spec(SINGLE, tmp_path)
    code, out = run_cli(capsys, "submit", str(spec), "--no-submit", *site_args(mock))
    assert code == 0, out
    [project] = owned(mock)
    edit_spec(spec, OLD, NEW)
    code, out = run_cli(capsys, "submit", str(spec), "--no-submit", *site_args(mock))
    assert code == 0, out
    [again] = owned(mock)
    assert again["id"] == project["id"] and again["project_name"] == NEW_NAME
    assert out.count("未变化，跳过") == 7  # the checkpoints of the other modules still count


def test_the_spec_s_site_project_id_finds_a_renamed_project_from_another_machine(mock, capsys, tmp_path,
                                                                                  monkeypatch):
    spec = copy_spec(SINGLE, tmp_path)
    code, out = run_cli(capsys, "submit", str(spec), "--no-submit", *site_args(mock))
    assert code == 0, out
    [project] = owned(mock)
    monkeypatch.setenv("AUTOFILER_STATE_DIR", str(tmp_path / "another-computer"))
    edit_spec(spec, OLD, NEW)
    text = spec.read_text(encoding="utf-8")
    spec.write_text(f"site_project_id: {project['id']}\n" + text, encoding="utf-8")
    code, out = run_cli(capsys, "submit", str(spec), "--no-submit", *site_args(mock))
    assert code == 0, out
    [again] = owned(mock)
    assert again["id"] == project["id"] and again["project_name"] == NEW_NAME


def test_a_site_project_id_that_is_not_on_the_site_creates_nothing(mock, capsys, tmp_path):
    spec = copy_spec(SINGLE, tmp_path)
    spec.write_text("site_project_id: 4242\n" + spec.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = run_cli(capsys, "submit", str(spec), "--no-submit", *site_args(mock))
    assert code == 1, out
    assert "4242" in out and "site_project_id" in out
    assert owned(mock) == []
