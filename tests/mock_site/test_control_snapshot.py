"""GET /__mock__/snapshot and POST /__mock__/restore: the mock's whole state out as SQLite bytes and back in,
on both faces, in memory and in a --db file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from mock_site.launcher import RunningMock, launch
from tests.mock_site.api_support import client, submitted_project
from tests.support import DEMO_PI


def state(mock: RunningMock) -> tuple[list, list, list]:
    return mock.projects(), mock.control("GET", "users"), mock.control("GET", "institutions")


def test_restore_gives_back_exactly_the_projects_users_and_attachments(tmp_path: Path) -> None:
    with launch("--face", "sop-2020", "--db", str(tmp_path / "mock.db")) as mock:
        owner, pid = submitted_project(mock)
        mock.control("POST", f"projects/{pid}/review", {"decision": "approve"})
        mock.control("POST", "users", {"phone": "13700000001", "password": "Other@2025", "name": "赵医生",
                                       "institution": "青山市人民医院"})
        file_id = owner.get(f"/api/projects/{pid}").json()["attachments"]["protocol"][0]["id"]
        before = state(mock)
        original = owner.get(f"/api/projects/{pid}/attachments/protocol/{file_id}").content
        data = mock.snapshot()
        assert data.startswith(b"SQLite format 3\x00")

        # later changes, then the snapshot back
        owner.post("/api/projects")  # a later project, gone again after the restore
        mock.reset()
        assert mock.projects() == []
        mock.restore(data)
        assert state(mock) == before
        assert before[0][0]["status"] == "ethics_review" and len(before[0][0]["timeline"]) == 2
        # sessions from before the restore are gone; logging in again reads the same files
        assert owner.get("/api/me").status_code == 401
        owner.close()
        again = client(mock)
        assert again.get(f"/api/projects/{pid}/attachments/protocol/{file_id}").content == original
        other = client(mock, "13700000001", "Other@2025")
        assert other.get("/api/me").json()["institution"] == "青山市人民医院"
        # a new project continues the numbering of the restored state
        assert again.post("/api/projects").json()["id"] == pid + 1
        again.close()
        other.close()
    # the --db file holds the restored state too (a file stays a file)
    db = sqlite3.connect(tmp_path / "mock.db")
    try:
        assert db.execute("SELECT count(*) FROM projects").fetchone()[0] == 2
    finally:
        db.close()


def test_the_live_face_restores_its_projects_and_a_snapshot_moves_between_mocks() -> None:
    with launch("--face", "live-2026") as first, launch("--face", "live-2026") as second:
        first.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 3, "participant": "示例医院"})
        before = state(first)
        assert {p["form"] for p in before[0]} == {"live-2026"}
        second.restore(first.snapshot())
        assert state(second) == before
        first.reset()
        assert first.projects() == []
        first.restore(second.snapshot())
        assert state(first) == before
        client(first).close()  # the restored accounts log in


@pytest.mark.parametrize("body", [b"", b"not a database", b"SQLite format 3\x00" + b"\x00" * 100])
def test_a_body_that_is_no_snapshot_is_refused_and_changes_nothing(body: bytes) -> None:
    with launch("--face", "sop-2020") as mock:
        mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 2})
        before = state(mock)
        r = httpx.post(f"{mock.url}/__mock__/restore", content=body, timeout=30)
        assert r.status_code == 400
        assert "快照" in r.json()["message"]
        assert state(mock) == before


def test_a_database_without_the_registry_tables_is_refused() -> None:
    other = sqlite3.connect(":memory:")
    other.execute("CREATE TABLE notes(text TEXT)")
    data = other.serialize()
    other.close()
    with launch("--face", "sop-2020") as mock:
        r = httpx.post(f"{mock.url}/__mock__/restore", content=data, timeout=30)
        assert r.status_code == 400
        assert r.json()["message"].startswith("快照缺少表")
        assert DEMO_PI["phone"] in [u["phone"] for u in mock.control("GET", "users")]
        assert mock.control("GET", "projects") == []


def test_snapshot_and_restore_need_the_control_api() -> None:
    with launch("--face", "sop-2020", control=False) as mock:
        assert httpx.get(f"{mock.url}/__mock__/snapshot", timeout=30).status_code == 404
        assert httpx.post(f"{mock.url}/__mock__/restore", content=b"x", timeout=30).status_code in (404, 405)
