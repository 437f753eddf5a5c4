"""Running autofiler the way a user does (a child process) and judging what the mock registry ended up holding.

Shared by the reliability tests and `benchmarks/reliability.py`:

    run = run_cli(["submit", spec, "--yes", *site_args(server)], state=state, password=pw)
    filing = file_until_done(server, spec, state, max_runs=8)          # re-run until exit 0 (or give up)
    trial = crash_then_finish(server, spec, state, name, kill_after=7.5)  # SIGKILL once, then re-run
    readback_diff(project, spec)                                        # every field and PDF vs the spec
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mock_site.launcher import DEMO_PI, ROOT
from mock_site.launcher import RunningMock as MockServer

CHROMIUM = os.environ.get("AUTOFILER_BROWSER", "/usr/bin/chromium")

SUBMITTED = ("academic_review", "ethics_review", "institution_review", "published")
READ_ONLY = {"lead_unit"}  # filled in by the site from the PI's institution
RUN_TIMEOUT_S = 600


@dataclass
class Run:
    code: int | None  # None: killed by us
    out: str
    seconds: float
    argv: list[str] = field(default_factory=list)


def site_args(server: MockServer, user: str = DEMO_PI["phone"]) -> list[str]:
    return ["--site", server.url, "--user", user, "--browser-path", CHROMIUM]


def child_env(state: Path, password: str | None = DEMO_PI["password"], **extra: str) -> dict[str, str]:
    """The environment of an autofiler child: its own state folder, the password by env, unbuffered output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTOFILER_")}
    env.update(AUTOFILER_STATE_DIR=str(state), PYTHONUNBUFFERED="1", PYTHONPATH=str(ROOT))
    if password is not None:
        env["AUTOFILER_PASSWORD"] = password
    env.update(extra)
    return env


def command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "autofiler", *args]


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """autofiler in its own process group, so that its browser can be cleaned up after a SIGKILL."""
    return subprocess.Popen(command(args), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)


def reap(proc: subprocess.Popen[str]) -> None:
    """Kill what is left of a child's process group (the browser of a killed autofiler)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_cli(args: list[str], *, state: Path, password: str | None = DEMO_PI["password"],
            timeout: float = RUN_TIMEOUT_S, **extra: str) -> Run:
    started = time.monotonic()
    proc = start(args, child_env(state, password, **extra))
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        reap(proc)
        out, _ = proc.communicate()
        return Run(None, out + "\n[harness: timed out]", time.monotonic() - started, proc.args)
    finally:
        reap(proc)
    return Run(proc.returncode, out, time.monotonic() - started, proc.args)


# --- judging the mock's state ----------------------------------------------------------------------------

def sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _clean(value: Any) -> Any:
    """A stored or wanted value with empty optional parts left out (absent, null and "" all mean empty)."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v not in (None, "", [])}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def spec_values(spec: Path) -> dict[str, dict[str, Any]]:
    from autofiler.spec import load_valid

    return load_valid(spec).spec.site_values()


def readback_diff(project: dict[str, Any], spec: Path) -> list[str]:
    """Every field and attachment where what the mock stored differs from the spec; [] when all are equal.

    Independent of the driver's own comparison: the spec's site values against the control API's JSON.
    """
    want_all = spec_values(spec)
    out: list[str] = []
    for module, want in want_all.items():
        if module == "attachments":
            continue
        stored = project["modules"].get(module) or {}
        for key, value in want.items():
            if _clean(value) != _clean(stored.get(key)):
                out.append(f"{module}.{key}: spec {value!r} stored {stored.get(key)!r}")
        for key, value in stored.items():
            if key not in want and key not in READ_ONLY and _clean(value) not in (None, "", [], {}):
                out.append(f"{module}.{key}: not in the spec, stored {value!r}")
    for key, value in want_all["attachments"].items():
        paths = value if isinstance(value, list) else [value]
        wanted = sorted((Path(p).name, sha256(p)) for p in paths)
        stored_files = sorted((f["name"], f["sha256"]) for f in project["attachments"].get(key, []))
        if wanted != stored_files:
            out.append(f"attachments.{key}: spec {wanted} stored {stored_files}")
    return out


def field_count(spec: Path) -> int:
    values = spec_values(spec)
    files = values.pop("attachments")
    return sum(len(v) for v in values.values()) + sum(len(v) if isinstance(v, list) else 1 for v in files.values())


def named(server: MockServer, name: str, owner: str = DEMO_PI["phone"]) -> list[dict[str, Any]]:
    return [p for p in server.projects() if p["owner"] == owner and p["project_name"] == name]


def unnamed(server: MockServer, owner: str = DEMO_PI["phone"]) -> list[dict[str, Any]]:
    """Projects created but never given a name: a duplicate left by a run that died right after 新增."""
    return [p for p in server.projects() if p["owner"] == owner and not p["project_name"]]


@dataclass
class Verdict:
    """What the mock holds for one spec after a trial."""

    copies: int           # projects carrying the spec's name
    orphans: int          # unnamed projects of the owner (duplicates that never got a name)
    submitted: bool       # exactly one copy, in a review state, with exactly one 提交 event
    submits: int          # 提交 events on the copies
    lost: list[str]       # fields and files that differ from the spec

    @property
    def duplicates(self) -> int:
        return max(self.copies - 1, 0) + self.orphans

    @property
    def complete(self) -> bool:
        return self.copies == 1 and self.submitted and not self.lost and self.orphans == 0


def verdict(server: MockServer, spec: Path, name: str, owner: str = DEMO_PI["phone"], *,
            orphans_before: int = 0) -> Verdict:
    """The mock's state for one spec; `orphans_before` discounts unnamed projects that existed already."""
    copies = named(server, name, owner)
    submits = sum(1 for p in copies for e in p.get("timeline", []) if e["step"] == "提交")
    lost = readback_diff(copies[0], spec) if copies else ["the project is not on the site"]
    submitted = len(copies) == 1 and copies[0]["status"] in SUBMITTED and submits == 1
    orphans = len(unnamed(server, owner)) - orphans_before
    return Verdict(len(copies), orphans, submitted, submits, lost)


# --- trials ------------------------------------------------------------------------------------------------

RELOGIN = "重新登录"


@dataclass
class Filing:
    runs: list[Run]
    ok: bool
    refused_submitted: bool = False  # ended because the project was already submitted (see file_until_done)

    @property
    def relogins(self) -> int:
        return sum(r.out.count(RELOGIN) for r in self.runs)

    @property
    def busy_failures(self) -> int:
        """Runs that ended on the site's 'server busy' answer."""
        return sum(1 for r in self.runs if r.code not in (0, None) and "服务器繁忙" in r.out)


def submit_args(server: MockServer, spec: Path, *extra: str, user: str = DEMO_PI["phone"]) -> list[str]:
    return ["submit", str(spec), "--yes", *site_args(server, user), *extra]


def already_submitted(server: MockServer, name: str, owner: str = DEMO_PI["phone"]) -> bool:
    return any(p["status"] in SUBMITTED for p in named(server, name, owner))


def file_until_done(server: MockServer, spec: Path, state: Path, *, max_runs: int, name: str | None = None,
                    password: str = DEMO_PI["password"], user: str = DEMO_PI["phone"]) -> Filing:
    """`autofiler submit --yes` again and again until it exits 0, at most `max_runs` times.

    With `name`, a failed run after which the site shows the project under review ends the loop: a run that died
    after the site accepted 提交 leaves nothing to do, and every further run refuses the locked project.
    """
    runs: list[Run] = []
    for _ in range(max_runs):
        run = run_cli(submit_args(server, spec, user=user), state=state, password=password)
        runs.append(run)
        if run.code == 0:
            return Filing(runs, True)
        if name and run.code == 1 and already_submitted(server, name, user):
            return Filing(runs, False, refused_submitted=True)
    return Filing(runs, False)


def retries_used(filing: Filing, injected_errors: int) -> int:
    """Runs beyond the first, plus the site's 500s absorbed inside a run, plus fresh logins after an expiry.

    Each injected 500 was either retried inside the run or ended it; those that ended a run are already counted
    as a run beyond the first.
    """
    extra_runs = max(len(filing.runs) - 1, 0)
    in_run = max(injected_errors - filing.busy_failures, 0)
    return extra_runs + in_run + filing.relogins


@dataclass
class CrashTrial:
    killed_at: float | None  # seconds after start; None when the run ended before the kill
    first: Run
    filing: Filing


def crash_then_finish(server: MockServer, spec: Path, state: Path, name: str, *, kill_after: float,
                      max_runs: int) -> CrashTrial:
    """Start a filing, SIGKILL autofiler `kill_after` seconds later, then re-run it until it exits 0."""
    started = time.monotonic()
    proc = start(submit_args(server, spec), child_env(state))
    try:
        out, _ = proc.communicate(timeout=kill_after)
        killed_at = None
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)  # autofiler itself, as a crash would
        killed_at = time.monotonic() - started
        proc.wait()
        reap(proc)  # its browser and driver hold the output pipe open
        out, _ = proc.communicate()
    finally:
        reap(proc)
    first = Run(None if killed_at is not None else proc.returncode, out, time.monotonic() - started, proc.args)
    if first.code == 0:  # it finished before the kill: nothing to recover
        return CrashTrial(None, first, Filing([], True))
    return CrashTrial(killed_at, first, file_until_done(server, spec, state, max_runs=max_runs, name=name))


def exit_messages(run: Run) -> list[str]:
    """The `autofiler: ...` lines a failed run ended with (its clear message)."""
    return [line for line in run.out.splitlines() if re.match(r"^autofiler: ", line)]
