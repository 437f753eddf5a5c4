"""Which face the mock shows: the command line defaults to live-2026, a config built in Python to sop-2020."""

from __future__ import annotations

from mock_site.mock_config import MockConfig, parse_args


def test_the_command_line_defaults_to_the_live_face():
    assert parse_args([]).face == "live-2026"
    assert parse_args(["--face", "sop-2020"]).face == "sop-2020"
    assert parse_args(["--error-status", "400"]).error_status == 400


def test_a_config_built_in_python_keeps_the_sop_face():
    assert MockConfig().face == "sop-2020" and MockConfig().error_status == 422
