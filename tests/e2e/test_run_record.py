"""`submit --json` and `plan --json`: stdout carries one JSON record of the run, whatever the face and however
the run ends; the console text goes to stderr. The record is checked against what the mock stored."""

from __future__ import annotations

import json

import pytest

from autofiler.main import main
from tests.e2e.live_support import DEMO_PI, live, server, spec_copy  # noqa: F401 - fixtures
from tests.site.filing_support import SINGLE, copy_spec, owned, site_args

pytestmark = pytest.mark.e2e


def run_json(capsys, *argv: str) -> tuple[int, dict, str]:
    code = main([*argv, "--json"])
    out = capsys.readouterr()
    [line] = out.out.splitlines()  # one record, nothing else on stdout
    return code, json.loads(line), out.err


def test_a_live_face_filing_then_its_plans_are_recorded_as_the_site_holds_them(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("single-center.yaml", tmp_path)
    code, rec, err = run_json(capsys, "submit", str(spec), "--yes", *site_args(live))
    assert code == 0, err
    [stored] = live.projects()
    assert rec["command"] == "submit" and rec["exit_code"] == 0 and rec["error"] is None
    assert (rec["project_id"], rec["created"], rec["submit"]) == (str(stored["id"]), True, "done")
    assert stored["status"] != "draft"
    assert rec["modules"] and {m["state"] for m in rec["modules"]} == {"verified"}
    assert "基本信息" in err or "研究类别" in err  # the console text went to stderr

    code, rec, _err = run_json(capsys, "plan", str(spec), "--detailed-exitcode", *site_args(live))
    assert (code, rec["exit_code"], rec["pending"]) == (0, 0, False)
    assert rec["project_id"] == str(stored["id"])

    other = spec_copy("observational.yaml", tmp_path)
    code, rec, _err = run_json(capsys, "plan", str(other), "--detailed-exitcode", *site_args(live))
    assert (code, rec["exit_code"], rec["pending"], rec["project_id"]) == (2, 2, True, None)
    assert len(live.projects()) == 1  # plan created nothing


def test_a_run_that_ends_on_an_error_still_prints_its_record(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("observational.yaml", tmp_path, ("form: live-2026", "form: live-2026\nsite_project_id: 987"))
    code, rec, err = run_json(capsys, "submit", str(spec), "--yes", *site_args(live))
    assert code == 1 and rec["exit_code"] == 1
    assert "987" in rec["error"]["message"] and "987" in err
    assert rec["project_id"] is None and rec["submit"] == "not"
    assert live.projects() == []


def test_an_element_face_filing_stopped_before_submit_is_recorded(mock, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    spec = copy_spec(SINGLE, tmp_path)
    code, rec, err = run_json(capsys, "submit", str(spec), "--no-submit", *site_args(mock))
    assert code == 0, err
    [stored] = owned(mock)
    assert (rec["project_id"], rec["created"], rec["submit"]) == (str(stored["id"]), True, "not")
    assert stored["status"] == "draft"
    assert len(rec["modules"]) == 8 and {m["state"] for m in rec["modules"]} == {"verified"}
