"""`watch` when the site does not answer: each failed check is recorded, the watch goes on with a growing wait,
and after several failures in a row the notify targets hear about it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from autofiler.commands.watch import next_wait
from autofiler.errors import UNEXPECTED
from autofiler.store import Store
from tests.support import CHROMIUM, DEMO_PI, ROOT, MockServer, free_port
from tests.tracking.receivers import HttpReceiver


def test_the_wait_after_failures_grows_and_is_capped_by_the_interval():
    every = 6 * 3600
    waits = [next_wait(every, failures) for failures in range(12)]
    assert waits[0] == every  # no failure: the interval
    assert waits[1] < waits[2] < waits[3] < waits[4]  # growing
    assert max(waits) == every and waits[-1] == every  # capped
    assert next_wait(10, 1) <= 10


def test_failures_in_a_row_count_from_the_last_good_check(tmp_path):
    with Store(tmp_path) as store:
        assert store.record_failure("s", "u", "down") == 1
        assert store.record_failure("s", "u", "down") == 2
        store.record_check("s", "u", "all", [])
        assert store.failures_in_a_row("s", "u") == 0
        assert store.record_failure("s", "u", "down") == 1
        assert store.failures_in_a_row("s", "other") == 0


def watch(site: str, state: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "AUTOFILER_SITE": site, "AUTOFILER_USER": DEMO_PI["phone"],
           "AUTOFILER_PASSWORD": DEMO_PI["password"], "AUTOFILER_BROWSER": CHROMIUM,
           "AUTOFILER_STATE_DIR": str(state)}
    return subprocess.Popen([sys.executable, "-m", "autofiler", "watch", "--all", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def receiver():
    r = HttpReceiver([(200, {})])
    yield r
    r.close()


@pytest.mark.e2e
def test_watch_keeps_going_on_a_site_nothing_listens_on_and_notifies_once(tmp_path, receiver):
    state = tmp_path / "state"
    state.mkdir()
    (state / "autofiler.toml").write_text(
        f'notify_after_failures = 2\n\n[[notify]]\nkind = "webhook"\nurl = "{receiver.url}/hook"\n',
        encoding="utf-8")
    site = f"http://127.0.0.1:{free_port()}"
    proc = watch(site, state, "--every", "1s", "--times", "3")
    _out, err = proc.communicate(timeout=240)
    assert proc.returncode == 4, err
    assert err.count("failed") >= 3 and "check 3" in err and site in err
    assert UNEXPECTED not in err and list(state.rglob("bug-report-*")) == []
    [alert] = [r.body for r in receiver.received]
    assert alert["event"] == "autofiler.check_failed" and alert["failures"] == 2 and site in alert["message"]
    with Store(state) as store:
        assert store.failures_in_a_row(site, DEMO_PI["phone"]) == 3


@pytest.mark.e2e
def test_watch_survives_the_site_stopping_mid_run(tmp_path):
    own = MockServer()
    try:
        own.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 2})
        proc = watch(own.url, tmp_path / "state", "--every", "1s", "--times", "3")
        assert proc.stdout is not None
        for line in proc.stdout:  # the first check is done once its result is printed
            if "baseline" in line:
                break
        own.stop()
        _out, err = proc.communicate(timeout=240)
    finally:
        own.stop()
    assert proc.returncode == 4, err
    assert "check 2" in err and "check 3" in err and "does not answer" in err
    assert UNEXPECTED not in err and "Traceback" not in err


@pytest.mark.e2e
def test_progress_on_a_site_that_does_not_answer_exits_4_without_a_bug_report(tmp_path):
    site = f"http://127.0.0.1:{free_port()}"
    env = {**os.environ, "AUTOFILER_SITE": site, "AUTOFILER_USER": DEMO_PI["phone"],
           "AUTOFILER_PASSWORD": DEMO_PI["password"], "AUTOFILER_BROWSER": CHROMIUM,
           "AUTOFILER_STATE_DIR": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-m", "autofiler", "progress", "--all"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 4, done.stderr
    assert site in done.stderr and "does not answer" in done.stderr
    assert list((tmp_path / "state").rglob("bug-report-*")) == []
