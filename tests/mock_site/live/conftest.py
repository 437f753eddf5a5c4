from __future__ import annotations

import pytest

from tests.support import MockServer


@pytest.fixture(scope="session")
def live_server():
    server = MockServer("--face", "live-2026", "--fast")
    yield server
    server.stop()


@pytest.fixture
def live(live_server):
    """The live-2026 mock, emptied to its demo accounts before the test."""
    live_server.reset()
    return live_server
