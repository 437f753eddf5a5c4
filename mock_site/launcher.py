"""Start the mock registry as a real server process on a free port and talk to its control API.

The one way to run the mock from Python: the demo, the tests, the benchmarks and the screenshots use it.

    with launch("--face", "sop-2020") as mock:
        mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 10})
        mock.url, mock.projects()
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Self

ROOT = Path(__file__).resolve().parent.parent
START_S = 30
# The mock's seeded accounts (documented in the README; demo only).
DEMO_PI = {"phone": "13800000000", "password": "Demo@2025"}
ADMIN = {"phone": "13800000001", "password": "Admin@2025"}


class MockStartError(RuntimeError):
    """The mock did not start, or did not answer in time; the message carries its last error output."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningMock:
    """`python -m mock_site` as a child process: its address, its control API, and a clean stop."""

    def __init__(self, *flags: str, control: bool = True, db: str = ":memory:", start_s: float = START_S) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "mock_site", "--port", str(self.port), "--db", db, *flags]
        if control:
            cmd.append("--control")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._wait_ready(start_s)

    def _wait_ready(self, start_s: float) -> None:
        """Probe until the server answers; each pause is a wait on the child itself, so a mock that fails to
        start is noticed at once."""
        deadline = time.monotonic() + start_s
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/login", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                try:
                    self.proc.wait(timeout=0.05)
                except subprocess.TimeoutExpired:
                    continue
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                raise MockStartError(f"the mock registry did not start: {err.strip()[-800:]}") from None
        self.stop()
        raise MockStartError(f"the mock registry did not answer within {start_s:g} s")

    def control(self, method: str, path: str, body: dict | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"{self.url}/__mock__/{path.lstrip('/')}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            text = resp.read().decode()
        return json.loads(text) if text else None

    def projects(self) -> list[dict]:
        return self.control("GET", "projects")  # type: ignore[no-any-return]

    def reset(self) -> None:
        self.control("POST", "reset", {})

    def snapshot(self) -> bytes:
        """The mock's whole state (an SQLite database's bytes), to `restore` later, here or in another mock."""
        with urllib.request.urlopen(f"{self.url}/__mock__/snapshot", timeout=60) as resp:
            return resp.read()  # type: ignore[no-any-return]

    def restore(self, data: bytes) -> None:
        """Put back a snapshot's state; every session of the mock ends."""
        req = urllib.request.Request(f"{self.url}/__mock__/restore", data=data, method="POST",
                                     headers={"Content-Type": "application/vnd.sqlite3"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            resp.read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.proc.stderr:
            self.proc.stderr.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def launch(*flags: str, control: bool = True, db: str = ":memory:", start_s: float = START_S) -> RunningMock:
    """A started mock (use it in a `with` block, or call stop())."""
    return RunningMock(*flags, control=control, db=db, start_s=start_s)
