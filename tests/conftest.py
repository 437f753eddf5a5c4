from __future__ import annotations

from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from tests.snapshots import (  # noqa: F401  (session fixtures: a filed project to restore)
    drafted_single,
    filed_single,
    single_filings,
)
from tests.support import CHROMIUM, DEMO_PI, MockServer

TESTS = Path(__file__).parent

BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(f"{service}/{username} not set")


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch, tmp_path):
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    # subprocesses get a file keyring in the test's own folder
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("AUTOFILER_STATE_DIR", str(tmp_path / "state"))
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def pi_password(monkeypatch):
    """The demo PI's password in the environment, as a schedule or CI would give it."""
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": BROWSER_ARGS}


@pytest.fixture(scope="session")
def mock_server():
    server = MockServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(mock_server):
    return mock_server.url


@pytest.fixture
def mock(mock_server):
    """The shared mock, emptied to its demo accounts before the test."""
    mock_server.reset()
    return mock_server


def pytest_collection_modifyitems(items):
    for item in items:
        parts = item.path.relative_to(TESTS).parts
        if parts[0] == "reliability":
            item.add_marker(pytest.mark.reliability)
        elif parts[0] == "e2e" or uses_pytest_playwright(item):
            item.add_marker(pytest.mark.e2e)
    # Once a test uses pytest-playwright (its `page` or `browser`), an asyncio loop lives for the rest of the
    # session, and autofiler's own sync Playwright, started in-process by later tests, refuses to run inside it.
    items.sort(key=uses_pytest_playwright)


def uses_pytest_playwright(item) -> bool:
    return "playwright" in getattr(item, "fixturenames", ())


@pytest.fixture(autouse=True)
def no_leaked_event_loop(request):
    """A test that leaves an asyncio loop running in this thread breaks every later in-process Playwright run
    ("Sync API inside the asyncio loop"); name the test that did it, not its victims."""
    import asyncio

    yield
    if not uses_pytest_playwright(request.node) and asyncio._get_running_loop() is not None:
        pytest.fail("this test left an asyncio event loop running in the main thread")
