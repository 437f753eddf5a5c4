"""`autofiler plan` for a live-2026 spec on the mock's live face: the project is found by the spec's
site_project_id, by the id this machine recorded for the spec file, or by its title; every tab is read back and
each change printed as `label: site value → spec value`; the site checks (unregistered units, options the site
does not serve) run first. Nothing on the site changes, whatever plan finds."""

from __future__ import annotations

import pytest

from autofiler.commands import plan, submit
from autofiler.site.filing_display import NOT_ON_SITE
from tests.e2e.live_support import DEMO_PI, live, run, server, spec_copy  # noqa: F401 - fixtures

pytestmark = pytest.mark.e2e


def test_a_project_not_on_the_site_yet_is_pending_and_nothing_is_created(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("multi-center-chictr.yaml", tmp_path)
    code, out = run(plan.run, live, capsys, spec)
    assert code == 2, out
    assert NOT_ON_SITE in out
    # the unregistered unit is named; its row gives its details, so it is no reason to stop
    assert "implementation.participating_units[1].institution" in out and "某县人民医院" in out
    assert "北京大学第一医院" not in out  # registered: nothing to say
    assert live.projects() == []
    code, _out = run(plan.run, live, capsys, spec, detailed_exitcode=False)
    assert code == 0


def test_an_option_the_site_does_not_serve_stops_plan_with_its_path_and_label(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("multi-center-chictr.yaml", tmp_path, ("institution_level: 三级甲等", "institution_level: 四级甲等"))
    code, out = run(plan.run, live, capsys, spec)
    assert code == 1, out
    assert "implementation.participating_units[0].institution_level" in out
    assert "机构等级" in out and "四级甲等" in out and "nothing was written" in out
    assert live.projects() == []


def test_a_project_named_by_site_project_id_shows_each_change_and_stays_as_it_was(live, tmp_path, capsys):  # noqa: F811
    live.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 1})
    before = live.projects()
    seeded = before[0]
    assert seeded["status"] == "draft"
    spec = spec_copy("observational.yaml", tmp_path, ("form: live-2026", f"form: live-2026\nsite_project_id: {seeded['id']}"))
    code, out = run(plan.run, live, capsys, spec)
    assert code == 2, out
    site_title = seeded["modules"]["basic_info"]["research_title"]
    assert f"医学研究题目: {site_title} → 老年住院患者衰弱与出院后 1 年不良结局的前瞻性队列研究" in out
    assert "有待更新 / changes pending" in out and NOT_ON_SITE not in out
    assert live.projects() == before


def test_a_site_project_id_not_on_the_site_stops(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("observational.yaml", tmp_path, ("form: live-2026", "form: live-2026\nsite_project_id: 987"))
    code, out = run(plan.run, live, capsys, spec)
    assert code == 1 and "987" in out and "nothing was created" in out, out
    assert live.projects() == []


def test_after_filing_plan_is_in_sync_and_a_rename_is_a_title_change_of_the_same_project(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("single-center.yaml", tmp_path)
    code, out = run(submit.run, live, capsys, spec, no_submit=True)
    assert code == 0, out
    [filed] = live.projects()
    code, out = run(plan.run, live, capsys, spec)
    assert code == 0, out
    assert "the site matches the spec" in out
    old = "超说明书使用利妥昔单抗治疗成人难治性肾病综合征的单中心单臂研究"
    new = "利妥昔单抗治疗成人难治性肾病综合征的单中心单臂研究（修订题目）"
    spec.write_text(spec.read_text(encoding="utf-8").replace(f"research_title: {old}", f"research_title: {new}"),
                    encoding="utf-8")
    code, out = run(plan.run, live, capsys, spec)
    assert code == 2, out
    assert f"医学研究题目: {old} → {new}" in out
    assert f"same project {filed['id']}" in out and NOT_ON_SITE not in out
    assert live.projects() == [filed]


def test_a_wrong_password_is_not_hidden_by_the_saved_session(live, tmp_path, capsys, monkeypatch):  # noqa: F811
    spec = spec_copy("observational.yaml", tmp_path)
    code, out = run(plan.run, live, capsys, spec)
    assert code == 2, out  # logged in; the session is kept for the next command
    monkeypatch.setenv("AUTOFILER_PASSWORD", "Wrong@2025")
    code, out = run(plan.run, live, capsys, spec)
    assert code == 1, out
    assert "登录失败" in out and "AUTOFILER_PASSWORD" in out
