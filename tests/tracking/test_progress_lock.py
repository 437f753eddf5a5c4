import io
import multiprocessing
import threading

import pytest

from autofiler.config import Settings
from autofiler.errors import BusyError
from autofiler.main import main
from autofiler.store import Store
from autofiler.tracking import progress_check as progress

SITE, USER = "http://127.0.0.1:9", "13800000000"
NAME = f"progress:{SITE}:{USER}"


def _hold(directory, ready, release):
    with Store(directory) as store, store.lock(NAME):
        ready.set()
        release.wait(20)


@pytest.fixture
def held(tmp_path):
    """Another process in the middle of a check of the same account."""
    ready, release = multiprocessing.Event(), multiprocessing.Event()
    proc = multiprocessing.Process(target=_hold, args=(tmp_path / "state", ready, release))
    proc.start()
    assert ready.wait(20)
    yield release
    release.set()
    proc.join(20)


def test_a_second_check_waits_then_gives_up(tmp_path, held):
    settings = Settings(site=SITE, user=USER, state_dir=tmp_path / "state")
    err = io.StringIO()
    with pytest.raises(BusyError, match="another autofiler run holds the lock"):
        progress.check(settings, progress.Request(all=True), wait_s=0.3, err=err)
    assert "another check is running, waiting up to 0.3 s" in err.getvalue()
    with Store(tmp_path / "state") as store:
        assert not store.has_check(SITE, USER, "all")


def test_the_command_exits_with_the_busy_message(tmp_path, held, monkeypatch, capsys):
    monkeypatch.setenv("AUTOFILER_LOCK_WAIT", "0.2")
    code = main(["progress", "--all", "--site", SITE, "--user", USER, "--state-dir", str(tmp_path / "state")])
    err = capsys.readouterr().err
    assert code == 1
    assert "waiting up to 0.2 s" in err and "another autofiler run holds the lock" in err


def test_the_second_check_goes_on_once_the_first_is_done(tmp_path, held):
    err = io.StringIO()
    threading.Timer(0.3, held.set).start()
    with Store(tmp_path / "state") as store, progress.account_lock(store, NAME, 20, err):
        assert "waiting" in err.getvalue()
