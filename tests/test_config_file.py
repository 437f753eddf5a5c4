"""The config file is checked when it is read: each wrong setting is named, a wrong notification target too."""

import pytest

from autofiler import config_file
from autofiler.errors import ConfigError


def write(tmp_path, text):
    path = tmp_path / "autofiler.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "message"), [
    ("headed = \"yes\"\n", r"headed must be true or false"),
    ("slowmo = -5\n", r"slowmo must be a whole number"),
    ("notify_after_failures = 0\n", r"notify_after_failures must be a whole number of at least 1"),
    ("channel = \"firefox\"\n", r"channel must be chrome or msedge"),
    ("notify = \"https://x\"\n", r"notify must be a list of tables"),
    ("[[notify]]\nkind = \"wecom\"\nurl = \"ftp://robot\"\n", r"config file .*: notify\[1\]\.url is not an http"),
    ("[[notify]]\nkind = \"email\"\nhost = \"smtp.x\"\n", r"notify\[1\]\.to is missing"),
])
def test_a_wrong_setting_is_named_with_the_file(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=message) as caught:
        config_file.read(path, explicit=True)
    assert str(path) in caught.value.message


def test_an_unknown_setting_lists_the_known_ones(tmp_path):
    with pytest.raises(ConfigError, match="unknown setting sight") as caught:
        config_file.read(write(tmp_path, "sight = \"x\"\n"), explicit=True)
    assert "notify_after_failures" in (caught.value.hint or "")


def test_a_login_name_written_as_a_number_is_text(tmp_path):
    cfg = config_file.read(write(tmp_path, "user = 13800000000\nslowmo = 50\n"), explicit=True)
    assert cfg.user == "13800000000" and cfg.slowmo == 50 and cfg.notify_after_failures == 3


def test_no_file_is_the_defaults_unless_named(tmp_path):
    assert config_file.read(tmp_path / "none.toml", explicit=False).notify == []
    with pytest.raises(ConfigError, match="config file not found"):
        config_file.read(tmp_path / "none.toml", explicit=True)
