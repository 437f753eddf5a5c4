"""The control API: shapes, accounts, institutions, seeding, reset, and that it exists only with --control."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from mock_site.launcher import launch
from tests.mock_site.api_support import (
    client,
    complete,
    control_call,
    fill_project,
    new_project,
    pdf_bytes,
    upload,
)
from tests.support import ADMIN, DEMO_PI


def test_projects_show_values_in_spec_types(mock):
    c = client(mock)
    project_id = new_project(c)
    fill_project(c, project_id)
    upload(c, project_id, "other_files", pdf_bytes(), "伦理批件.pdf")
    [project] = mock.projects()
    assert {"id", "owner", "status", "status_label", "filing_no", "modules", "attachments", "timeline"} <= set(project)
    assert (project["id"], project["owner"], project["status"], project["status_label"], project["filing_no"]) == \
        (project_id, DEMO_PI["phone"], "draft", "草稿", "")
    modules = project["modules"]
    assert modules["basic_info"]["expected_duration"] == {"start": "2025-03-01", "end": "2027-02-28"}
    assert modules["basic_info"]["research_fields"] == ["肾脏病学", "风湿免疫学"]
    assert modules["research_design"]["sample_size_total"] == 40
    assert modules["research_design"]["interventions"][0]["sample_size"] == 40
    assert modules["implementation"]["participating_units"][0]["institution"] == "北京大学第一医院"
    for module, values in complete().items():
        assert {k: v for k, v in modules[module].items() if k != "lead_unit"} == values
    assert set(project["attachments"]) == {"protocol", "informed_consent", "other_files"}
    assert set(project["attachments"]["other_files"][0]) == {"name", "sha256", "size"}
    assert project["timeline"] == []
    assert mock.control("GET", f"projects/{project_id}")["id"] == project_id
    c.close()


def test_users_call_makes_a_working_account(mock):
    user = mock.control("POST", "users", {"phone": "13900000011", "password": "Pi@20250", "name": "孙医生",
                                          "institution": "浙江大学医学院附属第一医院", "role": "pi"})
    assert user["profile_complete"] is True and user["institution"] == "浙江大学医学院附属第一医院"
    c = client(mock, "13900000011", "Pi@20250")
    assert c.post("/api/login", json={"username": "13900000011", "password": "Pi@20250"}).json()["redirect"] \
        == "/quickstart"
    c.close()
    again = control_call(mock, "POST", "users", {"phone": "13900000011", "password": "x", "name": "x",
                                                 "institution": "示例医院"})
    assert again.status_code == 409
    bad = control_call(mock, "POST", "users", {"phone": "13900000012", "password": "x", "name": "x",
                                               "institution": "示例医院", "role": "root"})
    assert bad.status_code == 400


def test_a_registered_institution_is_found_by_everyone(mock):
    mock.control("POST", "institutions", {"name": "保定市第一中心医院", "province": "河北省", "city": "保定市"})
    c = client(mock)
    assert c.get("/api/institutions", params={"q": "保定"}).json() == [
        {"name": "保定市第一中心医院", "province": "河北省", "city": "保定市"}]
    c.close()
    assert control_call(mock, "POST", "institutions", {"name": "x", "province": "火星", "city": "y"}).status_code == 400


def test_the_seeded_institutions_include_the_well_known_ones(mock):
    c = client(mock)
    for name in ("北京大学第一医院", "复旦大学附属中山医院", "四川大学华西医院", "中山大学附属第一医院",
                 "浙江大学医学院附属第一医院", "示例医院"):
        assert c.get("/api/institutions", params={"q": name}).json()[0]["name"] == name
    assert len(c.get("/api/institutions", params={"q": "医院"}).json()) == 20  # one page of matches
    c.close()


def test_seed_makes_projects_in_every_state(mock):
    result = mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 40})
    assert result["created"] == 40
    projects = mock.projects()
    assert len(projects) == 40
    states = {p["status"] for p in projects}
    assert states == {"draft", "academic_review", "ethics_review", "institution_review", "returned", "published",
                      "rejected"}
    published = [p for p in projects if p["status"] == "published"]
    numbers = [p["filing_no"] for p in published]
    assert all(re.fullmatch(r"MR-11-\d{2}-\d{6}", n) for n in numbers) and len(set(numbers)) == len(numbers)
    assert all(p["timeline"][-1]["result"] == "已公开" for p in published)
    returned = next(p for p in projects if p["status"] == "returned")
    assert returned["timeline"][-1]["result"] == "退回修改" and returned["timeline"][-1]["opinion"]
    assert all(p["attachments"].get("protocol") for p in projects)


def test_seeded_projects_are_complete_and_listed_newest_first(mock):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 25})
    c = client(mock)
    page = c.get("/api/projects", params={"page": 1, "size": 10}).json()
    assert page["total"] == 25 and len(page["rows"]) == 10
    assert [r["id"] for r in page["rows"]] == sorted((r["id"] for r in page["rows"]), reverse=True)
    drafts = c.get("/api/projects", params={"status": "draft", "size": 100}).json()["rows"]
    assert drafts and all(r["status"] == "draft" for r in drafts)
    # a seeded draft passes every check of 提交
    assert c.post(f"/api/projects/{drafts[0]['id']}/submit").status_code == 200
    returned = c.get("/api/projects", params={"status": "returned"}).json()["rows"][0]
    assert c.post(f"/api/projects/{returned['id']}/submit").status_code == 200
    c.close()


def test_seed_a_thousand(mock):
    assert mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 1000})["created"] == 1000
    assert len(mock.projects()) == 1000


def test_seed_needs_a_known_owner(mock):
    assert control_call(mock, "POST", "seed", {"owner": "13999999999", "projects": 3}).status_code == 400
    assert control_call(mock, "POST", "seed", {"owner": DEMO_PI["phone"], "projects": "3"}).status_code == 400


def test_reset_empties_state_and_ends_sessions(mock):
    c = client(mock)
    new_project(c)
    mock.control("POST", "users", {"phone": "13900000022", "password": "Pi@20250", "name": "x", "institution": "示例医院"})
    mock.control("POST", "faults", {"error_rate": 1})
    mock.reset()
    assert mock.projects() == []
    assert c.post("/api/projects").status_code == 401
    assert mock.control("GET", "faults")["error_rate"] == 0
    phones = {u["phone"] for u in mock.control("GET", "users")}
    assert phones == {"13800000000", "13800000001", "13800000009"}
    c.close()


def test_without_the_flag_there_is_no_control_api():
    with launch("--face", "sop-2020", control=False) as mock:
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(mock.url + "/__mock__/projects", timeout=5)
        assert caught.value.code == 404


def test_the_three_lists_answer_json_with_the_rows_their_pages_show(mock):
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 12})
    c = client(mock)
    own = c.get("/api/projects", params={"size": 100}).json()
    assert own["code"] == 200 and own["total"] == 12
    assert set(own["rows"][0]) == {"id", "project_name", "project_type", "status", "status_label", "filing_no",
                                   "updated_at", "owner_name", "institution"}  # no phone numbers in a list
    assert c.get("/api/projects", params={"size": 101}).status_code == 400
    assert c.get("/api/admin/review").status_code == 403  # a PI is not the institution admin
    admin = client(mock, ADMIN["phone"], ADMIN["password"])
    every = admin.get("/api/admin/review", params={"size": 100}).json()
    assert every["total"] == len([p for p in mock.projects() if p["institution"] == "示例医院"])
    assert admin.get("/api/subcenters").json()["total"] == 0
    c.close()
    admin.close()
