from __future__ import annotations

import pytest

from autofiler import credentials, redact
from autofiler.config import Settings
from autofiler.errors import ConfigError, CredentialError


def settings(tmp_path, user="13800000000"):
    return Settings(site="http://127.0.0.1:9", user=user, state_dir=tmp_path)


def test_keyring_round_trip_under_site_and_user(tmp_path, memory_keyring, monkeypatch):
    monkeypatch.delenv("AUTOFILER_PASSWORD", raising=False)
    s = settings(tmp_path)
    credentials.save(s, "Secret#123")
    assert memory_keyring.store[("autofiler", "http://127.0.0.1:9|13800000000")] == "Secret#123"
    assert credentials.password(s) == "Secret#123"
    assert redact.scrub("pw Secret#123 here") == "pw ****** here"
    assert credentials.forget(s) is True
    assert credentials.forget(s) is False
    with pytest.raises(CredentialError, match="no password stored") as e:
        credentials.password(s)
    assert "autofiler login" in (e.value.hint or "")


def test_environment_password_wins(tmp_path, monkeypatch):
    s = settings(tmp_path)
    credentials.save(s, "FromKeyring1")
    monkeypatch.setenv("AUTOFILER_PASSWORD", "FromEnv123")
    assert credentials.password(s) == "FromEnv123"
    assert "FromEnv123" not in redact.scrub("FromEnv123")


def test_a_user_is_required(tmp_path):
    with pytest.raises(ConfigError):
        credentials.password(settings(tmp_path, user=None))


def test_backend_name_and_usability(memory_keyring):
    assert credentials.backend_name().endswith("MemoryKeyring")
    assert credentials.backend_usable()


def test_children_never_inherit_the_password(monkeypatch):
    import os
    import subprocess
    import sys

    monkeypatch.setenv("AUTOFILER_PASSWORD", "Inherit#123")
    assert "AUTOFILER_PASSWORD" not in credentials.scrubbed_env()
    with credentials.env_hidden():
        seen = subprocess.run([sys.executable, "-c", "import os; print(os.environ.get('AUTOFILER_PASSWORD'))"],
                              capture_output=True, text=True, check=True).stdout.strip()
    assert seen == "None"
    assert os.environ["AUTOFILER_PASSWORD"] == "Inherit#123"  # this process still has it


def test_a_plain_file_store_is_named_as_such(tmp_path):
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring_pass.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        assert credentials.plain_file() == str(tmp_path / "keyring_pass.cfg")
        assert "plain file" in credentials.store_description()
        assert str(tmp_path / "keyring_pass.cfg") in credentials.store_description()
    finally:
        keyring.set_keyring(previous)


def test_a_real_keyring_is_not_a_plain_file(memory_keyring):
    assert credentials.plain_file() is None
    assert "OS keyring" in credentials.store_description()


def test_the_password_source_is_known(tmp_path, monkeypatch):
    s = settings(tmp_path)
    credentials.save(s, "FromKeyring1")
    monkeypatch.delenv("AUTOFILER_PASSWORD", raising=False)
    assert credentials.password_and_source(s) == ("FromKeyring1", credentials.KEYRING)
    monkeypatch.setenv("AUTOFILER_PASSWORD", "FromEnv123")
    assert credentials.password_and_source(s) == ("FromEnv123", credentials.ENVIRONMENT)


def test_a_refused_password_hint_names_its_source():
    assert "AUTOFILER_PASSWORD" in credentials.refused_hint(credentials.ENVIRONMENT)
    assert "autofiler login" in credentials.refused_hint(credentials.KEYRING)
    typed = credentials.refused_hint(credentials.PROMPT)
    assert "autofiler login" not in typed and "type it again" in typed


def test_a_saved_session_keeps_a_salted_hash_never_the_password(tmp_path):
    from autofiler.site.session import site_session

    s = settings(tmp_path)
    site_session.save_fingerprint(s, "Right#pass1")
    text = site_session.fingerprint_file(s).read_text()
    assert "Right#pass1" not in text and "salt" in text
    assert site_session.made_with(s, "Right#pass1")
    assert not site_session.made_with(s, "Wrong#pass1")
    site_session.save_fingerprint(s, "Right#pass1")
    assert site_session.fingerprint_file(s).read_text() != text  # a new salt each time
    assert (site_session.fingerprint_file(s).stat().st_mode & 0o777) == 0o600
