"""Settings for the commands that talk to the registry, resolved from options, environment and config file.

Precedence for each setting: command-line option > environment variable > config file > built-in default.
The config file is TOML, `autofiler.toml` in the state folder unless `--config` names another:

    site = "default"            # a preset of the site map (default, sop) or an address
    user = "13800000000"
    captcha_cmd = "my-ocr"
    browser_path = "/usr/bin/chromium"
    channel = "msedge"
    selectors = "/path/to/registry.yaml"

    notify_after_failures = 3   # watch: tell the notify targets after this many failed checks in a row

    [[notify]]                  # targets for progress notifications; their fields belong to the notifier
    kind = "webhook"
    url = "https://example.org/hook"
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from autofiler import config_file
from autofiler.config_file import NOTIFY_AFTER_FAILURES
from autofiler.errors import ConfigError
from autofiler.paths import state_dir

ENV_SITE = "AUTOFILER_SITE"
ENV_USER = "AUTOFILER_USER"
ENV_BROWSER = "AUTOFILER_BROWSER"
CONFIG_NAME = "autofiler.toml"


@dataclass
class Settings:
    site: str
    user: str | None
    state_dir: Path
    selectors: Path | None = None
    browser_path: str | None = None
    channel: str | None = None
    headed: bool = False
    slowmo: int = 0
    captcha_cmd: str | None = None
    verbosity: int = 0
    notify: list[dict[str, Any]] = field(default_factory=list)
    config_path: Path | None = None
    notify_after_failures: int = NOTIFY_AFTER_FAILURES

    def require_user(self) -> str:
        if not self.user:
            raise ConfigError(
                "没有账号 / no login name: give --user, set AUTOFILER_USER, or put user = \"...\" in the config file"
            )
        return self.user

    @property
    def origin(self) -> str:
        return origin_of(self.site)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme, 0)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


def is_loopback(host: str) -> bool:
    if host in ("localhost",) or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def insecure_warning(url: str) -> str | None:
    """A warning text when a password would travel over plain HTTP to another machine."""
    parts = urlsplit(url)
    if parts.scheme == "http" and not is_loopback(parts.hostname or ""):
        return (
            f"警告：{parts.hostname} 使用未加密的 HTTP，密码将以明文发送 / warning: {parts.hostname} uses plain "
            "HTTP; the password travels unencrypted"
        )
    return None


def site_url(value: str, presets: dict[str, str]) -> str:
    """A preset name or an address, checked and without a trailing slash."""
    url = presets.get(value, value).strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        names = ", ".join(sorted(presets))
        raise ConfigError(
            f"站点地址无效 / site {value!r} is neither an http(s) address nor a preset ({names})",
        )
    return url.rstrip("/")


def _opt(args: Any, name: str) -> Any:
    return getattr(args, name, None)


def resolve(args: Any, env: dict[str, str] | None = None) -> Settings:
    """Settings from parsed arguments (any object with the _site_options attributes), env and config file."""
    from autofiler.site import sitemap

    env = dict(os.environ) if env is None else env
    directory = state_dir(_opt(args, "state_dir"))
    explicit = _opt(args, "config")
    config_path = Path(explicit) if explicit else directory / CONFIG_NAME
    cfg = config_file.read(config_path, explicit=bool(explicit))

    def pick(opt: str, env_name: str | None, key: str) -> Any:
        value = _opt(args, opt)
        if value not in (None, ""):
            return value
        if env_name and env.get(env_name):
            return env[env_name]
        return getattr(cfg, key)

    selectors = pick("selectors", None, "selectors")
    site_map = sitemap.load(selectors)
    site = pick("site", ENV_SITE, "site") or "default"
    channel = pick("channel", None, "channel")
    browser_path = pick("browser_path", ENV_BROWSER, "browser_path")
    if _opt(args, "channel") and not _opt(args, "browser_path"):
        browser_path = None  # a channel asked for on the command line beats a path from env or file
    user = pick("user", ENV_USER, "user")
    if channel not in (None, "chrome", "msedge"):  # a file's channel is checked when read; this is the option
        raise ConfigError(f"channel {channel!r}: use chrome or msedge")
    return Settings(
        site=site_url(str(site), site_map.presets),
        user=str(user).strip() or None if user else None,
        state_dir=directory,
        selectors=Path(selectors) if selectors else None,
        browser_path=browser_path,
        channel=channel,
        headed=bool(_opt(args, "headed") or cfg.headed),
        slowmo=int(_opt(args, "slowmo") or cfg.slowmo),
        captcha_cmd=pick("captcha_cmd", None, "captcha_cmd"),
        verbosity=int(_opt(args, "verbose") or 0),
        notify=list(cfg.notify),
        config_path=config_path if config_path.is_file() else None,
        notify_after_failures=cfg.notify_after_failures,
    )
