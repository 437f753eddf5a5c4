"""Read-back: a field the site silently failed to store is filled again once, and reported."""

from __future__ import annotations

import pytest

from autofiler.site.filing_display import STORED_OTHERWISE
from tests.site.filing_support import SINGLE, after_saves, mismatches, owned, run_cli, site_args

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("pi_password")]


def test_a_dropped_field_is_filled_again_and_reported(mock, capsys):
    mock.control("POST", "faults", {"drop_field_rate": 1.0, "seed": 7})
    with after_saves(1, lambda: mock.control("POST", "faults", {})):  # only the first save loses a field
        code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", *site_args(mock))
    assert code == 0, out
    assert "回读发现差异，已重填" in out
    [project] = owned(mock)
    assert mismatches(project, SINGLE) == []


def test_a_site_that_keeps_dropping_fields_fails_naming_them(mock, capsys, tmp_path):
    mock.control("POST", "faults", {"drop_field_rate": 1.0, "seed": 7})
    code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", *site_args(mock))
    assert code == 1
    assert STORED_OTHERWISE in out
    assert "发送 / sent" in out and "保存 / stored （空 / empty）" in out
    assert list((tmp_path / "state" / "runs").iterdir())  # evidence kept
