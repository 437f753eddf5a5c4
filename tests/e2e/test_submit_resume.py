"""Re-runs: nothing new on a second run, a stopped run resumes, an expired session is survived."""

from __future__ import annotations

import pytest

from autofiler.site.session import site_session as session_mod
from tests.site.filing_support import SINGLE, after_saves, mismatches, owned, run_cli, site_args
from tests.support import DEMO_PI

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("pi_password")]


def test_a_second_submit_files_nothing_new(mock, capsys, tmp_path, drafted_single):
    drafted_single.restore(mock, tmp_path / "state")  # the first `submit --no-submit`, and this machine's record
    first = owned(mock)
    assert len(first) == 1 and first[0]["status"] == "draft"
    code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", *site_args(mock))
    assert code == 0, out
    again = owned(mock)
    assert len(again) == 1 and again[0]["id"] == first[0]["id"]
    assert again[0]["updated_at"] == first[0]["updated_at"]  # no save reached the site
    assert out.count("未变化，跳过") == 8
    assert "已保存并核对" not in out


def test_a_run_stopped_by_failing_saves_resumes_without_a_duplicate(mock, capsys, tmp_path):
    with after_saves(3, lambda: mock.control("POST", "faults", {"error_rate": 1.0})):
        code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", *site_args(mock))
    assert code == 1
    assert "服务器繁忙" in out
    runs = list((tmp_path / "state" / "runs").iterdir())
    assert len(runs) == 1
    assert {p.suffix for p in runs[0].iterdir()} == {".png", ".zip"}
    assert str(runs[0]) in out
    assert len(owned(mock)) == 1

    mock.control("POST", "faults", {})
    code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", *site_args(mock))
    assert code == 0, out
    assert out.count("未变化，跳过") == 3  # the three modules saved before the failure
    assert out.count("已保存并核对") == 5
    projects = owned(mock)
    assert len(projects) == 1
    assert mismatches(projects[0], SINGLE) == []


def test_an_expired_session_in_the_middle_is_survived(mock, capsys, monkeypatch):
    logins = []
    original = session_mod.Site.login

    def login(self):
        if expiring:
            mock.control("POST", "faults", {})  # back to the normal lifetime once autofiler logs in again
            expiring.clear()
            logins.append(1)
        original(self)

    expiring: list[int] = []
    monkeypatch.setattr(session_mod.Site, "login", login)

    def expire_soon():
        expiring.append(1)
        mock.control("POST", "faults", {"session_ttl_s": 0.05})

    with after_saves(2, expire_soon):
        code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", *site_args(mock))
    assert code == 0, out
    assert logins == [1]
    projects = owned(mock)
    assert len(projects) == 1
    assert mismatches(projects[0], SINGLE) == []


def test_a_crash_right_after_creation_reuses_the_unnamed_project(mock, capsys, monkeypatch):
    from autofiler.filing import element_filer

    def boom(self):
        raise KeyboardInterrupt  # the run dies right after the project was created

    with monkeypatch.context() as m:
        m.setattr(element_filer.Filer, "run", boom)
        code, _ = run_cli(capsys, "submit", str(SINGLE), "--no-submit", *site_args(mock))
    assert code == 130
    created = owned(mock)
    assert len(created) == 1 and not created[0]["project_name"]
    code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", *site_args(mock))
    assert code == 0, out
    projects = owned(mock)
    assert [p["id"] for p in projects] == [created[0]["id"]]
    assert mismatches(projects[0], SINGLE) == []


def test_state_folder_keeps_no_password(mock, capsys, tmp_path):
    code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", *site_args(mock))
    assert code == 0, out
    state = tmp_path / "state"
    for path in state.rglob("*"):
        if path.is_file():
            assert DEMO_PI["password"].encode() not in path.read_bytes(), path
    cookies = list((state / "sessions").iterdir())
    assert cookies and all((p.stat().st_mode & 0o777) == 0o600 for p in cookies)


def test_a_busy_answer_to_an_upload_or_to_submit_is_retried_within_the_run(mock, capsys):
    mock.control("POST", "faults", {"fail_next": {"upload": 2, "submit": 1}})
    code, out = run_cli(capsys, "submit", str(SINGLE), "--yes", *site_args(mock))
    assert code == 0, out
    assert mock.control("GET", "faults")["injected"]["errors"] == 3
    [project] = owned(mock)
    assert project["status"] == "academic_review"
    assert mismatches(project, SINGLE) == []
