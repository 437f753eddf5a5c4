"""How a submit run ends when it does not end well: its own exit codes, plain words, and what was done."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from autofiler.errors import UNEXPECTED
from autofiler.main import main
from tests.site.filing_support import SINGLE, after_saves, owned, run_cli, site_args
from tests.support import DEMO_PI, MockServer, free_port

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("pi_password")]
TABS = ["基本信息", "实施信息", "研究内容", "研究设计", "招募信息", "其他信息", "数据共享", "相关附件"]


def outcome(out: str) -> dict[str, str]:
    """The closing summary's lines by their Chinese head."""
    found = {}
    for line in out.splitlines():
        head, _, rest = line.strip().partition(": ")
        if head in ("已保存并核对 / saved and verified", "已保存、未核对 / saved, not read back yet",
                    "未保存 / not saved",
                    "提交 / submit", "下一步 / next"):
            found[head.split(" / ")[0]] = rest
    return found


def bug_reports(tmp_path: Path) -> list[Path]:
    return list((tmp_path / "state").rglob("bug-report-*"))


def test_without_a_terminal_it_stops_before_submitting_with_exit_5(mock, capsys):
    code, out = run_cli(capsys, "submit", str(SINGLE), *site_args(mock))
    assert code == 5, out
    assert "--yes" in out
    [project] = owned(mock)
    assert project["status"] == "draft"


def test_help_documents_the_exit_codes(capsys):
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for code in ("4 the site did not answer", "5 submit stopped before 提交"):
        assert code in " ".join(text.split()), text


def test_a_site_nothing_listens_on_is_its_own_error(capsys, tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    code, out = run_cli(capsys, "submit", str(SINGLE), "--yes", "--site", url, "--user", DEMO_PI["phone"])
    assert code == 4, out
    assert url in out and "connection refused" in out
    assert UNEXPECTED not in out and "unexpected" not in out and bug_reports(tmp_path) == []
    said = outcome(out)
    assert said["已保存并核对"] == "无 / none" and said["提交"].startswith("未提交")
    assert "重新运行" in said["下一步"] and "doctor" not in out


class Maintenance(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = "<html><body><h1>系统维护中</h1></body></html>".encode()
        self.send_response(503)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_maintenance_page_is_the_site_not_answering(capsys, tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Maintenance)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        code, out = run_cli(capsys, "submit", str(SINGLE), "--yes", "--site", url, "--user", DEMO_PI["phone"])
    finally:
        server.shutdown()
        server.server_close()
    assert code == 4, out
    assert url in out and "HTTP 503" in out and bug_reports(tmp_path) == []


def test_the_site_going_away_mid_run_says_what_was_done(capsys, tmp_path):
    own = MockServer()
    try:
        with after_saves(2, own.stop):
            code, out = run_cli(capsys, "submit", str(SINGLE), "--yes", *site_args(own))
    finally:
        own.stop()
    assert code == 4, out
    assert own.url in out and bug_reports(tmp_path) == []
    assert "Page." not in out and "Timeout" not in out and "net::" not in out
    said = outcome(out)
    assert said["已保存、未核对"] == "基本信息、实施信息"  # the site said 保存成功; no read-back could follow
    assert said["提交"].startswith("未提交")
    assert "重新运行" in said["下一步"]


@pytest.fixture
def failing_save(monkeypatch):
    """The third save raises what Playwright raises when the save's answer never comes (or a label is missing)."""
    from autofiler.site.flows_element import element_editor

    original = element_editor.Editor.save
    count = {"n": 0, "error": "Page.expect_response: Timeout 15000ms exceeded."}

    def save(self, module):
        count["n"] += 1
        if count["n"] == 3:
            raise count["error"] if isinstance(count["error"], BaseException) else PlaywrightError(count["error"])
        original(self, module)

    monkeypatch.setattr(element_editor.Editor, "save", save)
    return count


def test_a_page_that_does_not_answer_is_said_in_plain_words_with_what_was_saved(mock, capsys, tmp_path,
                                                                                failing_save):
    code, out = run_cli(capsys, "submit", str(SINGLE), "--yes", *site_args(mock))
    assert code == 1, out
    assert "expect_response" not in out and "15000ms" not in out
    assert "研究内容" in out and "did not respond as expected" in out
    said = outcome(out)
    assert said["已保存并核对"] == "基本信息、实施信息"
    assert said["未保存"] == "、".join(TABS[2:])
    assert said["提交"].startswith("未提交")
    assert "doctor" not in out
    [details] = list((tmp_path / "state" / "logs").glob("details-*"))
    assert "expect_response" in details.read_text() and str(details) in out
    assert bug_reports(tmp_path) == []


def test_a_missing_label_suggests_doctor(mock, capsys, failing_save):
    failing_save["error"] = ("Locator.click: Timeout 15000ms exceeded.\nCall log:\n"
                             "  - waiting for locator(\".el-form-item\").filter(has_text=\"研究类型\")")
    code, out = run_cli(capsys, "submit", str(SINGLE), "--yes", *site_args(mock))
    assert code == 1, out
    assert "autofiler doctor" in out and "waiting for locator" not in out


def test_ctrl_c_says_what_was_done_and_what_next(mock, capsys, failing_save):
    failing_save["error"] = KeyboardInterrupt()
    code, out = run_cli(capsys, "submit", str(SINGLE), "--yes", *site_args(mock))
    assert code == 130, out
    said = outcome(out)
    # two modules were saved, but an interrupted run reads nothing back: the next run checks them
    assert said["已保存并核对"] == "无 / none" and said["已保存、未核对"] == "基本信息、实施信息"
    assert said["未保存"] == "、".join(TABS[2:])
    assert said["提交"].startswith("未提交") and "重新运行" in said["下一步"]
    assert "interrupted" in out


def test_ctrl_c_during_submit_says_it_may_have_gone_through(mock, capsys, monkeypatch):
    from autofiler.site.flows_element import element_editor

    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(element_editor.Editor, "submit", interrupted)
    code, out = run_cli(capsys, "submit", str(SINGLE), "--yes", *site_args(mock))
    assert code == 130, out
    said = outcome(out)
    assert said["已保存并核对"] == "、".join(TABS) and said["未保存"] == "无 / none"
    assert said["提交"].startswith("已点击提交") and "autofiler progress" in said["下一步"]
