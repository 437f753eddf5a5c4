"""提交 and the review after it: the missing list, each decision, returns, exemption, filing numbers, 409s."""

from __future__ import annotations

import re
from datetime import datetime

from tests.mock_site.api_support import (
    client,
    complete,
    control_call,
    fill_project,
    new_project,
    save,
    submitted_project,
    upload,
)
from tests.support import ADMIN


def state(mock, project_id):
    return next(p for p in mock.projects() if p["id"] == project_id)


def review(mock, project_id, decision, opinion=""):
    return mock.control("POST", f"projects/{project_id}/review", {"decision": decision, "opinion": opinion})


def test_submit_lists_what_is_missing_module_by_module(mock):
    c = client(mock)
    project_id = new_project(c)
    modules = complete()
    del modules["recruitment"]
    fill_project(c, project_id, modules, files=False)
    r = c.post(f"/api/projects/{project_id}/submit")
    assert r.status_code == 422
    missing = r.json()["missing"]
    assert [m["module"] for m in missing] == ["招募信息", "相关附件"]
    assert missing[0]["fields"][:3] == ["招募状态", "招募时间", "最小年龄（岁）"]
    assert missing[1]["fields"] == ["研究方案", "知情同意书"]
    assert state(mock, project_id)["status"] == "draft"
    c.close()


def test_submit_catches_rules_that_changed_after_a_save(mock):
    c = client(mock)
    project_id = new_project(c)
    fill_project(c, project_id)
    published = {**complete()["basic_info"], "publish_to_chictr": "是", "project_name_en": "Rituximab study"}
    assert save(c, project_id, "basic_info", published).status_code == 200
    r = c.post(f"/api/projects/{project_id}/submit")
    assert r.status_code == 422
    assert r.json()["missing"] == [{"module": "研究内容",
                                    "fields": ["研究疾病（英文）", "研究目的（英文）", "纳入标准（英文）", "排除标准（英文）"]}]
    c.close()


def test_a_complete_project_goes_to_academic_review(mock):
    c, project_id = submitted_project(mock)
    project = state(mock, project_id)
    assert project["status"] == "academic_review" and project["status_label"] == "学术审查中"
    assert [(e["step"], e["result"]) for e in project["timeline"]] == [("提交", "已提交")]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", project["timeline"][0]["time"])
    # not editable while under review
    assert save(c, project_id, "basic_info", complete()["basic_info"]).status_code == 409
    assert upload(c, project_id, "other_files", b"%PDF-1.4\n%%EOF").status_code == 409
    assert c.post(f"/api/projects/{project_id}/submit").status_code == 409
    c.close()


def test_three_approvals_publish_with_a_filing_number(mock):
    _, project_id = submitted_project(mock)
    labels = []
    for _ in range(3):
        labels.append(review(mock, project_id, "approve", "同意")["status_label"])
    assert labels == ["伦理审查中", "机构审核中", "已公开"]
    project = state(mock, project_id)
    # 示例医院 is in 北京市 (11)
    assert re.fullmatch(rf"MR-11-{datetime.now().year % 100:02d}-\d{{6}}", project["filing_no"])
    assert [(e["step"], e["result"]) for e in project["timeline"]] == [
        ("提交", "已提交"), ("学术审查", "通过"), ("伦理审查", "通过"), ("机构审核", "通过"), ("公开", "已公开")]
    assert project["timeline"][-1]["filing_no"] == project["filing_no"]
    assert project["timeline"][1]["reviewer"] and project["timeline"][1]["opinion"] == "同意"


def test_the_province_code_follows_the_institution(mock):
    mock.control("POST", "users", {"phone": "13900000077", "password": "Sc@20250", "name": "周医生",
                                   "institution": "四川大学华西医院"})
    c = client(mock, "13900000077", "Sc@20250")
    project_id = new_project(c)
    fill_project(c, project_id)
    assert c.post(f"/api/projects/{project_id}/submit").status_code == 200
    for _ in range(3):
        review(mock, project_id, "approve")
    assert state(mock, project_id)["filing_no"].startswith("MR-51-")
    c.close()


def test_return_reopens_editing_and_resubmit_goes_back_to_that_step(mock):
    c, project_id = submitted_project(mock)
    review(mock, project_id, "approve")
    after = review(mock, project_id, "return", "请补充伦理批件")
    assert after["status"] == "returned" and after["status_label"] == "退回修改"
    assert after["timeline"][-1] == {**after["timeline"][-1], "step": "伦理审查", "result": "退回修改",
                                     "opinion": "请补充伦理批件"}
    assert save(c, project_id, "data_sharing", complete()["data_sharing"]).status_code == 200
    assert c.post(f"/api/projects/{project_id}/submit").status_code == 200
    assert state(mock, project_id)["status"] == "ethics_review"
    c.close()


def test_reject_is_final(mock):
    c, project_id = submitted_project(mock)
    after = review(mock, project_id, "reject", "研究设计存在伦理问题")
    assert after["status"] == "rejected" and after["status_label"] == "审核不通过"
    assert after["timeline"][-1]["result"] == "不通过"
    assert save(c, project_id, "basic_info", complete()["basic_info"]).status_code == 409
    assert control_call(mock, "POST", f"projects/{project_id}/review", {"decision": "approve"}).status_code == 409
    c.close()


def test_reviewing_a_project_not_under_review_is_409(mock):
    c = client(mock)
    project_id = new_project(c)
    r = control_call(mock, "POST", f"projects/{project_id}/review", {"decision": "approve"})
    assert r.status_code == 409 and r.json() == {"message": "项目当前不在审核中"}
    c.close()


def test_return_and_reject_need_an_opinion(mock):
    _, project_id = submitted_project(mock)
    r = control_call(mock, "POST", f"projects/{project_id}/review", {"decision": "return", "opinion": " "})
    assert r.status_code == 400 and r.json() == {"message": "请填写审核意见"}
    r = control_call(mock, "POST", f"projects/{project_id}/review", {"decision": "maybe", "opinion": "嗯"})
    assert r.status_code == 400
    assert state(mock, project_id)["status"] == "academic_review"


def test_academic_exemption_skips_to_ethics(mock):
    mock.control("POST", "settings", {"institution": "示例医院", "academic_exempt": True})
    _, project_id = submitted_project(mock)
    assert state(mock, project_id)["status"] == "ethics_review"


def test_the_admin_reviews_through_the_site(mock):
    _, project_id = submitted_project(mock)
    admin = client(mock, ADMIN["phone"], ADMIN["password"])
    r = admin.post(f"/api/admin/projects/{project_id}/review", json={"decision": "return", "opinion": "补充方案"})
    assert r.status_code == 200 and r.json()["status"] == "returned"
    event = state(mock, project_id)["timeline"][-1]
    assert (event["reviewer"], event["opinion"], event["result"]) == ("王管理", "补充方案", "退回修改")
    assert admin.post(f"/api/admin/projects/{project_id}/review", json={"decision": "approve"}).status_code == 409
    assert admin.post("/api/admin/settings", json={"academic_exempt": True}).status_code == 200
    admin.close()


def test_an_admin_of_another_institution_may_not_review(mock):
    _, project_id = submitted_project(mock)
    mock.control("POST", "users", {"phone": "13900000088", "password": "Adm@2025", "name": "钱管理",
                                   "institution": "复旦大学附属中山医院", "role": "admin"})
    other = client(mock, "13900000088", "Adm@2025")
    r = other.post(f"/api/admin/projects/{project_id}/review", json={"decision": "approve"})
    assert r.status_code == 403
    assert state(mock, project_id)["status"] == "academic_review"
    other.close()


def test_a_pi_may_not_use_admin_calls(mock):
    c, project_id = submitted_project(mock)
    assert c.post(f"/api/admin/projects/{project_id}/review", json={"decision": "approve"}).status_code == 403
    assert c.post("/api/admin/settings", json={"academic_exempt": True}).status_code == 403
    c.close()
