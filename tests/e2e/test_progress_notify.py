"""Notifications of a real check to local receivers of every kind, and the retry of a failed one."""

import email
import email.policy

import pytest

from tests.support import DEMO_PI
from tests.tracking.cli import autofiler
from tests.tracking.receivers import HttpReceiver, SmtpReceiver

pytestmark = pytest.mark.e2e


@pytest.fixture
def receivers():
    made = {"webhook": HttpReceiver([(200, {})]), "wecom": HttpReceiver(), "dingtalk": HttpReceiver(),
            "flaky": HttpReceiver([(500, {"error": "down"}), (200, {})]),
            "smtp": SmtpReceiver(user="office@example.org", password="Smtp@2025")}
    yield made
    for r in made.values():
        r.close()


def write_config(path, r):
    path.write_text(f'''
[[notify]]
kind = "webhook"
url = "{r['webhook'].url}/hook"

[[notify]]
kind = "wecom"
url = "{r['wecom'].url}/cgi-bin/webhook/send?key=wecom-key-1"

[[notify]]
kind = "dingtalk"
url = "{r['dingtalk'].url}/robot/send?access_token=ding-token-1"
secret = "SEC-ding-secret"

[[notify]]
kind = "email"
name = "office-mail"
host = "127.0.0.1"
port = {r['smtp'].port}
user = "office@example.org"
from = "office@example.org"
to = ["pi@example.org"]

[[notify]]
kind = "webhook"
name = "flaky"
url = "{r['flaky'].url}/hook"
''', encoding="utf-8")


def test_every_kind_gets_the_change_and_a_failed_one_is_retried(mock, tmp_path, receivers):
    config = tmp_path / "autofiler.toml"
    write_config(config, receivers)
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 10})
    target = next(p for p in mock.projects() if p["status"] == "ethics_review")
    smtp_env = {"AUTOFILER_SMTP_PASSWORD": "Smtp@2025"}

    baseline = autofiler(mock, "progress", "--all", "--config", str(config), **smtp_env)
    assert baseline.returncode == 0, baseline.stderr
    assert all(not r.received for k, r in receivers.items() if k != "smtp") and not receivers["smtp"].mails

    mock.control("POST", f"projects/{target['id']}/review", {"decision": "return", "opinion": "请补充数据管理计划"})
    changed = autofiler(mock, "progress", "--all", "--config", str(config), **smtp_env)
    assert changed.returncode == 0, changed.stderr
    assert "flaky" in changed.stderr and "retry" in changed.stderr
    assert "ding-token-1" not in changed.stderr and "SEC-ding-secret" not in changed.stderr

    [hook] = receivers["webhook"].received
    [change] = hook.body["changes"]
    assert (change["project_id"], change["kind"], change["after"]) == (str(target["id"]), "status", "退回修改")
    wecom = receivers["wecom"].received[0]
    assert wecom.query == {"key": ["wecom-key-1"]} and wecom.body["msgtype"] == "markdown"
    assert "退回修改" in wecom.body["markdown"]["content"]
    ding = receivers["dingtalk"].received[0]
    assert set(ding.query) == {"access_token", "timestamp", "sign"}
    assert "退回修改" in ding.body["markdown"]["text"] and ding.body["markdown"]["title"]
    [mail] = receivers["smtp"].mails
    assert mail.auth == ("office@example.org", "Smtp@2025")
    assert target["project_name"] in email.message_from_string(mail.data, policy=email.policy.default).get_content()
    assert len(receivers["flaky"].received) == 1

    # nothing changed since, but the failed notification goes out now
    again = autofiler(mock, "progress", "--all", "--config", str(config), **smtp_env)
    assert again.returncode == 0 and "flaky" not in again.stderr
    assert len(receivers["flaky"].received) == 2
    assert receivers["flaky"].received[1].body == receivers["flaky"].received[0].body
    assert len(receivers["webhook"].received) == 1  # sent ones are not sent again


def test_no_notify_keeps_the_change_for_later(mock, tmp_path, receivers):
    config = tmp_path / "autofiler.toml"
    config.write_text(f'[[notify]]\nkind = "webhook"\nurl = "{receivers["webhook"].url}/hook"\n', encoding="utf-8")
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 5})
    assert autofiler(mock, "progress", "--all", "--config", str(config)).returncode == 0
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 1})
    quiet = autofiler(mock, "progress", "--all", "--config", str(config), "--no-notify")
    assert quiet.returncode == 0 and "新项目" in quiet.stdout
    assert receivers["webhook"].received == []
    assert autofiler(mock, "progress", "--all", "--config", str(config)).returncode == 0
    [sent] = receivers["webhook"].received
    assert sent.body["changes"][0]["kind"] == "new"
