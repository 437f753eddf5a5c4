"""A filing on the live face that stopped after 研究类别 was saved and before 基本信息 (the tab with the title)
left a draft without a title. A run on another computer (a fresh state folder, knowing nothing) finds that draft
and finishes it: the account ends with one project holding every value of the spec, never a second one."""

from __future__ import annotations

from pathlib import Path

import pytest

from autofiler.forms import load as load_form
from mock_site.launcher import DEMO_PI
from tests.e2e.live_support import live, server, spec_copy  # noqa: F401 - the live face's fixtures
from tests.e2e.test_submit_live import stored_differences
from tests.site.filing_support import owned, run_cli

pytestmark = pytest.mark.e2e

TITLE_CONTROL = load_form("live-2026").find("research_title").name  # 医学研究题目, on 基本信息
REFUSAL = "题目与已登记项目重复"


def submit(mock, capsys, spec: Path, state: Path) -> tuple[int, str]:
    return run_cli(capsys, "submit", str(spec), "--yes", "--site", mock.url, "--user", DEMO_PI["phone"],
                   "--state-dir", str(state))


def test_a_draft_left_without_a_title_is_finished_by_a_run_on_another_computer(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("single-center.yaml", tmp_path)
    live.control("POST", "refuse-next", {"name": TITLE_CONTROL, "msg": REFUSAL})
    code, out = submit(live, capsys, spec, tmp_path / "first-computer")
    assert code != 0 and REFUSAL in out, out
    [left] = owned(live)
    assert left["status"] == "draft" and not left["project_name"]  # 研究类别 saved, no title yet
    assert left["modules"].get("research_category"), left["modules"]

    code, out = submit(live, capsys, spec, tmp_path / "second-computer")
    assert code == 0, out
    [project] = owned(live)
    assert project["id"] == left["id"]
    assert project["status"] == "academic_review"
    assert project["project_name"]
    assert stored_differences(project, spec) == []


def test_a_draft_with_another_title_is_left_alone(live, tmp_path, capsys):  # noqa: F811
    other = spec_copy("single-center.yaml", tmp_path / "other")
    spec = spec_copy("single-center.yaml", tmp_path)
    title = "超说明书使用利妥昔单抗治疗成人难治性肾病综合征的单中心单臂研究"
    text = other.read_text(encoding="utf-8").replace(title, "另一项研究：利妥昔单抗的长期随访", 1)
    other.write_text(text, encoding="utf-8")
    code, out = submit(live, capsys, other, tmp_path / "first-computer")
    assert code == 0, out
    [first] = owned(live)

    code, out = submit(live, capsys, spec, tmp_path / "second-computer")
    assert code == 0, out
    projects = {p["id"]: p for p in owned(live)}
    assert len(projects) == 2
    assert projects[first["id"]]["project_name"] == first["project_name"]
    [new] = [p for i, p in projects.items() if i != first["id"]]
    assert stored_differences(new, spec) == []
