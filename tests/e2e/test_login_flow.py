"""Logging in: the keyring, a wrong password, the captcha, the profile page, and a foreign login page."""

from __future__ import annotations

import http.server
import sys
import threading

import pytest

from autofiler import credentials
from autofiler.site.session.login_form import FOREIGN_LOGIN
from tests.site.filing_support import owned, run_cli, site_args
from tests.support import DEMO_PI, MockServer

pytestmark = pytest.mark.e2e
KEY = ("autofiler", "{url}|" + DEMO_PI["phone"])


@pytest.fixture
def typed(monkeypatch):
    """What the user types at the getpass prompt."""
    answers: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": answers.pop(0))
    monkeypatch.delenv("AUTOFILER_PASSWORD", raising=False)
    return answers


def test_login_checks_the_password_then_keeps_it_in_the_keyring(mock, typed, memory_keyring, capsys):
    typed.append(DEMO_PI["password"])
    code, out = run_cli(capsys, "login", *site_args(mock))
    assert code == 0, out
    key = (KEY[0], KEY[1].format(url=mock.url))
    assert memory_keyring.store[key] == DEMO_PI["password"]
    assert DEMO_PI["password"] not in out
    # the stored password now serves the other commands
    code, out = run_cli(capsys, "plan", "specs/single-center.yaml", *site_args(mock))
    assert code == 0, out
    code, out = run_cli(capsys, "login", "--forget", *site_args(mock))
    assert code == 0 and key not in memory_keyring.store


def test_a_wrong_password_is_refused_and_not_stored(mock, typed, memory_keyring, capsys):
    typed.append("Wrong#pass1")
    code, out = run_cli(capsys, "login", *site_args(mock))
    assert code == 1
    assert "账号或密码错误" in out
    assert "Wrong#pass1" not in out
    assert memory_keyring.store == {}


def test_without_any_password_the_error_says_what_to_do(mock, monkeypatch, capsys):
    monkeypatch.delenv("AUTOFILER_PASSWORD", raising=False)
    code, out = run_cli(capsys, "plan", "specs/single-center.yaml", *site_args(mock))
    assert code == 1
    assert "autofiler login" in out


def test_an_incomplete_profile_stops_with_advice(mock, monkeypatch, capsys):
    monkeypatch.setenv("AUTOFILER_PASSWORD", "123456")
    code, out = run_cli(capsys, "plan", "specs/single-center.yaml", *site_args(mock, user="13800000009"))
    assert code == 1
    assert "完善个人信息" in out and "browser" in out


@pytest.fixture(scope="module")
def captcha_mock():
    server = MockServer("--captcha")
    yield server
    server.stop()


def test_the_captcha_is_read_by_the_captcha_command(captcha_mock, monkeypatch, capsys, tmp_path):
    captcha_mock.reset()
    script = tmp_path / "solve.py"
    script.write_text(
        "import sys, urllib.request\n"
        "image = sys.stdin.buffer.read()\n"
        "assert image.startswith(b'\\x89PNG'), 'not a PNG'\n"
        f"print(urllib.request.urlopen('{captcha_mock.url}/__mock__/captcha/last').read().decode())\n",
        encoding="utf-8")
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "submit", "specs/single-center.yaml", "--no-submit", *site_args(captcha_mock),
                        "--captcha-cmd", f"{sys.executable} {script}")
    assert code == 0, out
    assert len(owned(captcha_mock)) == 1


def test_a_captcha_without_a_command_or_window_is_a_clear_error(captcha_mock, monkeypatch, capsys):
    captcha_mock.reset()
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "plan", "specs/single-center.yaml", *site_args(captcha_mock))
    assert code == 1
    assert "验证码" in out and "--captcha-cmd" in out


@pytest.fixture
def redirector(mock):
    """A server on another port whose login page redirects to the mock's: credentials must not follow."""

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(302)
            self.send_header("Location", mock.url + self.path)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_login_page_on_another_origin_is_refused(redirector, mock, monkeypatch, capsys):
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "plan", "specs/single-center.yaml", "--site", redirector, "--user",
                        DEMO_PI["phone"])
    assert code == 1
    assert FOREIGN_LOGIN in out
    assert credentials.SERVICE == "autofiler"
