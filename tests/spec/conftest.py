from __future__ import annotations

from pathlib import Path

import pytest

from tests.spec.helpers import copy_files


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder holding copies of the example PDFs under files/, where test specs are written."""
    copy_files(tmp_path)
    return tmp_path
