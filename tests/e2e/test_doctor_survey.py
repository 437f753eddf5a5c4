"""`autofiler doctor --survey` on the mock's live-2026 face (genuine layui, server-rendered): on the face as
shipped every control is found and nothing differs; on the face started with a changed catalog (one label, one
new field, one option list) exactly those three are reported and `--out` writes drafts that load and hold them.
The survey never saves: the mock's project list stays as it was."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from autofiler.commands import doctor_survey
from autofiler.forms import Form
from autofiler.forms.catalog import HERE as CATALOGS
from autofiler.site.maps import resolve
from mock_site.launcher import DEMO_PI, launch
from tests.support import CHROMIUM

pytestmark = pytest.mark.e2e

NEW_FIELD = {"key": "ethics_contact_phone", "label": "伦理联系人电话", "name": "ethicsContactPhone",
             "widget": "text", "required": True}


def args(url: str, state: Path, **kw: Any) -> SimpleNamespace:
    base = SimpleNamespace(site=url, user=DEMO_PI["phone"], state_dir=str(state), selectors=None,
                           browser_path=CHROMIUM, channel=None, headed=False, slowmo=0, captcha_cmd=None,
                           verbose=0, config=None, survey=True, out=None, project=None)
    return SimpleNamespace(**{**vars(base), **kw})


def _entry(fields: list[dict[str, Any]], key: str) -> dict[str, Any]:
    for f in fields:
        if f.get("key") == key:
            return f
        inner = f.get("fields") or f.get("columns") or []
        found = _entry(inner, key) if inner else None
        if found:
            return found
    return {}


def changed_catalog(folder: Path) -> Path:
    """The shipped live-2026 catalog with a changed label, a new field and a changed option list."""
    data = yaml.safe_load((CATALOGS / "live-2026.yaml").read_text(encoding="utf-8"))
    basic = next(m for m in data["modules"] if m["key"] == "basic_info")
    _entry(basic["fields"], "research_title_short")["label"] = "医学研究简称"
    at = [f["key"] for f in basic["fields"]].index("public_title")
    basic["fields"].insert(at + 1, NEW_FIELD)
    category = next(m for m in data["modules"] if m["key"] == "research_category")
    source = _entry(category["fields"], "preparation_source")
    assert "企业" in source["options"]
    source["options"] = [o for o in source["options"] if o != "企业"] + ["医院制剂室"]
    path = folder / "changed-live-2026.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])


def test_on_the_face_as_shipped_every_control_is_found_and_nothing_is_saved(password, tmp_path, capsys):
    with launch("--fast") as mock:
        code = doctor_survey.run(args(mock.url, tmp_path))
        out = capsys.readouterr().out
        assert mock.projects() == []
    assert code == 0, out
    assert "站点与站点地图、表单目录一致 / the site matches" in out
    assert "✗" not in out
    assert "【相关附件】" in out and "研究方案 · — · upload" in out
    assert "医学研究题目 · researchTitle · text · 必填 / required · 显示 / shown" in out


def test_a_named_draft_is_surveyed_as_it_is_and_left_unchanged(password, tmp_path, capsys):
    with launch("--fast") as mock:
        mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 8})
        before = mock.projects()
        draft = next(p for p in before if p["status"] == "draft" and p["owner"] == DEMO_PI["phone"])
        code = doctor_survey.run(args(mock.url, tmp_path, project=str(draft["id"])))
        out = capsys.readouterr().out
        assert json.dumps(mock.projects(), sort_keys=True) == json.dumps(before, sort_keys=True)
    assert code == 0, out
    assert f"项目 / project {draft['id']}" in out


def test_a_changed_site_shows_exactly_its_three_changes_and_the_drafts_hold_them(password, tmp_path, capsys):
    form_file = changed_catalog(tmp_path)
    target = tmp_path / "out" / "live-surveyed.yaml"
    target.parent.mkdir()
    with launch("--fast", "--form-file", str(form_file)) as mock:
        code = doctor_survey.run(args(mock.url, tmp_path, out=str(target)))
        out = capsys.readouterr().out
        assert mock.projects() == []
    assert code == 1, out
    assert "3 处差异 / 3 difference(s)" in out
    assert "标签变化 / label changed: 1" in out
    assert "基本信息 › 医学研究简称 (research_title_short): 医学研究题目简写 → 医学研究简称" in out
    assert "站点新增 / new on the site: 1" in out
    assert "基本信息 › 伦理联系人电话 (ethicsContactPhone, text) → 建议键 / proposed key: ethics_contact_phone" in out
    assert "选项变化 / options changed: 1" in out
    assert "研究类别 › 制剂来源类型 (preparation_source): +医院制剂室 −企业" in out

    site = resolve.load(target)
    assert site.tab("basic_info").field("research_title_short").label == "医学研究简称"
    catalog = target.with_name("live-surveyed.catalog.yaml")
    form = Form.model_validate(yaml.safe_load(catalog.read_text(encoding="utf-8")))
    assert form.find("research_title_short").label == "医学研究简称"
    new = form.find("ethics_contact_phone")
    keys = [c.key for c in form.module("basic_info").controls()]
    assert keys[keys.index("public_title") + 1] == "ethics_contact_phone"  # where the page shows it
    assert (new.label, new.name, new.widget, new.required, new.verification) == (
        "伦理联系人电话", "ethicsContactPhone", "text", True, "surveyed")
    options = form.find("preparation_source").options
    assert "医院制剂室" in options and "企业" not in options
