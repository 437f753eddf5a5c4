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
