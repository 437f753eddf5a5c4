"""The live face over HTTP: a logged-in client, a tab's post, and a complete observational filing."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import httpx

from tests.mock_site.api_support import client, pdf_bytes
from tests.support import MockServer

Items = list[tuple[str, str]]

__all__ = ["FILING", "client", "errors", "new_project", "pdf_bytes", "replace", "save", "stored", "submit",
           "upload"]


def save(c: httpx.Client, tab: int, items: Items, project_id: int | None = None) -> httpx.Response:
    """Post one tab's controls form-encoded, in order, as the page does."""
    params = {"id": str(project_id)} if project_id else {}
    return c.post(f"/research/api/save/{tab}", params=params, content=urlencode(items),
                  headers={"Content-Type": "application/x-www-form-urlencoded"})


def upload(c: httpx.Client, project_id: int, key: str, data: bytes, name: str = "文件.pdf") -> httpx.Response:
    return c.post(f"/research/api/upload/{project_id}/{key}", files={"file": (name, data, "application/pdf")})


def submit(c: httpx.Client, project_id: int) -> httpx.Response:
    return c.post(f"/research/api/submit/{project_id}")


def stored(server: MockServer, project_id: int) -> dict[str, Any]:
    return server.control("GET", f"projects/{project_id}")  # type: ignore[return-value]


def errors(r: httpx.Response) -> dict[str, str]:
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == 1
    return {e["name"] + (f"[{e['row']}]" if "row" in e else ""): e["msg"] for e in body["errors"]}


# An observational cohort study of one centre, not published on ChiCTR: every tab's post, in page order.
FILING: dict[int, Items] = {
    0: [("organizationId", "示例医院"), ("type1", "研究者发起的临床研究"), ("type2", "观察性研究"),
        ("diagnosticTest", "否"), ("chineseMedicineTheory", "否"), ("invasiveBci", "否")],
    1: [("syncPlatform", "两个平台均不公开"), ("researchTitle", "社区高血压患者队列研究"), ("briefResearchTitle", ""),
        ("publicName", "高血压队列"),
        ("funds", ""), ("funds.sourceId", "国家级"), ("funds.type2", "国家重点研发计划"), ("funds.type3", ""),
        ("funds.projectName", "慢病防控专项"), ("funds.projectNumber", "2025YFC0001"),
        ("funds.isInternationalCooperation", "false"), ("funds.projectTime", "2025-01-10"),
        ("funds.fundsAmount", "120.5"),
        ("materialDonationFlag", "否"), ("totalFunds", "120.5"), ("startTime", "2025-03-01"),
        ("completeTime", "2027-02-28"), ("recruitingStartTime", "2025-03-01"), ("recruitingEndTime", "2026-08-31")],
    2: [("dsmbFlag", "不具有"), ("applicantName", ""), ("members", ""), ("members.name", "张医生"),
        ("members.mobile", "13800000000"), ("multicenterFlag", "否"),
        ("observationalStatus", "研究尚未开始")],
    3: [("primaryPurpose", "预后"), ("introduction", "评价社区高血压患者的长期预后"), ("detailedIntroduction", "前瞻性随访"),
        ("researchNsfcs", "循环系统"), ("researchIcds", "BA00"), ("diseaseSymptom", "原发性高血压"),
        ("keyword[]", "高血压"), ("keyword[]", "队列"), ("keyword[]", ""), ("keyword[]", ""), ("keyword[]", ""),
        ("studyType2", "探索性研究"), ("extraInspectionMeasures", "否"), ("researchPhase", "不适用")],
    4: [("researchDesign", "队列研究"), ("researchDesign1", "前瞻性"), ("recruitGender", "男性女性均可"),
        ("minAge", "18"), ("minAgeUnit", "岁"), ("minAgeUnit1", "不限"), ("maxAge", "80"), ("maxAgeUnit", "岁"),
        ("maxAgeUnit1", "不限"), ("healthyVolunteer", "否"), ("vulnerableGroup", "否"),
        ("inclusionCriteria[]", "确诊原发性高血压"), ("inclusionCriteria[]", "签署知情同意书"),
        ("exclusionCriteria[]", "继发性高血压"),
        ("sampleSize", "600"), ("sampleCalculationBasis", "按事件率估算"), ("exemptConsent", "false"),
        ("firstSubjectsExpectedDate", "2025-03-15"),
        ("intervention", ""), ("intervention.groupName", "暴露组"), ("intervention.sampleSize", "300"),
        ("intervention.controlGroupFlag", "false"), ("intervention.name", "规律服药"),
        ("intervention.jointMeasures", "false"), ("intervention.type", "行为干预"),
        ("intervention.description", "规律服用降压药"),
        ("randomGroup", "否"), ("statisticalMethod", "Cox 回归"),
        ("indicator", ""), ("indicator.name", "心血管事件"), ("indicator.type", "主要指标"),
        ("indicatorType2", "治疗指标"), ("indicatorType3", "临床事件"), ("indicator.timePoint", "5年"),
        ("indicator.measureMethod", "随访记录"), ("indicator.description", ""),
        ("sampleCollection", "否")],
    6: [("platform", ""), ("platform.name", ""), ("platform.recordNo", "")],
    7: [("dataShareStatement", "不共享"), ("statisticalResultPublic", "不公开"), ("releaseMethod[]", "学术论文发表")],
    8: [],
}


def replace(items, **changes):
    """A tab's post with some names' values replaced (a name with None is left out)."""
    out = []
    for name, value in items:
        key = name.replace(".", "__")
        if key in changes:
            if changes[key] is not None:
                out.append((name, changes[key]))
        else:
            out.append((name, value))
    return out


def new_project(c) -> int:
    r = save(c, 0, FILING[0])
    assert r.status_code == 200, r.text
    assert r.json()["code"] == 0 and r.json()["msg"] == "保存成功"
    return r.json()["data"]["id"]
