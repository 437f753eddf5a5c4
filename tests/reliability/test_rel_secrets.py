"""A unique password, at the highest verbosity, through a filing, a progress check and a forced failure: it appears
nowhere autofiler writes (output, state folder, saved session, run folders, traces, screenshots, bug reports)
and in no process's command line."""

from __future__ import annotations

import os
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from autofiler.main import main
from tests.reliability import secrets_scan as S
from trials import harness as H
from trials import specgen

pytestmark = pytest.mark.e2e

PHONE = "13811112222"


def new_password() -> str:
    # spaces and URL/base64-significant characters make every encoded form differ from the raw one
    return f"Pw {secrets.token_hex(6)}/+=&%?#"


@dataclass
class Watched:
    run: H.Run
    argv: dict[int, bytes]      # pid -> command line, autofiler and every process below it
    environ: dict[int, bytes]   # pid -> environment, the processes below autofiler only


def watch(args: list[str], state: Path, password: str) -> Watched:
    """Run autofiler and sample the command lines and environments of it and every process below it."""
    proc = H.start(args, H.child_env(state, password))
    argv: dict[int, bytes] = {}
    environ: dict[int, bytes] = {}
    try:
        while True:
            for pid in [proc.pid, *S.descendants(proc.pid)]:
                argv[pid] = S.read_proc(pid, "cmdline") or argv.get(pid, b"")
                if pid != proc.pid:
                    environ[pid] = S.read_proc(pid, "environ") or environ.get(pid, b"")
            try:
                proc.wait(timeout=0.2)  # the sampling pace: the child's own end
                break
            except subprocess.TimeoutExpired:
                continue
        out = proc.stdout.read() if proc.stdout else ""
    finally:
        H.reap(proc)
    return Watched(H.Run(proc.returncode, out, 0.0, proc.args), argv, environ)


@pytest.fixture
def account(mock) -> dict[str, str]:
    password = new_password()
    mock.control("POST", "users", {"phone": PHONE, "password": password, "name": "李安全", "institution": "示例医院"})
    return {"phone": PHONE, "password": password}


def test_the_password_is_nowhere(mock, account, tmp_path):
    password = account["password"]
    state = tmp_path / "state"
    g = specgen.generate(401, tmp_path / "spec", "s")
    site = H.site_args(mock, PHONE)
    runs: list[H.Run] = []
    argv: list[bytes] = []

    seen = watch(["submit", str(g.path), "--no-submit", "-vvv", *site], state, password)
    assert seen.run.code == 0, seen.run.out
    runs.append(seen.run)
    argv += seen.argv.values()

    seen = watch(["progress", "--all", "-vvv", *site], state, password)
    assert seen.run.code == 0, seen.run.out
    runs.append(seen.run)
    argv += seen.argv.values()

    # A failure on purpose: a changed module whose saves all fail, so that a trace and a screenshot are kept.
    changed = g.path.read_text(encoding="utf-8").replace("data_management: ", "data_management: 已修改。", 1)
    g.path.write_text(changed, encoding="utf-8")
    mock.control("POST", "faults", {"error_rate": 1.0})
    seen = watch(["submit", str(g.path), "--yes", "-vvv", *site], state, password)
    mock.control("POST", "faults", {})
    assert seen.run.code == 1, seen.run.out
    runs.append(seen.run)
    argv += seen.argv.values()

    evidence = [p for p in (state / "runs").rglob("*") if p.is_file()]
    assert {p.suffix for p in evidence} >= {".png", ".zip"}, seen.run.out  # a trace and a screenshot were written
    found, looked_at = S.scan_tree(state, password)
    assert any("!" in where for where in looked_at)  # the trace's members were searched
    assert any(Path(p).parent.name == "sessions" for p in looked_at)  # the saved session too
    for i, r in enumerate(runs):
        found += S.hits(r.out.encode(), password, f"output of run {i + 1}")
    found += S.scan_tree(Path(os.environ["XDG_DATA_HOME"]), password)[0]  # the children's keyring folder
    for line in argv:
        found += S.hits(line, password, f"argv {line[:80]!r}")
    assert len(argv) > 6  # autofiler, its driver and the browser's processes were sampled
    assert found == []


def test_a_trace_around_a_fresh_login_holds_no_password(mock, account, tmp_path, monkeypatch, capsys):
    """The session expires in the middle of the filing, autofiler logs in again while tracing, then a module
    fails: the traces and screenshots kept after that login must not hold the password."""
    from autofiler.site.session import site_session as session_mod
    from tests.site.filing_support import after_saves

    logins: list[int] = []
    original = session_mod.Site.login

    def login(self):
        logins.append(1)
        if len(logins) == 2:  # the fresh login in the middle of the run: a normal session lifetime again
            mock.control("POST", "faults", {})
        original(self)
        if len(logins) == 2:  # and from now on every save fails
            mock.control("POST", "faults", {"error_rate": 1.0})

    monkeypatch.setattr(session_mod.Site, "login", login)
    monkeypatch.setenv("AUTOFILER_PASSWORD", account["password"])
    g = specgen.generate(403, tmp_path / "spec", "s")
    with after_saves(2, lambda: mock.control("POST", "faults", {"session_ttl_s": 0.05})):
        code = main(["submit", str(g.path), "--no-submit", "-vvv", *H.site_args(mock, PHONE)])
    out = capsys.readouterr()
    assert code == 1, out.out + out.err
    assert len(logins) == 2, out.out + out.err
    traces = list((tmp_path / "state" / "runs").rglob("*-trace.zip"))
    assert traces, out.out + out.err
    found, looked_at = S.scan_tree(tmp_path / "state", account["password"])
    assert len(looked_at) > len(traces)
    found += S.hits((out.out + out.err).encode(), account["password"], "console")
    assert found == []


def test_the_browser_does_not_inherit_the_password(mock, account, tmp_path):
    """AUTOFILER_PASSWORD is for autofiler alone: Playwright's driver and Chromium's processes never hold it."""
    seen = watch(["progress", "--all", *H.site_args(mock, PHONE)], tmp_path / "state", account["password"])
    assert seen.run.code == 0, seen.run.out
    assert seen.environ  # the driver and the browser were sampled
    found = [f"{pid} {S.read_cmd(seen.argv[pid])}: {hit}" for pid, blob in seen.environ.items()
             for hit in S.hits(blob, account["password"], "environ")]
    assert found == []


def test_a_bug_report_never_holds_the_password(mock, account, tmp_path, monkeypatch, capsys):
    """An unexpected error whose text quotes the password: the report and the console show it masked."""
    from autofiler.site.session import login_form

    def broken(page, site_map, user, password):
        raise RuntimeError(f"fill failed for value {password!r} in {user}")

    monkeypatch.setattr(login_form, "_fill_credentials", broken)
    monkeypatch.setenv("AUTOFILER_PASSWORD", account["password"])
    g = specgen.generate(402, tmp_path / "spec", "s")
    code = main(["submit", str(g.path), "--no-submit", *H.site_args(mock, PHONE)])
    out = capsys.readouterr()
    assert code == 3
    reports = list((tmp_path / "state" / "logs").glob("bug-report-*"))
    assert len(reports) == 1
    assert "fill failed" in reports[0].read_text(encoding="utf-8")
    found = S.scan_tree(tmp_path / "state", account["password"])[0]
    found += S.hits((out.out + out.err).encode(), account["password"], "console")
    assert found == []


def test_the_scan_finds_a_planted_password_in_every_form(tmp_path):
    """The search above can fail: each encoded form is found, inside a nested zip too."""
    import base64
    import io
    import zipfile
    from urllib.parse import quote

    password = new_password()
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("trace.network", b'{"postData":"' + base64.b64encode(b"xy" + password.encode()) + b'"}')
    with zipfile.ZipFile(tmp_path / "trace.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("nested.zip", inner.getvalue())
    (tmp_path / "log.txt").write_text(f"body=user%3D1%26pw%3D{quote(password, safe='')}", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("nothing here", encoding="utf-8")
    found, _ = S.scan_tree(tmp_path, password)
    where = {h.rsplit(": ", 1)[0].rsplit("/", 1)[1] for h in found}
    assert where == {"trace.zip!nested.zip!trace.network", "log.txt"}
    assert {"b64@2", "url"} <= {h.rsplit(": ", 1)[1] for h in found}
