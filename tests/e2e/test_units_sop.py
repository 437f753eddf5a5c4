"""The sop-2020 face: participating units written as plain names are looked up through the search its site map
declares before anything is written; an unregistered one without its details stops plan, --dry-run and submit
with its spec path (exit 1, no project created), one given with its details goes on (the add dialog's route)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from autofiler.commands import plan, submit
from mock_site.launcher import launch
from tests.e2e.live_support import ROOT, run

pytestmark = pytest.mark.e2e

GIVEN = "institution: {name: 某县人民医院, province: 河北省, city: 保定市, address: 某路1号}"


@pytest.fixture(scope="module")
def sop():
    with launch("--face", "sop-2020", "--fast") as mock:
        yield mock


@pytest.fixture
def mock(sop, pi_password):
    sop.reset()
    return sop


def spec(folder: Path, unit: str = GIVEN) -> Path:
    shutil.copytree(ROOT / "specs" / "files", folder / "files", dirs_exist_ok=True)
    target = folder / "multi-center.yaml"
    text = (ROOT / "specs" / "multi-center.yaml").read_text(encoding="utf-8")
    assert GIVEN in text
    target.write_text(text.replace(GIVEN, unit), encoding="utf-8")
    return target


def test_a_unit_given_with_its_details_is_named_and_plan_goes_on(mock, tmp_path, capsys):
    code, out = run(plan.run, mock, capsys, spec(tmp_path))
    assert code == 2, out
    assert "implementation.participating_units[1].institution" in out and "某县人民医院" in out
    assert "北京大学第一医院" not in out
    assert mock.projects() == []


@pytest.mark.parametrize("command,extra", [(plan.run, {}), (submit.run, {"dry_run": True}),
                                           (submit.run, {"yes": True})])
def test_an_unregistered_plain_name_stops_before_a_project_exists(mock, tmp_path, capsys, command, extra):
    code, out = run(command, mock, capsys, spec(tmp_path, "institution: 某县人民医院"), **extra)
    assert code == 1, out
    assert "implementation.participating_units[1].institution" in out
    assert "“某县人民医院” is not registered on the site" in out and "nothing was written" in out
    assert mock.projects() == []
