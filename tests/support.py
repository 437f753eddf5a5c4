"""Test helpers: the mock registry as a real server process (started by mock_site.launcher), and the accounts."""

from __future__ import annotations

import os
from pathlib import Path

from mock_site.launcher import ADMIN, DEMO_PI, RunningMock, free_port

__all__ = ["ADMIN", "CHROMIUM", "DEMO_PI", "ROOT", "MockServer", "free_port"]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("AUTOFILER_BROWSER", "/usr/bin/chromium")


class MockServer(RunningMock):
    """The mock on a free port with the control API on; the sop-2020 face unless the flags name one."""

    def __init__(self, *flags: str) -> None:
        if not any(f == "--face" or f.startswith("--face=") for f in flags):
            flags = ("--face", "sop-2020", *flags)
        super().__init__(*flags)
