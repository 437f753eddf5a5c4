"""The genuine Element face of the mock (Vue 2.7 + Element UI 2.15) and an editor on it, for the widget tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from mock_site.launcher import RunningMock, launch
from tests.site.element.support import Editing, open_editor


@pytest.fixture(scope="module")
def genuine() -> Iterator[RunningMock]:
    """The Element face as shipped: CSS transitions on, a confirmation before 提交, a button per row."""
    with launch("--face", "sop-2020") as mock:
        yield mock


@pytest.fixture
def editing(browser: Browser, genuine: RunningMock) -> Iterator[Editing]:
    """A new project's editor on the genuine face, logged in as the demo PI."""
    genuine.reset()
    with open_editor(browser, genuine) as editing:
        yield editing
