"""`autofiler doctor --survey --project ID` on the mock's Element face (genuine Vue 2.7 + Element UI 2.15, the
sop-2020 form): with the shipped site map every field of the named draft is found and the draft is left as it
was; with a site map that names one label wrongly and lacks one field, exactly those are reported and the
drafts written by --out load and put them right."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from autofiler.commands import doctor_survey
from autofiler.forms import Form
from autofiler.site import sitemap
from autofiler.site.maps import choose
from mock_site.launcher import DEMO_PI, launch
from tests.e2e.test_doctor_survey import args

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def element():
    with launch("--face", "sop-2020", "--fast") as mock:
        mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 6})
        yield mock


@pytest.fixture
def draft(element, monkeypatch) -> str:
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    return str(next(p["id"] for p in element.projects() if p["status"] == "draft"
                    and p["owner"] == DEMO_PI["phone"]))


def test_every_field_of_a_named_draft_is_found_and_the_draft_is_left_as_it_was(element, draft, tmp_path, capsys):
    before = element.projects()
    code = doctor_survey.run(args(element.url, tmp_path, selectors=str(choose.shipped("sop-2020")),
                                  project=draft))
    out = capsys.readouterr().out
    assert element.projects() == before
    assert code == 0, out
    assert "研究领域 · — · multiselect · 必填 / required · 显示 / shown" in out
    assert "站点与站点地图、表单目录一致 / the site matches" in out


def stale_map(folder: Path) -> Path:
    """The shipped map with 备案题目简写 under another label and 项目编号 left out."""
    data = yaml.safe_load(choose.shipped("sop-2020").read_text(encoding="utf-8"))
    fields = next(m for m in data["modules"] if m["key"] == "basic_info")["fields"]
    next(f for f in fields if f["key"] == "filing_title_short")["label"] = "备案简称"
    fields[:] = [f for f in fields if f["key"] != "project_number"]
    path = folder / "stale.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_stale_site_map_is_put_right_by_the_drafts(element, draft, tmp_path, capsys):
    target = tmp_path / "fixed.yaml"
    code = doctor_survey.run(args(element.url, tmp_path, selectors=str(stale_map(tmp_path)), project=draft,
                                  out=str(target)))
    out = capsys.readouterr().out
    assert code == 1, out
    assert "2 处差异 / 2 difference(s)" in out
    assert "基本信息 › 备案题目简写 (filing_title_short): 备案简称 → 备案题目简写" in out
    assert "基本信息 › 项目编号 (—, text) → 建议键 / proposed key: new_field" in out
    fixed = sitemap.load(target)
    keys = [f.key for f in fixed.module("basic_info").fields]
    assert fixed.module("basic_info").field("filing_title_short").label == "备案题目简写"
    assert keys[keys.index("project_source_detail") + 1] == "new_field"  # where the page shows it
    assert fixed.module("basic_info").field("new_field").label == "项目编号"
    catalog = Form.model_validate(yaml.safe_load(target.with_name("fixed.catalog.yaml").read_text("utf-8")))
    assert catalog.find("new_field").verification == "surveyed"
