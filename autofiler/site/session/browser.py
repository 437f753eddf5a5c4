"""Finding and launching the browser: the system's Chromium, Chrome or Edge, else Playwright's own download.

Order: --browser-path, --channel (chrome|msedge), AUTOFILER_BROWSER, the config file, then well-known install
paths for this platform. Launch flags keep the browser off the network except for the registry itself.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Playwright

from autofiler.config import Settings
from autofiler.errors import ConfigError

LAUNCH_ARGS = [
    "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
    "--disable-quic", "--disable-dev-shm-usage", "--no-default-browser-check",
]
LOCALE = "zh-CN"


def _candidates() -> list[str]:
    if sys.platform == "win32":
        roots = [os.environ.get(v, "") for v in ("PROGRAMFILES(X86)", "PROGRAMFILES", "LOCALAPPDATA")]
        rel = [r"Microsoft\Edge\Application\msedge.exe", r"Google\Chrome\Application\chrome.exe"]
        return [str(Path(r) / p) for p in rel for r in roots if r]
    if sys.platform == "darwin":
        return [
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
        ]
    found = [shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                                       "microsoft-edge")]
    return ["/usr/bin/chromium", *[f for f in found if f]]


@dataclass(frozen=True)
class BrowserChoice:
    executable: str | None  # None: Playwright's own browser (or the channel's)
    channel: str | None
    how: str  # where the choice came from, for doctor and error messages


def choose(settings: Settings) -> BrowserChoice:
    if settings.browser_path:
        path = settings.browser_path
        if not Path(path).is_file():
            raise ConfigError(f"浏览器不存在 / browser not found: {path}", hint="check --browser-path")
        return BrowserChoice(path, None, "browser path")
    if settings.channel:
        return BrowserChoice(None, settings.channel, f"channel {settings.channel}")
    for path in _candidates():
        if Path(path).is_file():
            return BrowserChoice(path, None, "found on this machine")
    return BrowserChoice(None, None, "Playwright's own Chromium")


def launch(pw: Playwright, settings: Settings) -> Browser:
    choice = choose(settings)
    try:
        return pw.chromium.launch(
            executable_path=choice.executable,
            channel=choice.channel,
            headless=not settings.headed,
            slow_mo=settings.slowmo or None,
            args=LAUNCH_ARGS,
        )
    except Exception as e:  # noqa: BLE001 - Playwright raises a plain Error with a long text
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ConfigError(
            f"浏览器无法启动 / the browser did not start ({choice.how}): {first}",
            hint="install Chromium, Chrome or Edge, or name one with --browser-path / AUTOFILER_BROWSER",
        ) from None
