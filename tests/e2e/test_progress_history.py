"""progress over time: the baseline, changes with their exit code, exports, watch and Ctrl-C."""

import csv
import io
import json
import signal

import pytest
from openpyxl import load_workbook

from tests.support import DEMO_PI
from tests.tracking.cli import autofiler, popen

pytestmark = pytest.mark.e2e


def seeded(mock, n=10):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": n})
    return mock.projects()


def test_a_review_step_is_a_change_with_its_exit_code(mock):
    projects = seeded(mock)
    first = autofiler(mock, "progress", "--all", "--exit-code-on-change", "5")
    assert first.returncode == 0, first.stderr
    assert "baseline of 10 projects" in first.stdout

    moving = next(p for p in projects if p["status"] == "academic_review")
    publishing = next(p for p in projects if p["status"] == "institution_review")
    mock.control("POST", f"projects/{moving['id']}/review", {"decision": "approve"})
    mock.control("POST", f"projects/{publishing['id']}/review", {"decision": "approve"})
    filing_no = mock.control("GET", f"projects/{publishing['id']}")["filing_no"]

    second = autofiler(mock, "progress", "--all", "--exit-code-on-change", "5", "--format", "json")
    assert second.returncode == 5, second.stderr
    changes = {(c["project_id"], c["kind"]): c for c in json.loads(second.stdout)["changes"]}
    assert set(changes) == {(str(moving["id"]), "status"), (str(publishing["id"]), "status"),
                            (str(publishing["id"]), "filing_no")}
    assert (changes[(str(moving["id"]), "status")]["before"], changes[(str(moving["id"]), "status")]["after"]) == \
           ("学术审查中", "伦理审查中")
    assert changes[(str(publishing["id"]), "filing_no")]["after"] == filing_no
    assert filing_no in second.stderr  # the changes are listed beside the JSON

    third = autofiler(mock, "progress", "--all", "--exit-code-on-change", "5")
    assert third.returncode == 0
    assert "no changes since the last check" in third.stdout


def test_a_new_project_is_a_change(mock):
    seeded(mock, 3)
    assert autofiler(mock, "progress", "--all").returncode == 0
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 1})
    result = autofiler(mock, "progress", "--all", "--exit-code-on-change", "3")
    assert result.returncode == 3
    assert "新项目 / new" in result.stdout


def test_exports_equal_the_registry(mock, tmp_path):
    projects = seeded(mock, 12)
    truth = {str(p["id"]): (p["status"], p["filing_no"] or "") for p in projects}
    out_csv, out_xlsx = tmp_path / "progress.csv", tmp_path / "progress.xlsx"
    assert autofiler(mock, "progress", "--all", "--format", "csv", "--out", str(out_csv)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    assert {r["id"]: (r["status"], r["filing_no"]) for r in rows} == truth
    assert len({r["checked_at"] for r in rows}) == 1

    assert autofiler(mock, "progress", "--all", "--format", "xlsx", "--out", str(out_xlsx)).returncode == 0
    sheet = load_workbook(out_xlsx, read_only=True)["备案进度"]
    header, *body = [list(r) for r in sheet.iter_rows(values_only=True)]
    col = {name: header.index(name) for name in ("项目编号", "状态代码", "备案号", "检查时间")}
    assert {r[col["项目编号"]]: (r[col["状态代码"]], r[col["备案号"]] or "") for r in body} == truth
    assert all(r[col["检查时间"]] for r in body)

    piped = autofiler(mock, "progress", "--all", "--format", "csv")
    # with a BOM, so that `> progress.csv` opens in Excel on a Chinese Windows too
    assert piped.stdout.splitlines()[0].startswith("\ufeffchecked_at,id,project_name")
    assert len(piped.stdout.splitlines()) == 13


def test_xlsx_without_out_is_refused_before_any_browsing(mock):
    result = autofiler(mock, "progress", "--all", "--format", "xlsx")
    assert result.returncode == 1 and "--out" in result.stderr


def test_watch_checks_repeatedly(mock):
    seeded(mock, 3)
    result = autofiler(mock, "watch", "--all", "--every", "1s", "--times", "2")
    assert result.returncode == 0, result.stderr
    assert "check 1" in result.stderr and "check 2" in result.stderr
    assert "baseline of 3 projects" in result.stdout and "no changes since the last check" in result.stdout


def test_watch_in_json_prints_one_document_per_line(mock):
    seeded(mock, 3)
    result = autofiler(mock, "watch", "--all", "--every", "1s", "--times", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]  # JSON Lines: one check per line
    assert [d["baseline"] for d in docs] == [True, False]
    assert all(len(d["projects"]) == 3 for d in docs)


def test_watch_stops_cleanly_on_ctrl_c(mock):
    seeded(mock, 3)
    proc = popen(mock, "watch", "--all", "--every", "6h")
    try:
        for line in proc.stdout:  # the first check is done once its result is printed
            if "baseline" in line:
                break
        proc.send_signal(signal.SIGINT)
        code = proc.wait(60)
        err = proc.stderr.read()
        assert code == 130, err
        assert "watch stopped" in err
    finally:
        if proc.poll() is None:
            proc.kill()
