import multiprocessing
import stat

import pytest

from autofiler.errors import BusyError
from autofiler.store import Store, content_hash


def test_filing_is_created_once_and_updated(tmp_path):
    with Store(tmp_path) as store:
        first = store.save_filing("http://s", "138", "项目A", project_id="7")
        again = store.save_filing("http://s", "138", "项目A", status="draft")
        assert again.id == first.id
        assert (again.project_id, again.status) == ("7", "draft")
        assert store.filing("http://s", "138", "项目B") is None


def test_unknown_filing_field_is_refused(tmp_path):
    with Store(tmp_path) as store, pytest.raises(ValueError):
        store.save_filing("s", "u", "p", owner="x")


def test_module_checkpoints_round_trip_and_forget(tmp_path):
    with Store(tmp_path) as store:
        filing = store.save_filing("s", "u", "p")
        store.record_module(filing.id, "basic_info", "h1")
        store.record_module(filing.id, "basic_info", "h2")
        assert store.module_hashes(filing.id) == {"basic_info": "h2"}
        store.forget_modules(filing.id)
        assert store.module_hashes(filing.id) == {}


def test_state_survives_reopening_and_is_private(tmp_path):
    with Store(tmp_path) as store:
        store.save_filing("s", "u", "p", project_id="9")
    with Store(tmp_path) as store:
        assert store.filing("s", "u", "p").project_id == "9"
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_last_check_returns_the_newest_check_of_the_scope(tmp_path):
    with Store(tmp_path) as store:
        assert store.last_check("s", "u", "all") == {}
        store.record_check("s", "u", "all", [{"id": 1, "status": "draft"}])
        store.record_check("s", "u", "all", [{"id": 1, "status": "ethics_review"}, {"id": 2, "status": "draft"}])
        store.record_check("s", "u", "subcenters", [{"id": 5, "status": "published"}])
        latest = store.last_check("s", "u", "all")
        assert latest == {"1": {"id": 1, "status": "ethics_review"}, "2": {"id": 2, "status": "draft"}}


def test_outbox_keeps_failed_items_until_sent(tmp_path):
    with Store(tmp_path) as store:
        item = store.queue("webhook:x", {"changes": [1]})
        store.mark_failed(item, "connection refused")
        [row] = store.pending()
        assert row["attempts"] == 1 and row["last_error"] == "connection refused"
        store.mark_sent(item)
        assert store.pending() == []


def _hold_lock(directory, ready, release):
    with Store(directory) as store, store.lock("progress:s:u"):
        ready.set()
        release.wait(10)


def test_a_second_holder_of_a_lock_is_told_it_is_busy(tmp_path):
    ready, release = multiprocessing.Event(), multiprocessing.Event()
    proc = multiprocessing.Process(target=_hold_lock, args=(tmp_path, ready, release))
    proc.start()
    try:
        assert ready.wait(10)
        with (Store(tmp_path) as store, pytest.raises(BusyError, match="progress:s:u"),
              store.lock("progress:s:u", timeout=0.2)):
            pass
    finally:
        release.set()
        proc.join(10)
    with Store(tmp_path) as store, store.lock("progress:s:u", timeout=1):
        pass


def test_content_hash_ignores_key_order_but_not_values():
    assert content_hash({"a": 1, "b": [1, 2]}) == content_hash({"b": [1, 2], "a": 1})
    assert content_hash({"a": 1}) != content_hash({"a": 2})
