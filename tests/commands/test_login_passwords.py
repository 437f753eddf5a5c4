"""Passwords as a user meets them: the store named as it is, the given password beating a saved session, and
hints that say where a refused password came from."""

from __future__ import annotations

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from tests.site.filing_support import SINGLE, run_cli, site_args
from tests.support import DEMO_PI

pytestmark = pytest.mark.e2e


@pytest.fixture
def typed(monkeypatch):
    answers: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": answers.pop(0))
    monkeypatch.delenv("AUTOFILER_PASSWORD", raising=False)
    return answers


@pytest.fixture
def plain_file_keyring(tmp_path):
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "data" / "keyring_pass.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def test_login_into_a_plain_file_names_the_file_and_warns(mock, typed, plain_file_keyring, capsys):
    typed.append(DEMO_PI["password"])
    code, out = run_cli(capsys, "login", *site_args(mock))
    assert code == 0, out
    assert plain_file_keyring.file_path in out and "plain file" in out
    assert "OS keyring" not in out
    assert "warning" in out and "desktop keyring" in out


def test_doctor_warns_about_a_plain_file_store(plain_file_keyring, monkeypatch, capsys):
    monkeypatch.delenv("AUTOFILER_PASSWORD", raising=False)
    _code, out = run_cli(capsys, "doctor", "--site", "http://127.0.0.1:9", "--user", DEMO_PI["phone"])
    [line] = [ln for ln in out.splitlines() if "keyring" in ln and ln.startswith(("✓", "✗", "!", "·"))]
    assert line.startswith("!") and plain_file_keyring.file_path in line
    assert "desktop keyring" in out


def test_a_wrong_environment_password_beats_a_saved_session(mock, monkeypatch, capsys):
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "plan", str(SINGLE), *site_args(mock))
    assert code == 0, out  # a session is saved now
    monkeypatch.setenv("AUTOFILER_PASSWORD", "Wrong#pass1")
    code, out = run_cli(capsys, "plan", str(SINGLE), *site_args(mock))
    assert code == 1, out
    assert "账号或密码错误" in out and "AUTOFILER_PASSWORD" in out and "environment" in out
    # the right one again works, and a session made with it is reused
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "plan", str(SINGLE), *site_args(mock))
    assert code == 0, out


def test_a_refused_keyring_password_says_so_and_how_to_fix_it(mock, memory_keyring, monkeypatch, capsys):
    monkeypatch.delenv("AUTOFILER_PASSWORD", raising=False)
    memory_keyring.store[("autofiler", f"{mock.url}|{DEMO_PI['phone']}")] = "Wrong#pass1"
    code, out = run_cli(capsys, "plan", str(SINGLE), *site_args(mock))
    assert code == 1
    assert "账号或密码错误" in out and "saved store" in out and "autofiler login" in out


def test_a_failing_login_does_not_send_the_user_to_login(mock, typed, capsys):
    typed.append("Wrong#pass1")
    code, out = run_cli(capsys, "login", *site_args(mock))
    assert code == 1
    assert "账号或密码错误" in out and "type it again" in out
    assert "autofiler login" not in out
