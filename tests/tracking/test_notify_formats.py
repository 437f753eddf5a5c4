import base64
import hashlib
import hmac
from urllib.parse import parse_qs, urlsplit

import pytest

from autofiler import notify_targets, redact
from autofiler.errors import ConfigError
from autofiler.tracking import notify_messages
from autofiler.tracking.changes import Change
from tests.tracking.factory import project, result

CHANGES = [Change("7", "利妥昔单抗研究", "status", "学术审查中", "退回修改", "请补充知情同意书"),
           Change("9", "某队列研究", "filing_no", None, "MR-11-25-000009")]


def data(changes=CHANGES):
    return notify_messages.payload("http://127.0.0.1:8765", result([project("7")], list(changes)))


def test_targets_are_checked_and_named():
    targets = notify_targets.parse_targets([
        {"kind": "webhook", "url": "http://127.0.0.1:1/hook", "headers": {"X-Token": "abcd1234"}},
        {"kind": "email", "host": "smtp.example.org", "to": "office@example.org", "name": "office"},
    ])
    assert [(t.name, t.kind) for t in targets] == [("webhook-1", "webhook"), ("office", "email")]
    assert targets[1].get("to") == ["office@example.org"]


@pytest.mark.parametrize(("table", "message"), [
    ({"kind": "slack", "url": "http://x"}, r"notify\[1\]\.kind"),
    ({"kind": "wecom"}, r"notify\[1\]\.url is missing"),
    ({"kind": "dingtalk", "url": "http://x", "token": "t"}, r"notify\[1\]\.token is not a setting"),
    ({"kind": "webhook", "url": "ftp://x"}, r"notify\[1\]\.url is not an http"),
    ({"kind": "email", "host": "h", "to": "a@b", "starttls": "yes"}, r"notify\[1\]\.starttls"),
    ({"kind": "email", "host": "h", "to": "a@b", "port": "587"}, r"notify\[1\]\.port"),
    ({"kind": "webhook", "url": "http://x", "timeout": "soon"}, r"notify\[1\]\.timeout"),
])
def test_a_wrong_target_names_its_field(table, message):
    with pytest.raises(ConfigError, match=message):
        notify_targets.parse_targets([table])


def test_robot_keys_and_secrets_are_scrubbed_from_messages():
    notify_targets.parse_targets([{"kind": "wecom", "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY-123456"},
                          {"kind": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=TOK-98765",
                           "secret": "SECabcdef"}])
    text = redact.scrub("POST ...key=KEY-123456 and access_token=TOK-98765 signed with SECabcdef failed")
    assert "KEY-123456" not in text and "TOK-98765" not in text and "SECabcdef" not in text


def test_webhook_payload_is_the_changes_as_json():
    body = data()
    assert body["event"] == "autofiler.progress" and body["scope"] == "all"
    assert body["changes"][0] == {"project_id": "7", "project_name": "利妥昔单抗研究", "kind": "status",
                                  "before": "学术审查中", "after": "退回修改", "opinion": "请补充知情同意书"}


def test_wecom_markdown():
    body = notify_messages.wecom_body(data())
    assert set(body) == {"msgtype", "markdown"} and body["msgtype"] == "markdown"
    content = body["markdown"]["content"]
    assert "利妥昔单抗研究（7）：学术审查中 → 退回修改" in content and "请补充知情同意书" in content
    assert "MR-11-25-000009" in content


def test_long_robot_messages_stay_under_the_limit():
    many = [Change(str(n), "很长的项目名称" * 10, "new", None, "草稿") for n in range(300)]
    content = notify_messages.wecom_body(data(many))["markdown"]["content"]
    assert len(content.encode()) <= 4096
    assert "more" in content


def test_dingtalk_markdown_and_signature():
    body = notify_messages.dingtalk_body(data())
    assert body["msgtype"] == "markdown"
    assert body["markdown"]["title"].startswith("备案进度有 2 项变化")
    assert "退回修改" in body["markdown"]["text"]
    url = notify_messages.dingtalk_url("https://oapi.dingtalk.com/robot/send?access_token=abc", "SEC000", now_ms=1700000000000)
    query = parse_qs(urlsplit(url).query)
    expected = base64.b64encode(hmac.new(b"SEC000", b"1700000000000\nSEC000", hashlib.sha256).digest()).decode()
    assert query == {"access_token": ["abc"], "timestamp": ["1700000000000"], "sign": [expected]}
    assert notify_messages.dingtalk_url("https://x/robot", None) == "https://x/robot"


def test_email_message():
    target = notify_targets.parse_targets([{"kind": "email", "host": "h", "to": ["a@x.cn", "b@x.cn"], "from": "af@x.cn"}])[0]
    msg = notify_messages.email_message(target, data())
    assert msg["To"] == "a@x.cn, b@x.cn" and msg["From"] == "af@x.cn"
    assert "2 progress changes" in msg["Subject"]
    assert "请补充知情同意书" in msg.get_content()


def test_a_failed_checks_alert_reads_as_such_on_every_kind():
    alert = notify_messages.site_down_payload("http://127.0.0.1:8765", "2026-01-02T03:04:05", 3,
                                     "站点无法访问 / the site does not answer: http://127.0.0.1:8765")
    assert "3 progress checks in a row failed" in notify_messages.title(alert)
    assert "does not answer" in notify_messages.wecom_body(alert)["markdown"]["content"]
    assert "does not answer" in notify_messages.dingtalk_body(alert)["markdown"]["text"]
    target = notify_targets.parse_targets([{"kind": "email", "host": "h", "to": "a@x.cn"}])[0]
    msg = notify_messages.email_message(target, alert)
    assert "in a row failed" in msg["Subject"] and "does not answer" in msg.get_content()
