from __future__ import annotations

from types import SimpleNamespace

import pytest

from autofiler import config
from autofiler.errors import ConfigError


def args(**kw):
    base = {"site": None, "user": None, "config": None, "state_dir": None, "selectors": None, "browser_path": None,
            "channel": None, "headed": False, "slowmo": 0, "captcha_cmd": None, "verbose": 0}
    base.update(kw)
    return SimpleNamespace(**base)


def test_defaults_use_the_default_preset(tmp_path):
    s = config.resolve(args(state_dir=str(tmp_path)), env={})
    assert s.site == "https://www.medicalresearch.org.cn"
    assert s.user is None and s.state_dir == tmp_path and s.notify == []


def test_option_beats_env_beats_config_file(tmp_path):
    (tmp_path / "autofiler.toml").write_text('site = "sop"\nuser = "13900000001"\ncaptcha_cmd = "ocr"\n',
                                             encoding="utf-8")
    from_file = config.resolve(args(state_dir=str(tmp_path)), env={})
    assert from_file.site == "http://114.255.48.20" and from_file.user == "13900000001"
    assert from_file.captcha_cmd == "ocr" and from_file.config_path == tmp_path / "autofiler.toml"
    env = {"AUTOFILER_SITE": "http://127.0.0.1:9/", "AUTOFILER_USER": "13900000002"}
    from_env = config.resolve(args(state_dir=str(tmp_path)), env=env)
    assert from_env.site == "http://127.0.0.1:9" and from_env.user == "13900000002"
    from_opt = config.resolve(args(state_dir=str(tmp_path), site="default", user="13900000003"), env=env)
    assert from_opt.site == "https://www.medicalresearch.org.cn" and from_opt.user == "13900000003"


def test_an_explicit_config_file_and_notify_targets(tmp_path):
    cfg = tmp_path / "other.toml"
    cfg.write_text('[[notify]]\nkind = "webhook"\nurl = "https://example.org/h"\n', encoding="utf-8")
    s = config.resolve(args(state_dir=str(tmp_path), config=str(cfg)), env={})
    assert s.notify == [{"kind": "webhook", "url": "https://example.org/h"}]
    with pytest.raises(ConfigError, match="config file not found"):
        config.resolve(args(state_dir=str(tmp_path), config=str(tmp_path / "none.toml")), env={})


def test_bad_config_files_are_named(tmp_path):
    (tmp_path / "autofiler.toml").write_text('sight = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting sight"):
        config.resolve(args(state_dir=str(tmp_path)), env={})
    (tmp_path / "autofiler.toml").write_text('site = \n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.resolve(args(state_dir=str(tmp_path)), env={})


def test_a_site_must_be_an_address_or_a_preset(tmp_path):
    with pytest.raises(ConfigError, match="neither an http"):
        config.resolve(args(state_dir=str(tmp_path), site="staging"), env={})
    with pytest.raises(ConfigError, match="neither an http"):
        config.resolve(args(state_dir=str(tmp_path), site="ftp://host"), env={})


def test_browser_choice_precedence(tmp_path):
    env = {"AUTOFILER_BROWSER": "/opt/chromium"}
    assert config.resolve(args(state_dir=str(tmp_path)), env=env).browser_path == "/opt/chromium"
    s = config.resolve(args(state_dir=str(tmp_path), channel="msedge"), env=env)
    assert s.channel == "msedge" and s.browser_path is None
    s = config.resolve(args(state_dir=str(tmp_path), browser_path="/usr/bin/x"), env=env)
    assert s.browser_path == "/usr/bin/x"


def test_missing_user_is_a_clear_error(tmp_path):
    s = config.resolve(args(state_dir=str(tmp_path)), env={})
    with pytest.raises(ConfigError, match="--user"):
        s.require_user()


@pytest.mark.parametrize(("url", "warns"), [
    ("http://114.255.48.20", True), ("http://registry.example.cn/x", True), ("https://114.255.48.20", False),
    ("http://127.0.0.1:8765", False), ("http://localhost:8765", False), ("http://[::1]:80", False),
])
def test_plain_http_warning_only_for_other_machines(url, warns):
    assert (config.insecure_warning(url) is not None) is warns


def test_origin_includes_the_port():
    assert config.origin_of("http://127.0.0.1:8765/login") == "http://127.0.0.1:8765"
    assert config.origin_of("https://Example.org/x") == "https://example.org:443"
    assert config.origin_of("http://a:1/") != config.origin_of("http://a:2/")
