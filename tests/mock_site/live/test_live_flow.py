"""The live-2026 face over HTTP: 提交, review, access, seeding, faults and the error-status switch."""

from __future__ import annotations

import httpx
import pytest

from tests.mock_site.live.live_support import (
    FILING,
    client,
    new_project,
    pdf_bytes,
    replace,
    save,
    stored,
    submit,
    upload,
)
from tests.support import MockServer


def test_submit_lists_what_is_missing_then_the_review_chain_takes_over(live):
    c = client(live)
    project_id = new_project(c)
    r = submit(c, project_id)
    assert r.status_code == 422
    missing = {m["module"]: m["fields"] for m in r.json()["missing"]}
    assert missing["基本信息"][:2] == ["是否需要在其他研究注册平台公开", "医学研究题目"]
    assert "招募信息" not in missing  # not shown for an observational study
    assert missing["相关附件"] == ["研究方案", "知情同意模板/知情同意豁免申请书"]
    for tab in (1, 2, 3, 4, 6, 7):
        assert save(c, tab, FILING[tab], project_id).status_code == 200, tab
    for key in ("protocol", "consent_document"):
        assert upload(c, project_id, key, pdf_bytes()).json()["code"] == 0
    r = submit(c, project_id)
    assert r.status_code == 200 and r.json()["data"]["status"] == "academic_review", r.text
    assert save(c, 1, FILING[1], project_id).status_code == 409
    page = c.get(f"/research/edit/{project_id}").text
    assert '"readonly": true' in page and "live-save" not in page
    for _ in range(3):
        live.control("POST", f"projects/{project_id}/review", {"decision": "approve"})
    project = stored(live, project_id)
    assert project["status"] == "published" and project["filing_no"].startswith("MR-11-")
    progress = c.get(f"/research/progress/{project_id}").text
    assert "结果：已公开" in progress and project["filing_no"] in progress


def test_another_pi_cannot_save_into_a_project(live):
    c = client(live)
    project_id = new_project(c)
    live.control("POST", "users", {"phone": "13700000000", "password": "Other@2025", "name": "赵医生",
                                   "institution": "示例医院"})
    other = client(live, "13700000000", "Other@2025")
    assert save(other, 1, FILING[1], project_id).status_code == 403
    assert other.get(f"/research/edit/{project_id}").status_code == 403


def test_pages_need_a_login_and_serve_the_genuine_layui(live):
    anonymous = httpx.Client(base_url=live.url)
    r = anonymous.get("/research/new", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    script = anonymous.get("/static/lib/layui/layui.js")
    assert script.status_code == 200 and "v2.13.6" in script.text[:60]
    assert anonymous.get("/login").text.count("/static/lib/layui/layui.js") == 1


@pytest.fixture(scope="module")
def status_200_server():
    server = MockServer("--face", "live-2026", "--fast", "--error-status", "200")
    yield server
    server.stop()


def test_refusals_can_answer_200_with_code_1(status_200_server):
    c = client(status_200_server)
    r = save(c, 0, [])
    assert r.status_code == 200 and r.json()["code"] == 1 and r.json()["errors"]


def test_seeded_projects_are_complete_live_filings_and_subcenters_see_theirs(live):
    live.control("POST", "seed", {"owner": "13800000000", "projects": 10, "participant": "北京大学第一医院"})
    c = client(live)
    projects = live.projects()
    assert {p["form"] for p in projects} == {"live-2026"}
    draft = next(p for p in projects if p["status"] == "draft")
    assert submit(c, draft["id"]).status_code == 200  # complete: nothing is missing
    listing = c.get("/research/api/list", params={"limit": 5}).json()
    assert listing["code"] == 0 and listing["count"] == 10 and len(listing["data"]) == 5
    assert listing["data"][0]["view_href"].startswith("/research/view/")
    live.control("POST", "users", {"phone": "13700000001", "password": "Sub@2025", "name": "李四",
                                   "institution": "北京大学第一医院"})
    branch = client(live, "13700000001", "Sub@2025").get("/research/api/branch").json()
    assert branch["count"] == 10


def test_faults_reach_the_live_saves(live):
    c = client(live)
    project_id = new_project(c)
    assert save(c, 3, FILING[3], project_id).json()["code"] == 0
    whole = set(stored(live, project_id)["modules"]["research_content"])
    live.control("POST", "faults", {"drop_field_rate": 1.0, "seed": 3})
    assert save(c, 3, FILING[3], project_id).json()["code"] == 0  # the save still says it worked
    kept = set(stored(live, project_id)["modules"]["research_content"])
    assert kept < whole and len(whole - kept) == 1
    live.control("POST", "faults", {"fail_next": {"save": 1}})
    r = save(c, 3, FILING[3], project_id)
    assert r.status_code == 500 and r.json()["message"] == "服务器繁忙，请稍后重试"


def test_a_returned_project_is_edited_and_goes_back_to_the_step_that_returned_it(live):
    live.control("POST", "seed", {"owner": "13800000000", "projects": 3})
    c = client(live)
    project = next(p for p in live.projects() if p["status"] == "ethics_review")
    live.control("POST", f"projects/{project['id']}/review", {"decision": "return", "opinion": "请补充样本量依据"})
    assert stored(live, project["id"])["status"] == "returned"
    design = replace(FILING[4], sampleCalculationBasis="按事件率 5% 估算，α=0.05")
    assert save(c, 4, design, project["id"]).status_code == 200
    r = submit(c, project["id"])
    assert r.status_code == 200 and r.json()["data"]["status"] == "ethics_review", r.text
    timeline = stored(live, project["id"])["timeline"]
    assert [e["result"] for e in timeline[-2:]] == ["退回修改", "已提交"]
