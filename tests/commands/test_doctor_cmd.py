"""autofiler doctor against the mock: machine checks, then the site map checked module by module."""

from __future__ import annotations

import pytest
import yaml

from autofiler.site import sitemap
from tests.site.filing_support import run_cli, site_args
from tests.support import DEMO_PI, free_port

pytestmark = pytest.mark.e2e


def test_all_fine_with_an_editable_project(mock, monkeypatch, capsys):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 3})
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "doctor", *site_args(mock))
    assert code == 0, out
    assert "chromium" in out.lower() and "version" in out
    assert "Noto" in out or "CJK" in out
    for tab in ("基本信息", "实施信息", "相关附件"):
        assert f"✓ {tab}:" in out
    assert "一切正常" in out


def test_a_changed_label_is_reported(mock, monkeypatch, capsys, tmp_path):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 3})
    data = yaml.safe_load(sitemap.default_path().read_text(encoding="utf-8"))
    data["modules"][4]["fields"][0]["label"] = "招募情况"
    changed = tmp_path / "map.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "doctor", *site_args(mock), "--selectors", str(changed))
    assert code == 1
    assert "✗ 招募信息" in out and "招募情况" in out


def test_no_project_means_the_form_check_is_skipped(mock, monkeypatch, capsys):
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "doctor", *site_args(mock))
    assert code == 0, out
    assert "never creates" in out


def test_a_site_that_does_not_answer(monkeypatch, capsys):
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "doctor", "--site", f"http://127.0.0.1:{free_port()}", "--user", DEMO_PI["phone"])
    assert code == 1
    assert "does not answer" in out
