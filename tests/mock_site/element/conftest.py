"""Mock servers of the Element face for the browser tests in this folder."""

from __future__ import annotations

import pytest

from tests.support import MockServer


@pytest.fixture(scope="session")
def element_server():
    server = MockServer("--face", "sop-2020")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(element_server):
    return element_server.url


@pytest.fixture
def element(element_server):
    """The Element face's server, emptied to its demo accounts before the test."""
    element_server.reset()
    return element_server
