"""What a notification says: the queued payload of a check (or of failed checks in a row) and its rendering
for each kind of receiver (WeCom and DingTalk markdown within their size limits, e-mail text)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from email.message import EmailMessage
from typing import Any
from urllib.parse import quote_plus

from autofiler.notify_targets import EmailTarget
from autofiler.tracking.changes import Change, CheckResult

# The robots refuse longer messages (WeCom: 4096 bytes of markdown; DingTalk is more generous).
MAX_BYTES = {"wecom": 3800, "dingtalk": 18000}


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


def email_message(target: EmailTarget, data: dict[str, Any]) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = title(data)
    msg["From"] = target.sender or target.user or f"autofiler@{target.host}"
    msg["To"] = ", ".join(target.to)
    text = "\n".join(f"- {line}" for line in lines(data))
    msg.set_content(f"{data['site']} · {data['scope']} · {data['checked_at']}\n\n{text}\n")
    return msg
