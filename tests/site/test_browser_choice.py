from __future__ import annotations

import pytest

from autofiler.config import Settings
from autofiler.errors import ConfigError
from autofiler.site.session import browser


def settings(tmp_path, **kw):
    return Settings(site="http://127.0.0.1:9", user="u", state_dir=tmp_path, **kw)


def test_a_named_path_must_exist(tmp_path):
    with pytest.raises(ConfigError, match="browser not found"):
        browser.choose(settings(tmp_path, browser_path=str(tmp_path / "nope")))
    exe = tmp_path / "chrome"
    exe.write_text("")
    assert browser.choose(settings(tmp_path, browser_path=str(exe))).executable == str(exe)


def test_a_channel_is_passed_to_playwright(tmp_path):
    choice = browser.choose(settings(tmp_path, channel="msedge"))
    assert choice.channel == "msedge" and choice.executable is None


def test_the_first_installed_candidate_or_playwrights_own(tmp_path, monkeypatch):
    installed = tmp_path / "chromium"
    installed.write_text("")
    monkeypatch.setattr(browser, "_candidates", lambda: [str(tmp_path / "absent"), str(installed)])
    assert browser.choose(settings(tmp_path)).executable == str(installed)
    monkeypatch.setattr(browser, "_candidates", lambda: [str(tmp_path / "absent")])
    fallback = browser.choose(settings(tmp_path))
    assert fallback.executable is None and fallback.channel is None and "Playwright" in fallback.how


def test_closed_network_launch_flags():
    for flag in ("--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync", "--disable-quic"):
        assert flag in browser.LAUNCH_ARGS
    assert browser.LOCALE == "zh-CN"
