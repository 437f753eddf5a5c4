"""Filing the sop-2020 examples on the genuine Vue 2.7 + Element UI 2.15 face, in every variant of it.

Each run is judged by what the mock stored (its control API), compared with the spec's YAML by this file's own
small normaliser, not by the driver's comparison, and by the exit code. The variants cover every value of each
switch: routes history/hash, a confirmation before 提交 or none, the unregistered-institution link per row or
under the table (the multi-center example adds an unregistered unit on both).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from autofiler.config import Settings
from autofiler.errors import SiteError
from autofiler.forms import load as load_form
from autofiler.site import page_actions, sitemap
from autofiler.site.filing_display import STORED_OTHERWISE, SUBMIT_DONE, SUBMIT_WORDS, FilingDisplay
from autofiler.site.flows_element import element_submission
from autofiler.site.flows_element.element_editor import Editor, SaveRejected
from autofiler.site.lists import element_projects
from autofiler.site.session.site_session import open_site
from mock_site.launcher import DEMO_PI, launch
from tests.site.filing_support import MULTI, SINGLE, run_cli

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("pi_password")]

SUBMITTED = "academic_review"
VARIANTS = [
    # with the library's own transitions (the confirmation fades in, toasts slide): the timing a user's site has
    pytest.param(SINGLE, ["--routes", "history", "--submit-confirm", "--institution-button", "row"],
                 id="single-history-confirm-row-transitions"),
    pytest.param(SINGLE, ["--routes", "hash", "--no-submit-confirm", "--institution-button", "table"],
                 id="single-hash-noconfirm-table"),
    pytest.param(MULTI, ["--routes", "hash", "--submit-confirm", "--institution-button", "row"],
                 id="multi-hash-confirm-row"),
    pytest.param(MULTI, ["--routes", "history", "--no-submit-confirm", "--institution-button", "table"],
                 id="multi-history-noconfirm-table"),
]


def _plain(value: Any) -> Any:
    """A spec or stored value in one comparable form: dates as ISO text, an institution given with its address
    as its name, rows without their empty cells, a multiselect as a sorted list."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        if "name" in value and "province" in value:
            return _plain(value["name"])
        out = {k: _plain(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [])}
    if isinstance(value, list):
        items = [_plain(v) for v in value]
        return sorted(items) if all(isinstance(v, str) for v in items) else items
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, str):
        return value.strip() or None
    return value


def stored_differences(project: dict[str, Any], spec: Path) -> list[str]:
    """Every spec value the mock did not store as written (attachments by name and content hash)."""
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    out = []
    for module, values in data.items():
        if module == "attachments":
            continue
        stored = project["modules"].get(module) or {}
        for key, want in values.items():
            if _plain(want) != _plain(stored.get(key)):
                out.append(f"{module}.{key}: spec {_plain(want)!r} stored {_plain(stored.get(key))!r}")
    for key, want in data["attachments"].items():
        paths = want if isinstance(want, list) else [want]
        wanted = sorted((Path(p).name, hashlib.sha256((spec.parent / p).read_bytes()).hexdigest()) for p in paths)
        have = sorted((f["name"], f["sha256"]) for f in project["attachments"].get(key, []))
        if wanted != have:
            out.append(f"attachments.{key}: spec {wanted} stored {have}")
    return out


def own_projects(mock: Any) -> list[dict[str, Any]]:
    return [p for p in mock.projects() if p["owner"] == DEMO_PI["phone"]]


@pytest.mark.parametrize(("spec", "flags"), VARIANTS)
def test_the_example_is_filed_and_submitted_with_every_value_stored(spec, flags, request, capsys):
    fast = [] if request.node.callspec.id.endswith("-transitions") else ["--fast"]
    with launch("--face", "sop-2020", *fast, *flags) as mock:
        code, out = run_cli(capsys, "submit", str(spec), "--site", mock.url, "--user", DEMO_PI["phone"], "--yes")
        projects = own_projects(mock)
    assert code == 0, out
    assert len(projects) == 1, out
    [project] = projects
    assert stored_differences(project, spec) == [], out
    assert project["status"] == SUBMITTED, out
    assert SUBMIT_WORDS[SUBMIT_DONE] in out


def hash_site_map(folder: Path) -> Path:
    """The shipped site map with the hash routes' own addresses (`/#/projects/{id}/edit`): opening the editor
    again from itself then changes nothing but the fragment, so only a real reload shows what the server holds."""
    text = sitemap.default_path().read_text(encoding="utf-8")
    for key in ("login_path: /login", 'project_url: "/projects', 'project_tab_url: "/projects',
                'progress_url: "/projects'):
        assert key in text, key
        text = text.replace(key, key.replace("/login", "/#/login").replace('"/projects', '"/#/projects'))
    target = folder / "registry-hash.yaml"
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("addresses", ["paths", "fragments"])
def test_a_site_that_stores_less_than_was_posted_is_caught_by_the_read_back(addresses, capsys, tmp_path):
    selectors = ["--selectors", str(hash_site_map(tmp_path))] if addresses == "fragments" else []
    with launch("--face", "sop-2020", "--fast", "--routes", "hash") as mock:
        mock.control("POST", "faults", {"drop_field_rate": 1.0, "seed": 7})
        code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", "--site", mock.url,
                            "--user", DEMO_PI["phone"], *selectors)
        [project] = own_projects(mock)
    assert code == 1, out
    assert f"基本信息：{STORED_OTHERWISE}" in out, out
    # the field the mock dropped is named with its label, as the form catalog gives it
    lost = [line.split(":")[0].split(".")[1] for line in stored_differences(project, SINGLE)
            if line.startswith("basic_info.")]
    assert lost, "the fault dropped nothing in 基本信息"
    form = load_form("sop-2020")
    assert any(f"  {form.find(key).label}: 发送 / sent" in out for key in lost), out
    assert project["status"] == "draft"


def test_a_site_map_with_fragment_addresses_files_the_example(capsys, tmp_path):
    selectors = str(hash_site_map(tmp_path))
    with launch("--face", "sop-2020", "--fast", "--routes", "hash", "--no-submit-confirm") as mock:
        code, out = run_cli(capsys, "submit", str(SINGLE), "--site", mock.url, "--user", DEMO_PI["phone"],
                            "--yes", "--selectors", selectors)
        [project] = own_projects(mock)
    assert code == 0, out
    assert stored_differences(project, SINGLE) == [], out
    assert project["status"] == SUBMITTED, out


@pytest.mark.parametrize("confirm", ["--submit-confirm", "--no-submit-confirm"])
def test_a_refused_submit_is_reported_with_the_sites_list(confirm, tmp_path):
    """提交 on an empty project: the site refuses it (422 with its list, and its 提交检查 dialog)."""
    with launch("--face", "sop-2020", "--fast", confirm) as mock:
        settings = Settings(site=mock.url, user=DEMO_PI["phone"], state_dir=tmp_path / "state")
        with open_site(settings) as site:
            project_id = element_projects.create(site)
            with pytest.raises(SiteError) as refused:
                element_submission.submit(site, project_id, FilingDisplay(out=io.StringIO()))
            dialog_shown = site.page.locator(".el-dialog[aria-label=提交检查]").is_visible()
        [project] = own_projects(mock)
    message = refused.value.message
    assert "提交检查未通过" in message
    assert "  基本信息：" in message and "  相关附件：" in message and "研究方案" in message
    assert dialog_shown
    assert project["status"] == "draft"


def test_a_login_with_a_captcha_on_hash_routes_is_judged_by_the_layout(tmp_path):
    with launch("--face", "sop-2020", "--fast", "--routes", "hash", "--captcha") as mock:
        script = tmp_path / "solve.py"
        script.write_text("import sys, urllib.request\nsys.stdin.buffer.read()\n"
                          f"print(urllib.request.urlopen('{mock.url}/__mock__/captcha/last').read().decode())\n",
                          encoding="utf-8")
        settings = Settings(site=mock.url, user=DEMO_PI["phone"], state_dir=tmp_path / "state",
                            captcha_cmd=f"{sys.executable} {script}")
        with open_site(settings) as site:
            assert site.page.url.startswith(mock.url + "/#/")  # every page's path is `/`
            assert site.logged_in()
            assert not site.on_login_page()


def test_without_the_list_and_project_json_the_rendered_pages_serve(tmp_path):
    """A site map that knows no JSON: the list is read from its rendered page once the app has filled it, and a
    project's state from its 备案进度 page, on hash routes."""
    data = yaml.safe_load(sitemap.default_path().read_text(encoding="utf-8"))
    del data["list_api"], data["project_api"]
    path = tmp_path / "no-json.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with launch("--face", "sop-2020", "--fast", "--routes", "hash") as mock:
        mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 3})
        stored = {str(p["id"]): p for p in own_projects(mock)}
        settings = Settings(site=mock.url, user=DEMO_PI["phone"], state_dir=tmp_path / "state", selectors=path)
        with open_site(settings, site_map=sitemap.load(path)) as site:
            rows = element_projects.list_projects(site)
            first = rows[0]
            label = element_projects.state_label(site, first.id)
    assert sorted(r.id for r in rows) == sorted(stored)
    assert {r.id: r.status_label for r in rows} == {k: p["status_label"] for k, p in stored.items()}
    assert label == stored[first.id]["status_label"]


@pytest.mark.parametrize("status", [400, 200])
def test_a_refused_save_is_recognised_from_its_answer_and_its_field_errors_read(status, tmp_path):
    """The site's answer to 保存 is replaced in the browser by a refusal: a 400, or a 200 whose body carries the
    errors. Either is a refusal with the site's field errors, never a save."""
    refusal = {"message": "请检查标红的字段", "errors": [{"field": "project_name", "message": "请填写项目名称"}]}
    with launch("--face", "sop-2020", "--fast") as mock:
        settings = Settings(site=mock.url, user=DEMO_PI["phone"], state_dir=tmp_path / "state")
        with open_site(settings) as site:
            project_id = element_projects.create(site)
            editor = Editor(site, project_id)
            editor.load(opened=True)
            site.page.route("**/modules/basic_info", lambda route: route.fulfill(
                status=status, content_type="application/json", body=json.dumps(refusal, ensure_ascii=False)))
            with pytest.raises(SaveRejected) as refused:
                editor.save(site.map.module("basic_info"))
            shown = page_actions.form_item(site.page, site.map.ui, "项目名称").locator(site.map.ui.form_item_error).inner_text()
    assert refused.value.message == "请检查标红的字段"
    assert refused.value.errors == [{"field": "project_name", "message": "请填写项目名称"}]
    assert shown.strip() == "请填写项目名称"  # the page took the same answer as a refusal
