"""Run `autofiler` as a user would: a separate process, the password from the environment."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support import CHROMIUM, DEMO_PI, ROOT, MockServer


def env_for(mock: MockServer, account: dict[str, str] = DEMO_PI, **extra: str) -> dict[str, str]:
    env = {**os.environ, "AUTOFILER_SITE": mock.url, "AUTOFILER_USER": account["phone"],
           "AUTOFILER_PASSWORD": account["password"], "AUTOFILER_BROWSER": CHROMIUM, **extra}
    return env


def autofiler(mock: MockServer, *args: str, account: dict[str, str] = DEMO_PI, timeout: float = 240,
              **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "autofiler", *args], cwd=ROOT, env=env_for(mock, account, **extra),
                          capture_output=True, text=True, timeout=timeout, check=False)


def popen(mock: MockServer, *args: str, account: dict[str, str] = DEMO_PI) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "autofiler", *args], cwd=ROOT, env=env_for(mock, account),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
