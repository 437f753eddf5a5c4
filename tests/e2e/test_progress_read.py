"""progress against the mock registry: the lists, one timeline, a spec file, 分中心项目 and the admin's view."""

import json

import pytest
import yaml

from tests.support import ADMIN, DEMO_PI, ROOT
from tests.tracking.cli import autofiler

pytestmark = pytest.mark.e2e

SUB_PI = {"phone": "13900000088", "password": "Sub@2025"}
PARTNER = "北京大学第一医院"


def site_map(tmp_path, change) -> str:
    """A copy of the shipped site map, changed by `change(data)`."""
    data = yaml.safe_load((ROOT / "selectors" / "registry.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "registry.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


@pytest.fixture(params=["json", "pages"])
def source(request, tmp_path) -> list[str]:
    """How the lists are read: the JSON behind them (the shipped map) or the rendered pages (a map without
    list_api). Both must give the registry's truth."""
    if request.param == "json":
        return []
    return ["--selectors", site_map(tmp_path, lambda d: d.pop("list_api"))]


def listed(result) -> dict[str, tuple]:
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    return {p["id"]: (p["status"], p["status_label"], p["filing_no"] or "") for p in doc["projects"]}


def expected(projects, keep) -> dict[str, tuple]:
    return {str(p["id"]): (p["status"], p["status_label"], p["filing_no"] or "") for p in projects if keep(p)}


def test_all_reads_every_page_and_equals_the_registry(mock, source):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 230})
    result = autofiler(mock, "progress", "--all", "--format", "json", *source)
    truth = expected(mock.projects(), lambda p: p["owner"] == DEMO_PI["phone"])
    assert len(truth) == 230
    assert listed(result) == truth
    assert any(status == "published" and no for status, _, no in truth.values())


def test_timeline_of_a_returned_project_shows_steps_reviewer_and_opinion(mock, tmp_path):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 10})
    target = next(p for p in mock.projects() if p["status"] == "academic_review")
    mock.control("POST", f"projects/{target['id']}/review",
                 {"decision": "return", "opinion": "请补充伦理审查批件", "reviewer": "李审核"})
    shown = autofiler(mock, "progress", str(target["id"]))
    assert shown.returncode == 0, shown.stderr
    for text in ("退回修改", "请补充伦理审查批件", "李审核", "学术审查", target["project_name"]):
        assert text in shown.stdout

    spec = tmp_path / "project.yaml"
    spec.write_text(f"basic_info:\n  project_name: {target['project_name']}\n", encoding="utf-8")
    result = autofiler(mock, "progress", str(spec), "--format", "json")
    assert result.returncode == 0, result.stderr
    [project] = json.loads(result.stdout)["projects"]
    assert (project["id"], project["status"], project["opinion"]) == (str(target["id"]), "returned", "请补充伦理审查批件")
    truth = mock.control("GET", f"projects/{target['id']}")["timeline"]
    assert [(e["step"], e["result"], e["reviewer"], e["opinion"]) for e in project["timeline"]] == \
           [(e["step"], e["result"], e["reviewer"] or None, e["opinion"] or None) for e in truth]


def test_all_with_opinions_reads_the_opinion_of_returned_projects(mock):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 10})
    target = next(p for p in mock.projects() if p["status"] == "ethics_review")
    mock.control("POST", f"projects/{target['id']}/review", {"decision": "return", "opinion": "知情同意书版本号不一致"})
    result = autofiler(mock, "progress", "--all", "--opinions", "--format", "json")
    assert result.returncode == 0, result.stderr
    projects = {p["id"]: p for p in json.loads(result.stdout)["projects"]}
    assert projects[str(target["id"])]["opinion"] == "知情同意书版本号不一致"
    assert all("opinion" in p for p in projects.values() if p["status"] == "returned")


def test_an_unknown_id_is_a_clear_error(mock):
    result = autofiler(mock, "progress", "999999")
    assert result.returncode == 1
    assert "999999" in result.stderr


def test_subcenters_shows_projects_of_another_pi_with_our_institution_as_a_unit(mock, source):
    mock.control("POST", "users", {**SUB_PI, "name": "李四", "institution": PARTNER, "role": "pi"})
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 12})

    def partner(p):
        units = p["modules"].get("implementation", {}).get("participating_units") or []
        return any(u.get("institution") == PARTNER for u in units)

    truth = expected(mock.projects(), partner)
    assert truth  # the seed gives every other project a unit at 北京大学第一医院
    result = autofiler(mock, "progress", "--subcenters", "--format", "json", *source, account=SUB_PI)
    assert listed(result) == truth


def test_the_institution_admin_sees_every_project_of_the_institution(mock, source):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 15})
    truth = expected(mock.projects(), lambda p: p["institution"] == "示例医院")
    result = autofiler(mock, "progress", "--all", "--format", "json", *source, account=ADMIN)
    assert listed(result) == truth


def test_a_list_json_not_as_mapped_falls_back_to_the_pages_and_says_so(mock, tmp_path):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 12})
    moved = site_map(tmp_path, lambda d: d["list_api"]["paths"].update(projects="/api/no-such-list"))
    result = autofiler(mock, "progress", "--all", "--format", "json", "--selectors", moved)
    assert listed(result) == expected(mock.projects(), lambda p: p["owner"] == DEMO_PI["phone"])
    assert "/api/no-such-list: HTTP 404" in result.stderr and "list_api" in result.stderr


def test_a_state_the_site_map_does_not_know_is_kept_as_unknown(mock, tmp_path):
    text = (ROOT / "selectors" / "registry.yaml").read_text(encoding="utf-8")
    assert "  published: 已公开\n" in text
    selectors = tmp_path / "registry.yaml"
    selectors.write_text(text.replace("  published: 已公开\n", ""), encoding="utf-8")
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 10})
    result = autofiler(mock, "progress", "--all", "--format", "json", "--selectors", str(selectors))
    assert result.returncode == 0, result.stderr
    odd = [p for p in json.loads(result.stdout)["projects"] if p["status_label"] == "已公开"]
    assert odd and all(p["status"] == "unknown" and p["filing_no"] for p in odd)


@pytest.mark.parametrize("account", [DEMO_PI, ADMIN], ids=["pi", "admin"])
def test_a_second_check_reuses_the_session_of_the_first(mock, account):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 3})
    assert autofiler(mock, "progress", "--all", account=account).returncode == 0
    # with the saved cookies still good, the password is not needed again
    again = autofiler(mock, "progress", "--all", account={**account, "password": ""})
    assert again.returncode == 0, again.stderr
    # but a password given that differs from the one that made the session must prove itself (issue 13, item 6)
    wrong = autofiler(mock, "progress", "--all", account={**account, "password": "wrong-password"})
    assert wrong.returncode == 1 and "AUTOFILER_PASSWORD" in wrong.stderr
