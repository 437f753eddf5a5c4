"""Notification targets (generic JSON webhook, WeCom and DingTalk group robots, e-mail) and sending.

Targets come from `[[notify]]` tables of the config file. A check puts its changes in the store's outbox first,
one item per target; sending marks an item sent. A failed send is reported and the item stays for the next run,
so a change is never lost. The outbox holds the changes and the target's name (with the account's site and user)
only, never a URL or a secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import smtplib
import ssl
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote_plus, urlsplit

from autofiler import redact
from autofiler.errors import ConfigError

if TYPE_CHECKING:
    from autofiler.progress import CheckResult
    from autofiler.store import Store

SMTP_SERVICE = "autofiler-smtp"
ENV_SMTP_PASSWORD = "AUTOFILER_SMTP_PASSWORD"
KINDS = {
    "webhook": ({"url"}, {"headers"}),
    "wecom": ({"url"}, set()),
    "dingtalk": ({"url"}, {"secret"}),
    "email": ({"host", "to"}, {"port", "from", "user", "starttls", "cafile"}),
}
COMMON = {"kind", "name", "timeout"}
# The robots refuse longer messages (WeCom: 4096 bytes of markdown; DingTalk is more generous).
MAX_BYTES = {"wecom": 3800, "dingtalk": 18000}


class NotifyError(Exception):
    """A receiver refused or could not be reached."""


@dataclass
class Target:
    name: str
    kind: str
    options: dict[str, Any] = field(default_factory=dict)
    timeout: float = 15.0

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


def parse_targets(raw: list[dict[str, Any]]) -> list[Target]:
    """Targets from the config file's [[notify]] tables; a wrong one is an error naming its field."""
    targets: list[Target] = []
    for n, table in enumerate(raw, 1):
        where = f"notify[{n}]"
        kind = table.get("kind")
        if kind not in KINDS:
            raise ConfigError(f"config: {where}.kind must be one of {', '.join(KINDS)} (got {kind!r})")
        required, optional = KINDS[kind]
        unknown = sorted(set(table) - required - optional - COMMON)
        if unknown:
            allowed = ", ".join(sorted(required | optional | COMMON))
            raise ConfigError(f"config: {where}.{unknown[0]} is not a setting of a {kind} target",
                              hint=f"a {kind} target has: {allowed}")
        for key in sorted(required):
            if not table.get(key):
                raise ConfigError(f"config: {where}.{key} is missing (needed by a {kind} target)")
        options = {k: v for k, v in table.items() if k not in COMMON}
        if "url" in options:
            _check_url(options["url"], f"{where}.url")
        if kind == "email":
            options["to"] = [options["to"]] if isinstance(options["to"], str) else list(options["to"])
            if "starttls" in options and not isinstance(options["starttls"], bool):
                raise ConfigError(f"config: {where}.starttls must be true or false")
            if not isinstance(options.get("port", 25), int):
                raise ConfigError(f"config: {where}.port must be a number")
        timeout = table.get("timeout", 15)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
            raise ConfigError(f"config: {where}.timeout must be a number of seconds")
        name = str(table.get("name") or f"{kind}-{n}")
        if any(t.name == name for t in targets):
            raise ConfigError(f"config: {where}.name {name!r} is used twice")
        _register_secrets(options)
        targets.append(Target(name, kind, options, float(timeout)))
    return targets


def _check_url(url: Any, where: str) -> None:
    parts = urlsplit(str(url))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"config: {where} is not an http(s) address")


def _register_secrets(options: dict[str, Any]) -> None:
    # Robot URLs carry their key in the query; a DingTalk secret and header values are secrets too.
    if "url" in options:
        for _, value in parse_qsl(urlsplit(options["url"]).query):
            redact.register(value)
    redact.register(options.get("secret"))
    for value in (options.get("headers") or {}).values():
        redact.register(str(value))


# --- messages ---------------------------------------------------------------------------------------------

def payload(site: str, result: CheckResult) -> dict[str, Any]:
    """What is queued: the changes of one check, independent of the receiver."""
    return {"event": "autofiler.progress", "site": site, "scope": result.scope, "checked_at": result.checked_at,
            "changes": [c.to_dict() for c in result.changes]}


CHECK_FAILED = "autofiler.check_failed"


def site_down_payload(site: str, checked_at: str, failures: int, message: str) -> dict[str, Any]:
    """What is queued when `failures` checks in a row have failed (the site down, mostly)."""
    return {"event": CHECK_FAILED, "site": site, "scope": "watch", "checked_at": checked_at, "failures": failures,
            "message": message, "changes": []}


def title(data: dict[str, Any]) -> str:
    if data.get("event") == CHECK_FAILED:
        return f"备案进度检查连续 {data['failures']} 次失败 / {data['failures']} progress checks in a row failed"
    return f"备案进度有 {len(data['changes'])} 项变化 / {len(data['changes'])} progress changes"


def lines(data: dict[str, Any]) -> list[str]:
    from autofiler.progress import Change

    if data.get("event") == CHECK_FAILED:
        return [str(data.get("message", ""))]
    return [Change.from_dict(c).describe() for c in data["changes"]]


def markdown(data: dict[str, Any], max_bytes: int | None = None) -> str:
    head = f"### {title(data)}\n\n{data['site']} · {data['scope']} · {data['checked_at']}\n\n"
    body = ""
    items = lines(data)
    for n, line in enumerate(items):
        more = f"- {line}\n"
        if max_bytes and len((head + body + more).encode()) > max_bytes - 60:
            body += f"\n…另有 {len(items) - n} 项 / {len(items) - n} more\n"
            break
        body += more
    return head + body


def wecom_body(data: dict[str, Any]) -> dict[str, Any]:
    return {"msgtype": "markdown", "markdown": {"content": markdown(data, MAX_BYTES["wecom"])}}


def dingtalk_body(data: dict[str, Any]) -> dict[str, Any]:
    return {"msgtype": "markdown", "markdown": {"title": title(data), "text": markdown(data, MAX_BYTES["dingtalk"])}}


def dingtalk_url(url: str, secret: str | None, now_ms: int | None = None) -> str:
    """The robot address, signed when the robot has a signing secret (timestamp + HMAC-SHA256)."""
    if not secret:
        return url
    stamp = str(now_ms if now_ms is not None else int(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{stamp}\n{secret}".encode(), hashlib.sha256).digest()
    sign = quote_plus(base64.b64encode(digest).decode())
    return f"{url}{'&' if '?' in url else '?'}timestamp={stamp}&sign={sign}"


def email_message(target: Target, data: dict[str, Any]) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = title(data)
    msg["From"] = target.get("from") or target.get("user") or f"autofiler@{target.get('host')}"
    msg["To"] = ", ".join(target.get("to"))
    text = "\n".join(f"- {line}" for line in lines(data))
    msg.set_content(f"{data['site']} · {data['scope']} · {data['checked_at']}\n\n{text}\n")
    return msg


# --- sending ----------------------------------------------------------------------------------------------

def _post(target: Target, url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
    import httpx

    try:
        resp = httpx.post(url, json=body, headers=headers, timeout=target.timeout)
    except httpx.HTTPError as e:
        raise NotifyError(f"{type(e).__name__}: {e}") from None
    if resp.status_code // 100 != 2:
        raise NotifyError(f"HTTP {resp.status_code}: {resp.text[:200]}")
    return resp


def _robot(target: Target, url: str, body: dict[str, Any]) -> None:
    resp = _post(target, url, body)
    try:
        answer = resp.json()
    except json.JSONDecodeError:
        raise NotifyError(f"not a robot's answer: {resp.text[:200]}") from None
    if answer.get("errcode", 0) != 0:
        raise NotifyError(f"errcode {answer.get('errcode')}: {answer.get('errmsg')}")


def smtp_password(user: str) -> str | None:
    """Env first (scheduled jobs), then the keyring (service autofiler-smtp, the SMTP user name)."""
    secret = os.environ.get(ENV_SMTP_PASSWORD)
    if not secret:
        import keyring
        import keyring.errors

        try:
            secret = keyring.get_password(SMTP_SERVICE, user)
        except keyring.errors.KeyringError:
            secret = None
    redact.register(secret)
    return secret


def send_email(target: Target, data: dict[str, Any]) -> None:
    from autofiler.config import is_loopback

    host, user = str(target.get("host")), target.get("user")
    port = int(target.get("port", 25))
    starttls = target.get("starttls")  # None: when the server offers it
    with smtplib.SMTP(host, port, timeout=target.timeout) as smtp:
        smtp.ehlo()
        secure = False
        if starttls or (starttls is None and smtp.has_extn("starttls")):
            if not smtp.has_extn("starttls"):
                raise NotifyError(f"{host}:{port} does not offer STARTTLS (starttls = true)")
            # cafile: the private CA of an intranet mail server; the system's CAs otherwise
            smtp.starttls(context=ssl.create_default_context(cafile=target.get("cafile")))
            smtp.ehlo()
            secure = True
        if user:
            password = smtp_password(str(user))
            if not password:
                raise NotifyError(f"no SMTP password for {user}: set {ENV_SMTP_PASSWORD} or store it in the "
                                  f"keyring (service {SMTP_SERVICE})")
            if not secure and not is_loopback(host):
                raise NotifyError(f"refusing to send the SMTP password to {host} without TLS")
            smtp.login(str(user), password)
        smtp.send_message(email_message(target, data))


def send(target: Target, data: dict[str, Any]) -> None:
    if target.kind == "webhook":
        _post(target, target.get("url"), data, {str(k): str(v) for k, v in (target.get("headers") or {}).items()})
    elif target.kind == "wecom":
        _robot(target, target.get("url"), wecom_body(data))
    elif target.kind == "dingtalk":
        _robot(target, dingtalk_url(target.get("url"), target.get("secret")), dingtalk_body(data))
    elif target.kind == "email":
        try:
            send_email(target, data)
        except (smtplib.SMTPException, OSError) as e:
            raise NotifyError(f"{type(e).__name__}: {e}") from None


def outbox_key(account: str, target: Target | str) -> str:
    """The outbox's name of a target: the account's (site|user) and the target's name, so that runs for
    another account or with another config file never send what is not theirs."""
    return f"{account}|{target if isinstance(target, str) else target.name}"


def queue_changes(store: Store, targets: list[Target], account: str, site: str, result: CheckResult) -> None:
    data = payload(site, result)
    for target in targets:
        store.queue(outbox_key(account, target), data)


def send_pending(store: Store, targets: list[Target], account: str) -> list[str]:
    """Send every queued notification of this account; failures stay queued. Returns one message per failure."""
    by_key = {outbox_key(account, t): t for t in targets}
    prefix = outbox_key(account, "")
    errors: list[str] = []
    failed: set[str] = set()
    for item in store.pending():
        key = item["target"]
        if not key.startswith(prefix) or key in failed:
            continue  # another account's, or one failure per receiver and run is enough
        target = by_key.get(key)
        if target is None:
            failed.add(key)
            name = key[len(prefix):]
            errors.append(f"通知目标 {name} 已不在配置中，消息保留 / notification target {name} is no longer "
                          "configured; its messages stay in the outbox")
            continue
        try:
            send(target, json.loads(item["payload"]))
        except Exception as e:  # noqa: BLE001 - a failed notification must never lose the change
            reason = redact.scrub(str(e) if isinstance(e, NotifyError) else f"{type(e).__name__}: {e}")
            store.mark_failed(item["id"], reason)
            failed.add(key)
            errors.append(f"通知 {target.name} 发送失败，下次运行重试 / notification {target.name} failed, "
                          f"will retry on the next run: {reason}")
            continue
        store.mark_sent(item["id"])
    return errors
