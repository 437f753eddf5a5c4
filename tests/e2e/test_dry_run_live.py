"""`autofiler submit --dry-run` on the mock's live face: the site checks, then every tab filled in the browser and
reported, and never a 保存 or 提交: the mock's stored projects are the same after it as before."""

from __future__ import annotations

import pytest

from autofiler.commands import submit
from autofiler.site.filing_display import NOT_ON_SITE
from tests.e2e.live_support import live, run, server, spec_copy  # noqa: F401 - fixtures

pytestmark = pytest.mark.e2e


def test_a_new_project_is_filled_in_a_new_editor_and_never_saved(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("multi-center-chictr.yaml", tmp_path)
    code, out = run(submit.run, live, capsys, spec, dry_run=True)
    assert code == 0, out
    assert NOT_ON_SITE in out
    assert out.count("已填写未保存 / filled, not saved (dry run)") == 9  # every tab this study shows
    assert "医学研究题目: （空或未显示 / empty or not shown） → 达格列净治疗射血分数保留的心力衰竭的多中心随机对照研究" in out
    assert "某县人民医院" in out and "not registered" in out
    assert "dry run: nothing was saved or submitted" in out
    assert live.projects() == []


def test_an_option_the_site_does_not_serve_stops_before_anything(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("multi-center-chictr.yaml", tmp_path, ("institution_level: 二级甲等", "institution_level: 五级"))
    code, out = run(submit.run, live, capsys, spec, dry_run=True)
    assert code == 1, out
    assert "implementation.participating_units[1].institution_level" in out and "五级" in out
    assert "filled, not saved" not in out
    assert live.projects() == []


def test_submit_stops_on_the_same_check_before_a_draft_exists(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("multi-center-chictr.yaml", tmp_path, ("institution_level: 二级甲等", "institution_level: 五级"))
    code, out = run(submit.run, live, capsys, spec, yes=True)
    assert code == 1, out
    assert "implementation.participating_units[1].institution_level" in out
    assert "未提交 / not submitted" in out  # the closing summary
    assert live.projects() == []


def test_a_dry_run_on_a_project_on_the_site_changes_nothing_there(live, tmp_path, capsys):  # noqa: F811
    live.control("POST", "seed", {"owner": "13800000000", "projects": 1})
    before = live.projects()
    pid = before[0]["id"]
    spec = spec_copy("observational.yaml", tmp_path, ("form: live-2026", f"form: live-2026\nsite_project_id: {pid}"))
    code, out = run(submit.run, live, capsys, spec, dry_run=True)
    assert code == 0, out
    assert f"dry run on project {pid}" in out
    assert "医学研究题目: " in out and " → 老年住院患者衰弱与出院后 1 年不良结局的前瞻性队列研究" in out
    assert live.projects() == before


def test_the_dry_run_guard_refuses_save_and_stops_any_write_the_page_sends(live, tmp_path):  # noqa: F811
    from autofiler.config import Settings
    from autofiler.errors import SiteError
    from autofiler.site.flows_classic.classic_editor import ClassicEditor
    from autofiler.site.flows_classic.dry import no_writes
    from autofiler.site.maps import choose, resolve
    from autofiler.site.session.classic_session import open_classic
    from tests.support import CHROMIUM, DEMO_PI

    site = resolve.load(choose.shipped("live-2026"))
    settings = Settings(site=live.url, user=DEMO_PI["phone"], state_dir=tmp_path, browser_path=CHROMIUM)
    with open_classic(settings, site) as session:
        editor = ClassicEditor(session)
        editor.open_new()
        editor.dry_run = True
        with pytest.raises(SiteError, match="never clicks 保存"):
            editor.save(site.tabs[0])
        with no_writes(session.page) as stopped:
            sent = session.page.evaluate("fetch('/research/api/save/0', {method: 'POST', body: '{}'})"
                                         ".then(() => 'sent', () => 'stopped')")
            read = session.page.evaluate("fetch('/research/api/list').then((r) => r.status)")
    assert sent == "stopped" and len(stopped) == 1 and "POST" in stopped[0]
    assert read == 200  # reads go through
    assert live.projects() == []
