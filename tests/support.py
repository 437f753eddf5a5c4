"""Test helpers: start the mock registry as a real server process and talk to its control API."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("AUTOFILER_BROWSER", "/usr/bin/chromium")
DEMO_PI = {"phone": "13800000000", "password": "Demo@2025"}
ADMIN = {"phone": "13800000001", "password": "Admin@2025"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MockServer:
    """`python -m mock_site` on a free port, with the control API on."""

    def __init__(self, *flags: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "mock_site", "--port", str(self.port), "--db", ":memory:", "--control", *flags]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(self.url + "/login", timeout=1).read()
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if self.proc.poll() is not None:
                    raise RuntimeError(f"mock did not start: {self.proc.stderr.read().decode()}") from None
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("mock did not answer within 20 s") from None
                time.sleep(0.05)

    def control(self, method: str, path: str, body: dict | None = None) -> object:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.url}/__mock__/{path.lstrip('/')}", data=data, method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            text = resp.read().decode()
        return json.loads(text) if text else None

    def projects(self) -> list[dict]:
        return self.control("GET", "projects")  # type: ignore[return-value]

    def reset(self) -> None:
        self.control("POST", "reset", {})

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
