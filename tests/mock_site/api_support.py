"""Helpers for the mock's HTTP tests: a logged-in httpx client, a complete project's values, small PDFs."""

from __future__ import annotations

import copy
from typing import Any

import httpx

from tests.support import DEMO_PI, MockServer


def pdf_bytes(extra: bytes = b"") -> bytes:
    """A tiny one-page PDF written out by hand (header, objects, xref, trailer, end marker)."""
    body = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n" + extra)
    return body + b"xref\n0 4\ntrailer << /Size 4 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"


def client(server: MockServer, phone: str = DEMO_PI["phone"], password: str = DEMO_PI["password"]) -> httpx.Client:
    """A client logged in through /api/login (the session cookie is kept by the client)."""
    c = httpx.Client(base_url=server.url, timeout=30)
    r = c.post("/api/login", json={"username": phone, "password": password})
    assert r.status_code == 200, r.text
    return c


def new_project(c: httpx.Client) -> int:
    r = c.post("/api/projects")
    assert r.status_code == 200, r.text
    return r.json()["id"]


def save(c: httpx.Client, project_id: int, module: str, values: dict[str, Any]) -> httpx.Response:
    return c.post(f"/api/projects/{project_id}/modules/{module}", json=values)


def errors_of(r: httpx.Response) -> dict[str, str]:
    assert r.status_code == 422, r.text
    return {e["field"]: e["message"] for e in r.json()["errors"]}


def upload(c: httpx.Client, project_id: int, key: str, data: bytes, name: str = "文件.pdf") -> httpx.Response:
    return c.post(f"/api/projects/{project_id}/attachments/{key}", files={"file": (name, data, "application/pdf")})


# A complete, valid project: an interventional two-centre study, not published on ChiCTR.
COMPLETE: dict[str, dict[str, Any]] = {
    "basic_info": {
        "project_name": "超说明书使用利妥昔单抗治疗难治性肾病综合征的单中心研究", "project_type": "非注册临床研究",
        "project_source": "国家级纵向课题", "project_source_detail": "国家自然科学基金",
        "filing_title": "利妥昔单抗治疗难治性肾病综合征", "expected_duration": {"start": "2025-03-01", "end": "2027-02-28"},
        "research_fields": ["肾脏病学", "风湿免疫学"], "publish_to_chictr": "否",
        "ethics_committee": "示例医院医学伦理委员会", "ethics_approval_no": "2025-伦审-017",
        "ethics_approval_date": "2025-01-20",
    },
    "implementation": {
        "has_participating_units": "有",
        "participating_units": [{"institution": "北京大学第一医院", "unit_pi_name": "李四",
                                 "unit_pi_phone": "13900000002", "unit_pi_email": "lisi@example.org"}],
        "funding_source": "国家自然科学基金",
    },
    "research_content": {
        "study_type": "干预性研究", "study_phase": "II期", "conditions": "难治性肾病综合征",
        "objectives": "评价利妥昔单抗的疗效", "inclusion_criteria": "18-70岁", "exclusion_criteria": "妊娠",
        "outcomes": [{"name": "完全缓解率", "kind": "主要指标", "timepoint": "第24周"}],
    },
    "research_design": {
        "design_type": "单臂", "blinding": "开放标签", "off_label_use": "是", "unproven_combination": "否",
        "sample_size_total": 40,
        "interventions": [{"group": "治疗组", "sample_size": 40, "intervention": "利妥昔单抗 375mg/m2"}],
    },
    "recruitment": {
        "recruitment_status": "尚未开始", "recruitment_period": {"start": "2025-04-01", "end": "2026-12-31"},
        "age_min": 18, "age_max": 70, "sex": "男女均可", "contact_name": "张医生", "contact_phone": "010-83572211",
    },
    "other_registrations": {"registrations": [{"platform": "中国临床试验注册中心", "registration_no": "ChiCTR2400081234"}]},
    "data_sharing": {"ipd_sharing": "否", "results_public": "公开", "data_management": "EDC 系统", "dsmb": "无"},
}


def complete() -> dict[str, dict[str, Any]]:
    return copy.deepcopy(COMPLETE)


def fill_project(c: httpx.Client, project_id: int, modules: dict[str, dict[str, Any]] | None = None,
                 files: bool = True) -> None:
    """Save every module and upload the two required PDFs; asserts each step succeeded."""
    for module, values in (modules or complete()).items():
        r = save(c, project_id, module, values)
        assert r.status_code == 200, (module, r.text)
    if files:
        for key in ("protocol", "informed_consent"):
            r = upload(c, project_id, key, pdf_bytes())
            assert r.status_code == 200, r.text


def submitted_project(server: MockServer) -> tuple[httpx.Client, int]:
    """A complete project of the demo PI, submitted: (its owner's client, its id)."""
    c = client(server)
    project_id = new_project(c)
    fill_project(c, project_id)
    r = c.post(f"/api/projects/{project_id}/submit")
    assert r.status_code == 200, r.text
    return c, project_id


def control_call(server: MockServer, method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
    """A control API call whose status the test looks at (MockServer.control raises on errors)."""
    return httpx.request(method, f"{server.url}/__mock__/{path.lstrip('/')}", json=body, timeout=30)
