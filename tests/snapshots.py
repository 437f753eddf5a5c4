"""A filed project for tests that need one but are not about filing: the sop-2020 single-center example is filed
by the driver once per test session, and each test gets it back from a snapshot of the mock (and of the local
state folder that filing wrote) instead of filing it again."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest

from tests.support import DEMO_PI, ROOT, RunningMock

SINGLE = ROOT / "specs" / "single-center.yaml"


@dataclass(frozen=True)
class Filed:
    """The single-center example as the driver left it: the mock's state and the local state folder."""

    mock_state: bytes
    local_state: Path
    project_id: int

    def restore(self, mock: RunningMock, state_dir: Path | None = None) -> int:
        """Put the filed project back on `mock` (and, if given, the local state that filed it into `state_dir`,
        the test's AUTOFILER_STATE_DIR); returns the project's id."""
        mock.restore(self.mock_state)
        if state_dir is not None:
            shutil.copytree(self.local_state, state_dir, dirs_exist_ok=True)
        return self.project_id


class _Env:
    """Environment variables set for a while and put back afterwards (a session fixture has no monkeypatch)."""

    def __init__(self, **values: str) -> None:
        self.values = values
        self.saved = {k: os.environ.get(k) for k in values}

    def __enter__(self) -> None:
        os.environ.update(self.values)

    def __exit__(self, *exc: object) -> None:
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _file(mock: RunningMock, state: Path, *how: str) -> None:
    from autofiler.main import main

    with _Env(AUTOFILER_STATE_DIR=str(state), AUTOFILER_PASSWORD=DEMO_PI["password"]):
        code = main(["submit", str(SINGLE), *how, "--site", mock.url, "--user", DEMO_PI["phone"]])
    assert code == 0, f"the driver did not file the single-center example ({' '.join(how)})"


@pytest.fixture(scope="session")
def single_filings(mock_server: RunningMock, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Filed]:
    """The single-center example saved by the driver (`--no-submit`: "draft"), then submitted ("filed")."""
    from tests.conftest import MemoryKeyring

    state = tmp_path_factory.mktemp("single-state")
    out: dict[str, Filed] = {}
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        mock_server.reset()
        for name, how, status in (("draft", "--no-submit", "draft"), ("filed", "--yes", "academic_review")):
            _file(mock_server, state, how)
            [project] = [p for p in mock_server.projects() if p["owner"] == DEMO_PI["phone"]]
            assert project["status"] == status
            kept = tmp_path_factory.mktemp(f"single-{name}-state")
            shutil.copytree(state, kept, dirs_exist_ok=True)
            out[name] = Filed(mock_server.snapshot(), kept, project["id"])
    finally:
        keyring.set_keyring(previous)
    return out


@pytest.fixture(scope="session")
def filed_single(single_filings: dict[str, Filed]) -> Filed:
    """The single-center example submitted by the driver (学术审查中)."""
    return single_filings["filed"]


@pytest.fixture(scope="session")
def drafted_single(single_filings: dict[str, Filed]) -> Filed:
    """The single-center example saved complete by the driver with `--no-submit` (草稿)."""
    return single_filings["draft"]
