"""Notification targets from the config file's `[[notify]]` tables, as typed models.

Each kind (generic webhook, WeCom and DingTalk group robots, e-mail over SMTP) is a pydantic model that forbids
unknown settings; a wrong table is a ConfigError naming `notify[n].<field>`, as spec findings name their path.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    TypeAdapter,
    ValidationError,
    field_validator,
)

from autofiler import redact
from autofiler.errors import ConfigError

Seconds = Annotated[StrictInt | StrictFloat, Field(gt=0)]


def _http_address(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("is not an http(s) address")
    return url


class _Target(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = None
    timeout: Seconds = 15.0

    def secrets(self) -> list[str]:
        return []

    def get(self, key: str, default: Any = None) -> Any:
        """A setting by its config-file name (`from` is a Python keyword, kept as `sender`)."""
        value = getattr(self, "sender" if key == "from" else key, None)
        return default if value is None else value


class _Robot(_Target):
    url: str

    _check_url = field_validator("url")(classmethod(lambda cls, v: _http_address(v)))

    def secrets(self) -> list[str]:
        # robot addresses carry their key in the query
        return [value for _, value in parse_qsl(urlsplit(self.url).query)]


class WebhookTarget(_Robot):
    kind: Literal["webhook"]
    headers: dict[str, str] = {}

    def secrets(self) -> list[str]:
        return super().secrets() + list(self.headers.values())


class WecomTarget(_Robot):
    kind: Literal["wecom"]


class DingtalkTarget(_Robot):
    kind: Literal["dingtalk"]
    secret: str | None = None  # the robot's signing secret

    def secrets(self) -> list[str]:
        return super().secrets() + ([self.secret] if self.secret else [])


class EmailTarget(_Target):
    kind: Literal["email"]
    host: str
    to: list[str]
    port: StrictInt = 25
    sender: str | None = Field(None, alias="from")
    user: str | None = None
    starttls: StrictBool | None = None  # None: when the server offers it
    cafile: str | None = None           # the private CA of an intranet mail server

    @field_validator("to", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v


Target = WebhookTarget | WecomTarget | DingtalkTarget | EmailTarget
KINDS = ("webhook", "wecom", "dingtalk", "email")
_ADAPTER: TypeAdapter[Target] = TypeAdapter(Annotated[Target, Field(discriminator="kind")])


def _problem(where: str, table: dict[str, Any], error: Any) -> ConfigError:
    kind = table.get("kind")
    loc = [str(part) for part in error["loc"] if part != kind]
    key = loc[0] if loc else "kind"
    if error["type"] == "union_tag_invalid" or key == "kind":
        return ConfigError(f"config: {where}.kind must be one of {', '.join(KINDS)} (got {kind!r})")
    if error["type"] == "extra_forbidden":
        model = {"webhook": WebhookTarget, "wecom": WecomTarget, "dingtalk": DingtalkTarget,
                 "email": EmailTarget}[kind]
        allowed = ", ".join(sorted(f.alias or k for k, f in model.model_fields.items()))
        return ConfigError(f"config: {where}.{key} is not a setting of a {kind} target",
                           hint=f"a {kind} target has: {allowed}")
    if error["type"] == "missing":
        return ConfigError(f"config: {where}.{key} is missing (needed by a {kind} target)")
    reason = str(error["msg"]).removeprefix("Value error, ")
    if key == "url":
        return ConfigError(f"config: {where}.url {reason}")
    wanted = {"timeout": "a number of seconds", "starttls": "true or false", "port": "a number"}.get(key)
    return ConfigError(f"config: {where}.{key} must be {wanted}" if wanted else f"config: {where}.{key}: {reason}")


def parse_targets(raw: list[dict[str, Any]]) -> list[Target]:
    """Targets from the config file's [[notify]] tables; a wrong one is an error naming its field. A target
    without a name is called `<kind>-<n>`; its secrets are registered for scrubbing."""
    targets: list[Target] = []
    for n, table in enumerate(raw, 1):
        where = f"notify[{n}]"
        if not isinstance(table, dict):
            raise ConfigError(f"config: {where} must be a table")
        if table.get("kind") in KINDS and not table.get("url", True):
            raise ConfigError(f"config: {where}.url is missing (needed by a {table['kind']} target)")
        try:
            target = _ADAPTER.validate_python(table)
        except ValidationError as e:
            raise _problem(where, table, e.errors()[0]) from None
        target = target.model_copy(update={"name": str(target.name or f"{target.kind}-{n}")})
        if any(t.name == target.name for t in targets):
            raise ConfigError(f"config: {where}.name {target.name!r} is used twice")
        for secret in target.secrets():
            redact.register(secret)
        targets.append(target)
    return targets
