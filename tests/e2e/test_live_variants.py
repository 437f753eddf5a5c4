"""`autofiler submit` on the live-2026 face in each of its variants: shuffled pages, a login captcha, refused
saves answered 400 or 200, and saves that store something other than what was posted.

Each run is judged by what the mock stored (its control API), compared with the spec by test_submit_live's own
comparison (not the driver's), by the exit code and by the message a user reads.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from autofiler.forms import load as load_form
from autofiler.site.filing_display import STORED_OTHERWISE
from mock_site.launcher import DEMO_PI, launch
from tests.e2e.test_submit_live import in_folder, stored_differences
from tests.site.filing_support import run_cli
from tests.support import ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("pi_password")]

SINGLE = ROOT / "specs" / "live-2026" / "single-center.yaml"
OBSERVATIONAL = ROOT / "specs" / "live-2026" / "observational.yaml"
FORM = load_form("live-2026")
STAFF = [("13800000011", "赵护士"), ("13800000022", "钱统计")]  # team members the examples pick


def staffed(mock: Any) -> Any:
    for phone, name in STAFF:
        mock.control("POST", "users", {"phone": phone, "password": "Staff@2025", "name": name,
                                       "institution": "示例医院", "role": "pi"})
    return mock


def own(mock: Any) -> list[dict[str, Any]]:
    return [p for p in mock.projects() if p["owner"] == DEMO_PI["phone"]]


def submit(mock: Any, spec: Path, capsys, *extra: str) -> tuple[int, str]:
    return run_cli(capsys, "submit", str(spec), "--yes", "--site", mock.url, "--user", DEMO_PI["phone"], *extra)


def assert_filed(code: int, out: str, project: list[dict[str, Any]], spec: Path) -> None:
    assert code == 0, out
    assert len(project) == 1, out
    assert stored_differences(project[0], spec) == [], out
    assert project[0]["status"] == "academic_review", out
    assert "已提交" in out


def test_shuffled_pages_file_the_example_with_every_value_stored(tmp_path, capsys):
    spec = in_folder(SINGLE, tmp_path)
    with launch("--fast", "--shuffle-dom") as mock:
        code, out = submit(staffed(mock), spec, capsys)
        assert_filed(code, out, own(mock), spec)


def test_a_login_captcha_is_solved_by_the_users_command(tmp_path, capsys):
    spec = in_folder(OBSERVATIONAL, tmp_path)
    with launch("--fast", "--captcha") as mock:
        solver = tmp_path / "solve.py"  # reads the PNG as a real solver would, answers what the mock drew
        solver.write_text("import sys, urllib.request\nassert sys.stdin.buffer.read().startswith(b'\\x89PNG')\n"
                          f"print(urllib.request.urlopen('{mock.url}/__mock__/captcha/last').read().decode())\n",
                          encoding="utf-8")
        code, out = submit(staffed(mock), spec, capsys, "--captcha-cmd", f"{sys.executable} {solver}")
        assert_filed(code, out, own(mock), spec)


@pytest.mark.parametrize("status", ["400", "200"])
def test_a_save_the_server_refuses_is_reported_with_its_tab_and_field(status, tmp_path, capsys):
    """The server refuses the 研究内容 tab for 具体疾病或症状 (a rule of its own, planned through the control API):
    the run stops there, names the tab and the field, and claims nothing after it as saved."""
    spec = in_folder(OBSERVATIONAL, tmp_path)
    field = FORM.find("conditions")
    name = field.name if isinstance(field.name, str) else field.name[0]
    with launch("--fast", "--error-status", status) as mock:
        staffed(mock).control("POST", "refuse-next", {"name": name, "msg": "研究疾病名称不规范，请使用标准名称"})
        code, out = submit(mock, spec, capsys)
        [project] = own(mock)
    assert code == 1, out
    assert f"研究内容 › {field.label}: 研究疾病名称不规范，请使用标准名称" in out, out
    assert "research_content" not in project["modules"] or not project["modules"]["research_content"], project
    outcome = {line.split(":")[0].strip(): line.split(":", 1)[1] for line in out.splitlines() if " / " in line
               and line.startswith("  ") and ":" in line}
    assert "研究内容" in outcome["未保存 / not saved"], out
    assert "研究内容" not in outcome["已保存并核对 / saved and verified"] + outcome["已保存、未核对 / saved, not read back yet"]
    assert "未提交" in outcome["提交 / submit"], out
    assert project["status"] == "draft"


@pytest.mark.parametrize("fault", ["drop_field_rate", "alter_field_rate"])
def test_a_save_that_stores_other_values_is_caught_by_the_read_back(fault, tmp_path, capsys):
    spec = in_folder(OBSERVATIONAL, tmp_path)
    with launch("--fast") as mock:
        staffed(mock).control("POST", "faults", {fault: 1.0, "seed": 7})
        code, out = submit(mock, spec, capsys)
        [project] = own(mock)
        injected = mock.control("GET", "faults")["injected"]
    assert code == 1, out
    assert injected["drops" if fault == "drop_field_rate" else "alters"] >= 1
    assert STORED_OTHERWISE in out, out
    # the read-back names a field the mock really changed, by its tab and label (a field whose condition or
    # parent reads the changed one may be named too: the page no longer shows it as sent)
    named = [line.strip().split(":")[0].partition(" › ") for line in out.splitlines() if "发送 / sent" in line]
    changed = {line.split(":")[0] for line in stored_differences(project, spec)}
    labels = {(m.label, c.label): f"{m.key}.{c.key}" for m in FORM.modules for c in m.controls()}
    assert any(labels.get((tab, label)) in changed for tab, _, label in named), (named, changed)
    assert project["status"] == "draft"
