"""Sending one notification to one target: an HTTP POST for webhooks and robots, SMTP (with STARTTLS) for
e-mail. A receiver that refuses or cannot be reached raises NotifyError."""

from __future__ import annotations

import json
import os
import smtplib
import ssl
from typing import Any

from autofiler import redact
from autofiler.notify_targets import DingtalkTarget, EmailTarget, Target, WebhookTarget, WecomTarget
from autofiler.tracking import notify_messages as messages

SMTP_SERVICE = "autofiler-smtp"
ENV_SMTP_PASSWORD = "AUTOFILER_SMTP_PASSWORD"


class NotifyError(Exception):
    """A receiver refused or could not be reached."""


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


def send_email(target: EmailTarget, data: dict[str, Any]) -> None:
    from autofiler.config import is_loopback

    host, port, user = target.host, target.port, target.user
    with smtplib.SMTP(host, port, timeout=target.timeout) as smtp:
        smtp.ehlo()
        secure = False
        if target.starttls or (target.starttls is None and smtp.has_extn("starttls")):
            if not smtp.has_extn("starttls"):
                raise NotifyError(f"{host}:{port} does not offer STARTTLS (starttls = true)")
            smtp.starttls(context=ssl.create_default_context(cafile=target.cafile))
            smtp.ehlo()
            secure = True
        if user:
            password = smtp_password(user)
            if not password:
                raise NotifyError(f"no SMTP password for {user}: set {ENV_SMTP_PASSWORD} or store it in the "
                                  f"keyring (service {SMTP_SERVICE})")
            if not secure and not is_loopback(host):
                raise NotifyError(f"refusing to send the SMTP password to {host} without TLS")
            smtp.login(user, password)
        smtp.send_message(messages.email_message(target, data))


def send(target: Target, data: dict[str, Any]) -> None:
    if isinstance(target, WebhookTarget):
        _post(target, target.url, data, dict(target.headers))
    elif isinstance(target, WecomTarget):
        _robot(target, target.url, messages.wecom_body(data))
    elif isinstance(target, DingtalkTarget):
        _robot(target, messages.dingtalk_url(target.url, target.secret), messages.dingtalk_body(data))
    elif isinstance(target, EmailTarget):
        try:
            send_email(target, data)
        except (smtplib.SMTPException, OSError) as e:
            raise NotifyError(f"{type(e).__name__}: {e}") from None
