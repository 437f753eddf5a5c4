import pytest

from autofiler import notify_targets
from autofiler.store import Store
from autofiler.tracking import outbox
from autofiler.tracking.changes import Change
from tests.support import free_port
from tests.tracking.factory import project, result
from tests.tracking.receivers import HttpReceiver

ACCOUNT = "http://site|13800000000"
CHANGE = Change("7", "项目7", "status", "学术审查中", "伦理审查中")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path) as s:
        yield s


def queue(store, targets):
    outbox.queue_changes(store, targets, ACCOUNT, "http://site", result([project("7")], [CHANGE]))


def test_a_failed_notification_is_kept_and_sent_on_the_next_run(store):
    receiver = HttpReceiver([(503, {"error": "busy"}), (200, {})])
    try:
        targets = notify_targets.parse_targets([{"kind": "webhook", "url": receiver.url + "/hook"}])
        queue(store, targets)
        errors = outbox.send_pending(store, targets, ACCOUNT)
        assert len(errors) == 1 and "HTTP 503" in errors[0] and "retry" in errors[0]
        [item] = store.pending()
        assert item["attempts"] == 1 and "503" in item["last_error"]
        assert outbox.send_pending(store, targets, ACCOUNT) == []
        assert store.pending() == []
        assert len(receiver.received) == 2
        assert receiver.received[0].body == receiver.received[1].body
        assert receiver.received[1].body["changes"][0]["after"] == "伦理审查中"
    finally:
        receiver.close()


def test_a_robot_that_answers_an_error_code_counts_as_failed(store):
    receiver = HttpReceiver([(200, {"errcode": 93000, "errmsg": "invalid webhook url"})])
    try:
        targets = notify_targets.parse_targets([{"kind": "wecom", "url": receiver.url + "/cgi-bin/webhook/send?key=k1"}])
        queue(store, targets)
        [error] = outbox.send_pending(store, targets, ACCOUNT)
        assert "93000" in error
        assert len(store.pending()) == 1
    finally:
        receiver.close()


def test_an_unreachable_receiver_keeps_every_change_and_is_tried_once_per_run(store):
    targets = notify_targets.parse_targets([{"kind": "webhook", "url": f"http://127.0.0.1:{free_port()}/", "timeout": 2}])
    queue(store, targets)
    queue(store, targets)
    errors = outbox.send_pending(store, targets, ACCOUNT)
    assert len(errors) == 1
    assert [i["attempts"] for i in store.pending()] == [1, 0]


def test_a_target_removed_from_the_config_keeps_its_messages(store):
    queue(store, notify_targets.parse_targets([{"kind": "webhook", "url": "http://127.0.0.1:1/", "name": "old"}]))
    errors = outbox.send_pending(store, [], ACCOUNT)
    assert "old" in errors[0] and len(store.pending()) == 1


def test_each_target_gets_its_own_copy(store):
    one, two = HttpReceiver(), HttpReceiver()
    try:
        targets = notify_targets.parse_targets([{"kind": "webhook", "url": one.url}, {"kind": "dingtalk", "url": two.url +
                                        "/robot/send?access_token=t1", "secret": "SECxyz"}])
        queue(store, targets)
        assert outbox.send_pending(store, targets, ACCOUNT) == []
        assert one.received[0].body["changes"][0]["project_id"] == "7"
        ding = two.received[0]
        assert ding.body["msgtype"] == "markdown" and "伦理审查中" in ding.body["markdown"]["text"]
        assert set(ding.query) == {"access_token", "timestamp", "sign"}
    finally:
        one.close()
        two.close()


def test_another_accounts_messages_are_left_alone(store):
    receiver = HttpReceiver()
    try:
        targets = notify_targets.parse_targets([{"kind": "webhook", "url": receiver.url}])
        outbox.queue_changes(store, targets, "http://site|13900000000", "http://site", result([project("7")], [CHANGE]))
        assert outbox.send_pending(store, targets, ACCOUNT) == []
        assert receiver.received == [] and len(store.pending()) == 1
        assert outbox.send_pending(store, targets, "http://site|13900000000") == []
        assert len(receiver.received) == 1
    finally:
        receiver.close()
