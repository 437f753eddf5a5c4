"""The notification outbox: a check puts its changes in the store's outbox first, one item per target; sending
marks an item sent. A failed send is reported and the item stays for the next run, so a change is never lost.
The outbox holds the changes and the target's name (with the account's site and user) only, never a URL or a
secret."""

from __future__ import annotations

import json

from autofiler import redact
from autofiler.notify_targets import Target
from autofiler.store import Store
from autofiler.tracking.changes import CheckResult
from autofiler.tracking.notify_delivery import NotifyError, send
from autofiler.tracking.notify_messages import payload


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
