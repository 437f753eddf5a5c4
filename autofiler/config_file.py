"""The config file (`autofiler.toml`) as a typed model: every setting checked when the file is read, each wrong
one named with its key (and, for a notification target, `notify[n].<field>`), as spec findings are."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError, field_validator

from autofiler.errors import ConfigError

NOTIFY_AFTER_FAILURES = 3  # failed checks in a row before `watch` tells the notify targets


class ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    site: str | None = Field(None, description="a preset of the site map (default, sop) or an address")
    user: str | None = Field(None, description="the login name: the mobile number")
    captcha_cmd: str | None = Field(None, description="reads a captcha image on stdin, prints its text")
    browser_path: str | None = None
    channel: Literal["chrome", "msedge"] | None = None
    selectors: str | None = Field(None, description="a site map replacing the shipped one")
    headed: StrictBool = False
    slowmo: StrictInt = Field(0, ge=0, description="milliseconds added to every browser action")
    notify_after_failures: StrictInt = Field(NOTIFY_AFTER_FAILURES, ge=1,
                                             description="watch: failed checks in a row before the targets are told")
    notify: list[dict[str, Any]] = Field(default_factory=list, description="[[notify]] tables")

    @field_validator("user", mode="before")
    @classmethod
    def _number_is_text(cls, v: Any) -> Any:
        # `user = 13800000000` without quotes is a TOML integer; it is still the login name
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


WANTED = {
    "notify_after_failures": "a whole number of at least 1",
    "notify": "a list of tables ([[notify]])",
    "headed": "true or false",
    "slowmo": "a whole number of milliseconds (0 or more)",
    "channel": "chrome or msedge",
}


def _problem(path: Path, error: Any) -> ConfigError:
    key = str(error["loc"][0]) if error["loc"] else "?"
    if error["type"] == "extra_forbidden":
        return ConfigError(f"config file {path}: unknown setting {key}",
                           hint="known settings: " + ", ".join(sorted(ConfigFile.model_fields)))
    wanted = WANTED.get(key, "text")
    return ConfigError(f"config file {path}: {key} must be {wanted}")


def read(path: Path, *, explicit: bool) -> ConfigFile:
    """The file's settings; an absent file is the defaults unless it was named on purpose."""
    if not path.is_file():
        if explicit:
            raise ConfigError(f"配置文件不存在 / config file not found: {path}")
        return ConfigFile()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"配置文件无法解析 / config file {path} is not valid TOML: {e}") from None
    try:
        config = ConfigFile.model_validate(data)
    except ValidationError as e:
        raise _problem(path, e.errors()[0]) from None
    from autofiler.notify_targets import parse_targets

    try:
        parse_targets(config.notify)  # a wrong target is found when the file is read, not at the first change
    except ConfigError as e:
        raise ConfigError(f"config file {path}: {e.message.removeprefix('config: ')}", hint=e.hint) from None
    return config
