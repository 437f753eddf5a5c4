"""The shared policies with plain callables: busy retries, one fresh login, evidence; and 提交's state check
between busy answers."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from autofiler.errors import SessionExpired, SiteError
from autofiler.site.flows_element import element_submission
from autofiler.site.lists.list_json import ListJsonError
from autofiler.site.policies import BUSY_TRIES, SiteBusyError, keep_evidence, relogin_once, retry_busy


class Script:
    """An action that answers from a list: an exception is raised, anything else returned; it counts calls."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.calls = 0

    def __call__(self) -> Any:
        answer = self.answers[self.calls]
        self.calls += 1
        if isinstance(answer, BaseException):
            raise answer
        return answer


def test_busy_answers_are_retried_until_one_succeeds():
    action = Script(SiteBusyError("503"), SiteBusyError("503"), "done")
    reloads: list[int] = []
    assert retry_busy(action, before_retry=lambda: reloads.append(action.calls)) == "done"
    assert action.calls == 3
    assert reloads == [1, 2]  # before each new run, never after the last


def test_a_site_that_stays_busy_fails_after_the_named_number_of_tries():
    action = Script(*[SiteBusyError(f"try {n}") for n in range(BUSY_TRIES + 1)])
    reloads: list[int] = []
    with pytest.raises(SiteBusyError, match=f"try {BUSY_TRIES - 1}"):
        retry_busy(action, before_retry=lambda: reloads.append(1))
    assert action.calls == BUSY_TRIES
    assert len(reloads) == BUSY_TRIES - 1


def test_a_spent_retry_becomes_the_callers_error_with_the_same_message():
    action = Script(SiteBusyError("/api/projects: HTTP 503"), SiteBusyError("/api/projects: HTTP 502"))
    with pytest.raises(ListJsonError) as caught:
        retry_busy(action, tries=2, spent=ListJsonError)
    assert caught.value.message == "/api/projects: HTTP 502"
    assert not isinstance(caught.value, SiteBusyError)  # an outer retry does not run it again

    outer = Script(SiteBusyError("x"), SiteBusyError("x"))
    with pytest.raises(SiteError):
        retry_busy(lambda: retry_busy(outer, tries=2, spent=SiteError))
    assert outer.calls == 2


def test_an_error_that_is_not_busy_is_not_retried():
    action = Script(SiteError("refused"), "never")
    reloads: list[int] = []
    with pytest.raises(SiteError, match="refused"):
        retry_busy(action, before_retry=lambda: reloads.append(1))
    assert action.calls == 1 and reloads == []


class FakeSite:
    def __init__(self, on_login: bool = False) -> None:
        self.on_login = on_login
        self.logins = 0

    def on_login_page(self) -> bool:
        return self.on_login

    def login(self) -> None:
        self.logins += 1
        self.on_login = False


def test_an_expired_session_means_one_login_a_reopen_and_one_more_run():
    site = FakeSite()
    action = Script(SessionExpired("expired"), "filed")
    reopened: list[int] = []
    said: list[str] = []
    assert relogin_once(site, action, again=lambda: reopened.append(site.logins), say=said.append) == "filed"
    assert site.logins == 1 and reopened == [1]  # the reopen comes after the login
    assert said == ["登录已过期，重新登录 / session expired, logging in again"]


def test_a_session_that_expires_again_is_not_logged_in_a_second_time():
    site = FakeSite()
    action = Script(SessionExpired("first"), SessionExpired("second"), "never")
    with pytest.raises(SessionExpired, match="second"):
        relogin_once(site, action)
    assert site.logins == 1 and action.calls == 2


def test_a_page_error_counts_as_expiry_only_on_the_login_page():
    on_login = FakeSite(on_login=True)
    assert relogin_once(on_login, Script(PlaywrightError("timeout"), "ok")) == "ok"
    assert on_login.logins == 1

    elsewhere = FakeSite(on_login=False)
    with pytest.raises(PlaywrightError):
        relogin_once(elsewhere, Script(PlaywrightError("timeout"), "ok"))
    with pytest.raises(SiteError, match="refused"):
        relogin_once(elsewhere, Script(SiteError("refused"), "ok"))
    assert elsewhere.logins == 0


class EvidenceSite:
    def __init__(self, state_dir: Path, broken: bool = False) -> None:
        self.settings = SimpleNamespace(state_dir=state_dir)
        self.broken = broken
        self.trace = SimpleNamespace(end=lambda path: path.write_bytes(b"PK"))

    def screenshot(self, path: Path) -> Path:
        if self.broken:
            raise PlaywrightError("the browser is gone")
        path.write_bytes(b"\x89PNG")
        return path


def test_evidence_goes_to_one_run_folder_whose_path_is_said(tmp_path):
    site = EvidenceSite(tmp_path)
    said: list[str] = []
    first = keep_evidence(site, "basic_info", said.append)
    assert first is not None and first.parent == tmp_path / "runs"
    again = keep_evidence(site, "attachments", said.append, first)
    assert again == first
    assert sorted(p.name for p in first.iterdir()) == [
        "attachments-trace.zip", "attachments.png", "basic_info-trace.zip", "basic_info.png"]
    assert said == [f"  证据 / evidence: {first}"] * 2


def test_evidence_that_cannot_be_taken_does_not_hide_the_failure(tmp_path):
    said: list[str] = []
    keep_evidence(EvidenceSite(tmp_path, broken=True), "submit", said.append)  # no exception
    assert said == ["  (no screenshot or trace: Error)"]


class FakeEditor:
    """提交 answers from a script; the project's state moves as the script says."""

    def __init__(self, answers: list[Any], states: list[str]) -> None:
        self.site = SimpleNamespace(map=SimpleNamespace(editable_states=["draft"]))
        self.project_id = "7"
        self.submit = Script(*answers)
        self.states = states
        self.loads = 0

    def load(self) -> None:
        self.loads += 1


def _states(monkeypatch, editor: FakeEditor) -> list[str]:
    reads: list[str] = []

    def taken(_site: Any, _pid: str) -> tuple[str, str]:
        state = editor.states[min(len(reads), len(editor.states) - 1)]
        reads.append(state)
        return state, state

    monkeypatch.setattr(element_submission, "taken", taken)
    return reads


def test_a_busy_submit_that_the_site_took_anyway_is_not_clicked_again(monkeypatch):
    editor = FakeEditor([SiteBusyError("500"), None], ["academic_review"])
    _states(monkeypatch, editor)
    assert element_submission._submit_until_taken(editor) == ("academic_review", "academic_review")  # type: ignore[arg-type]
    assert editor.submit.calls == 1 and editor.loads == 0


def test_a_busy_submit_left_in_draft_is_reloaded_and_clicked_again(monkeypatch):
    editor = FakeEditor([SiteBusyError("500"), None], ["draft", "academic_review"])
    reads = _states(monkeypatch, editor)
    assert element_submission._submit_until_taken(editor)[0] == "academic_review"  # type: ignore[arg-type]
    assert editor.submit.calls == 2 and editor.loads == 1 and reads == ["draft", "academic_review"]


def test_a_submit_that_stays_busy_reads_the_state_each_time_and_gives_up(monkeypatch):
    editor = FakeEditor([SiteBusyError("500")] * BUSY_TRIES, ["draft"])
    reads = _states(monkeypatch, editor)
    with pytest.raises(SiteBusyError):
        element_submission._submit_until_taken(editor)  # type: ignore[arg-type]
    assert editor.submit.calls == BUSY_TRIES and len(reads) == BUSY_TRIES
    assert editor.loads == BUSY_TRIES - 1  # no reload after the last


def test_a_submit_answered_200_that_leaves_a_draft_is_reported(monkeypatch):
    editor = FakeEditor([None], ["draft"])
    _states(monkeypatch, editor)
    with pytest.raises(SiteError, match="did not take it"):
        element_submission._submit_until_taken(editor)  # type: ignore[arg-type]
    assert editor.submit.calls == 1


class Answers:
    """A page or request client whose answers carry the listed HTTP statuses, one per call."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses)
        self.calls = 0

    def __call__(self, *_args: Any, **_kw: Any) -> Any:
        status = self.statuses[self.calls]
        self.calls += 1
        return SimpleNamespace(status=status, json=lambda: {"rows": []})


def _list_site(answers: Answers) -> Any:
    return SimpleNamespace(page=SimpleNamespace(request=SimpleNamespace(get=answers)), url=lambda p: p)


def test_a_list_answer_that_stays_busy_sends_the_caller_to_the_pages():
    from autofiler.site.lists import list_json

    busy = Answers(*[503] * BUSY_TRIES)
    with pytest.raises(ListJsonError, match="^/api/projects: HTTP 503$"):
        list_json._get(_list_site(busy), "/api/projects", {})
    assert busy.calls == BUSY_TRIES
    once = Answers(502, 200)
    assert list_json._get(_list_site(once), "/api/projects", {}) == {"rows": []}
    assert once.calls == 2


def test_a_page_that_stays_busy_is_a_site_error_naming_the_status():
    from autofiler.site.session.site_session import Site

    site = object.__new__(Site)
    site.base_url = "http://site"
    site.page = SimpleNamespace(goto=Answers(*[500] * BUSY_TRIES))  # type: ignore[assignment]
    with pytest.raises(SiteError, match="HTTP 500 for /projects") as caught:
        site._goto("/projects")
    assert not isinstance(caught.value, SiteBusyError)  # a retry around the caller does not multiply it
    assert site.page.goto.calls == BUSY_TRIES  # type: ignore[attr-defined]
    site.page = SimpleNamespace(goto=Answers(503, 200))  # type: ignore[assignment]
    assert site._goto("/projects").status == 200  # type: ignore[union-attr]
