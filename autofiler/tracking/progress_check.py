"""The progress check: read what the registry shows, compare it with the last check of the same scope, record
it, and queue and send notifications for what changed.

Scopes: `all` (every project the account sees), `subcenters` (the 分中心项目 view) and `ids:<id>,<id>` (named
projects).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from autofiler.errors import BusyError, ConfigError, SiteError
from autofiler.notify_targets import parse_targets
from autofiler.site.lists.progress_page import Project
from autofiler.spec.title import title_of
from autofiler.store import Store
from autofiler.tracking import notify_messages, outbox
from autofiler.tracking.changes import CheckResult, carry_opinions, record

if TYPE_CHECKING:
    from autofiler.config import Settings
    from autofiler.site.session.site_session import Site

# How long a second check waits for the first one; a scheduler should not pile up runs behind a stuck one.
ENV_LOCK_WAIT = "AUTOFILER_LOCK_WAIT"
LOCK_WAIT_S = 300.0


def lock_wait() -> float:
    value = os.environ.get(ENV_LOCK_WAIT)
    try:
        return float(value) if value else LOCK_WAIT_S
    except ValueError:
        raise ConfigError(f"{ENV_LOCK_WAIT}={value!r}: seconds expected") from None



# --- what to check ------------------------------------------------------------------------------------------

@dataclass
class Request:
    all: bool = False
    subcenters: bool = False
    targets: list[str] = field(default_factory=list)
    opinions: bool = False
    history: bool = False  # also give each project's states as the recorded checks saw them (the HTML page)

    @classmethod
    def from_args(cls, args: Any) -> Request:
        req = cls(all=bool(args.all), subcenters=bool(args.subcenters), targets=list(args.targets or []),
                  opinions=bool(getattr(args, "opinions", False)), history=getattr(args, "format", "") == "html")
        modes = sum([req.all, req.subcenters, bool(req.targets)])
        if modes == 0:
            raise ConfigError("请指定项目、--all 或 --subcenters / name projects (SPEC or ID), --all or --subcenters")
        if modes > 1:
            raise ConfigError("SPEC_OR_ID、--all 与 --subcenters 只能选一 / use one of SPEC_OR_ID, --all, --subcenters")
        return req


_ID = re.compile(r"[A-Za-z0-9_-]+")


def split_targets(targets: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Site ids as given, and (spec path, project name) for spec files."""
    ids: list[str] = []
    specs: list[tuple[str, str]] = []
    for t in targets:
        path = Path(t)
        if path.suffix.lower() in (".yaml", ".yml") or path.is_file():
            specs.append((t, title_of(path)))
        elif _ID.fullmatch(t):
            ids.append(t)
        else:
            raise ConfigError(f"{t}: 既不是描述文件也不是项目编号 / neither a spec file nor a project id")
    return ids, specs


def _natural(text: str) -> tuple[int, str]:
    return (int(text), "") if text.isdigit() else (sys.maxsize, text)


def scope_of(request: Request, ids: list[str]) -> str:
    if request.all:
        return "all"
    if request.subcenters:
        return "subcenters"
    return "ids:" + ",".join(sorted(set(ids), key=_natural))


# --- the check --------------------------------------------------------------------------------------------

@contextlib.contextmanager
def account_lock(store: Store, name: str, wait: float, err: TextIO) -> Iterator[None]:
    """The lock of this account's checks: take it at once, or say so and wait up to `wait` seconds."""
    stack = contextlib.ExitStack()
    try:
        stack.enter_context(store.lock(name, timeout=0))
    except BusyError:
        print(f"autofiler: 另一个进度检查正在运行，等待最多 {wait:g} 秒 / another check is running, "
              f"waiting up to {wait:g} s", file=err)
        stack.enter_context(store.lock(name, timeout=wait))
    with stack:
        yield


def read_projects(site: Site, store: Store, settings: Settings, request: Request,
                  ids: list[str], specs: list[tuple[str, str]]) -> tuple[str, list[Project]]:
    from autofiler.site.lists import list_reading
    from autofiler.site.lists import progress_page as reader

    if request.all or request.subcenters:
        scope = scope_of(request, [])
        projects = list_reading.ListReader(site).read(list_reading.list_menu(site, subcenters=request.subcenters))
        if request.opinions:
            # only the returned projects whose row moved since their opinion was last read
            carry_opinions(store.last_check(settings.site, settings.require_user(), scope), projects)
            for p in projects:
                if p.status == "returned" and not p.opinion_read:
                    p.opinion, p.opinion_read = reader.read_timeline(site, p.id).opinion, True
        return scope, projects
    ids = list(ids)
    if specs:
        ids += _resolve_names(site, store, settings, specs)
    return scope_of(request, ids), [reader.read_timeline(site, pid) for pid in dict.fromkeys(ids)]


def _resolve_names(site: Site, store: Store, settings: Settings, specs: list[tuple[str, str]]) -> list[str]:
    """Project ids of spec files: the one submit recorded for the file (or the name), else the project of that
    name in the list."""
    from autofiler.site.lists import list_reading

    found: list[str] = []
    listed: list[Project] | None = None
    for path, name in specs:
        filing = store.filing(settings.site, settings.user, name)
        recorded = store.spec_project(settings.site, settings.require_user(), path)  # survives a rename
        if recorded or (filing and filing.project_id):
            found.append(recorded or filing.project_id)  # type: ignore[union-attr]
            continue
        if listed is None:
            listed = list_reading.ListReader(site).read(list_reading.list_menu(site, subcenters=False))
        matches = [p.id for p in listed if p.project_name == name]
        if not matches:
            raise SiteError(f"{path}: 项目列表中没有「{name}」/ no project of this name in the list",
                            hint="submit it first, or give the project id")
        if len(matches) > 1:
            raise SiteError(f"{path}: 有 {len(matches)} 个同名项目 / several projects have this name: "
                            f"{', '.join(matches)}", hint="give the project id instead")
        found.append(matches[0])
    return found


def record_failure(settings: Settings, message: str, *, send: bool = True) -> tuple[int, list[str]]:
    """Record a check that failed; when it makes `notify_after_failures` in a row, tell the notify targets.
    Returns the failures in a row and the notification errors."""
    from autofiler.store import now

    user = settings.require_user()
    targets = parse_targets(settings.notify)
    account = f"{settings.site}|{user}"
    with Store(settings.state_dir) as store:
        failures = store.record_failure(settings.site, user, message)
        if failures == settings.notify_after_failures and targets:
            data = notify_messages.site_down_payload(settings.site, now(), failures, message)
            for target in targets:
                store.queue(outbox.outbox_key(account, target), data)
        errors = outbox.send_pending(store, targets, account) if send else []
    return failures, errors


def check(settings: Settings, request: Request, *, send: bool = True, wait_s: float | None = None,
          err: TextIO | None = None) -> CheckResult:
    """One check: lock, read, compare, record, queue notifications, send what is pending."""
    from autofiler.site.session.site_session import open_site

    targets = parse_targets(settings.notify)
    ids, specs = split_targets(request.targets)
    user = settings.require_user()
    with Store(settings.state_dir) as store:
        wait = lock_wait() if wait_s is None else wait_s
        with account_lock(store, f"progress:{settings.site}:{user}", wait, err or sys.stderr):
            with open_site(settings) as site:
                scope, projects = read_projects(site, store, settings, request, ids, specs)
            result = record(store, settings.site, user, scope, projects)
            if request.history:
                result.history = store.state_history(settings.site, user, scope)
            account = f"{settings.site}|{user}"
            if result.changes:
                outbox.queue_changes(store, targets, account, settings.site, result)
            if send:
                result.notify_errors = outbox.send_pending(store, targets, account)
    return result
