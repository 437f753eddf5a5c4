"""What the mock holds on start and after reset, and bulk projects for benchmarks and list tests."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mock_site.api_errors import Invalid
from mock_site.pdf import minimal_pdf
from mock_site.review import PUBLISH_RESULT, PUBLISH_STEP, RESULTS, STEPS, SUBMIT_RESULT, SUBMIT_STEP

if TYPE_CHECKING:
    from mock_site.db import Registry

DEMO_INSTITUTION = "示例医院"
ACCOUNTS = [
    # phone, password, name, role, profile complete, e-mail
    ("13800000000", "Demo@2025", "张医生", "pi", True, "zhang.demo@example.org"),
    ("13800000009", "123456", "刘医生", "pi", False, None),
    ("13800000001", "Admin@2025", "王管理", "admin", True, "wang.admin@example.org"),
]
# the state cycle of seeded projects, so every state shows up in any dozen
CYCLE = ["draft", "academic_review", "ethics_review", "institution_review", "returned", "published", "rejected",
         "published", "academic_review", "draft"]
FIELDS = ["心血管病学", "肿瘤学", "肾脏病学", "神经病学", "内分泌学", "呼吸病学", "消化病学"]
DISEASES = ["2型糖尿病", "非小细胞肺癌", "难治性肾病综合征", "急性缺血性脑卒中", "慢性心力衰竭", "类风湿关节炎"]


def institutions() -> list[tuple[str, str, str]]:
    text = Path(__file__).with_name("institutions.txt").read_text(encoding="utf-8")
    return [tuple(line.split("|")) for line in text.splitlines() if line and not line.startswith("#")]  # type: ignore[misc]


def seed_base(registry: Registry) -> None:
    """Empty state plus the registered institutions and the three demo accounts."""
    registry.wipe()
    with registry.tx() as c:
        c.executemany("INSERT INTO institutions(name, province, city, address, added_by) VALUES(?,?,?,'',NULL)",
                      institutions())
    for phone, password, name, role, complete, email in ACCOUNTS:
        registry.create_user(phone, password, name, DEMO_INSTITUTION, role, complete, email)


def complete_modules(i: int, institution: str) -> dict[str, dict[str, Any]]:
    """Valid values for all seven form modules; `i` varies them from project to project."""
    disease = DISEASES[i % len(DISEASES)]
    interventional = i % 3 != 2
    units = [{"institution": "北京大学第一医院", "unit_pi_name": "李四", "unit_pi_phone": "13900000002"}] if i % 2 else []
    design: dict[str, Any] = {
        "design_type": "随机平行对照" if interventional else "队列研究", "blinding": "开放标签",
        "off_label_use": "否", "unproven_combination": "否", "sample_size_total": 120,
    }
    if interventional:
        design["randomization"] = "中央随机系统按1:1分配"
        design["interventions"] = [
            {"group": "试验组", "sample_size": 60, "intervention": "试验药物"},
            {"group": "对照组", "sample_size": 60, "intervention": "标准治疗"},
        ]
    return {
        "basic_info": {
            "project_name": f"{disease}患者临床研究（第{i + 1}号）", "project_type": "非注册临床研究",
            "project_source": "机构自选课题", "project_source_detail": "院内临床研究基金",
            "filing_title": f"{disease}临床研究{i + 1}",
            "expected_duration": {"start": "2025-03-01", "end": "2027-02-28"},
            "research_fields": [FIELDS[i % len(FIELDS)]], "publish_to_chictr": "否",
            "ethics_committee": f"{institution}伦理委员会", "ethics_approval_no": f"EC-2025-{i + 1:04d}",
            "ethics_approval_date": "2025-01-15",
        },
        "implementation": {
            "lead_unit": institution, "has_participating_units": "有" if units else "无",
            **({"participating_units": units} if units else {}), "funding_source": "院内临床研究基金",
        },
        "research_content": {
            "study_type": "干预性研究" if interventional else "观察性研究", "study_phase": "不适用",
            "conditions": disease, "objectives": f"评价{disease}的治疗效果与安全性",
            "inclusion_criteria": "年龄18至75岁；签署知情同意书", "exclusion_criteria": "妊娠或哺乳期",
            "outcomes": [{"name": "总体缓解率", "kind": "主要指标", "timepoint": "第24周"}],
        },
        "research_design": design,
        "recruitment": {
            "recruitment_status": "正在进行", "recruitment_period": {"start": "2025-03-01", "end": "2026-08-31"},
            "age_min": 18, "age_max": 75, "sex": "男女均可", "contact_name": "张医生", "contact_phone": "13800000000",
        },
        "other_registrations": {},
        "data_sharing": {"ipd_sharing": "否", "results_public": "公开", "data_management": "电子数据采集系统",
                         "dsmb": "无"},
    }


def _events(status: str, stamp: str, filing_no: str) -> tuple[list[tuple[str, str, str, str, str]], str | None]:
    """(step, reviewer, opinion, result, filing_no) rows leading to a state, and the step a return came from."""
    submitted = [(SUBMIT_STEP, "", "", SUBMIT_RESULT, "")]
    passed = {s: (STEPS[s][0], "王管理", "同意", RESULTS["approve"], "") for s in STEPS}
    if status == "draft":
        return [], None
    if status == "returned":
        return submitted + [(STEPS["academic_review"][0], "王管理", "请补充样本量计算依据", RESULTS["return"], "")], \
            "academic_review"
    if status == "rejected":
        return submitted + [passed["academic_review"],
                            (STEPS["ethics_review"][0], "王管理", "伦理批件与方案版本不一致", RESULTS["reject"], "")], None
    order = ["academic_review", "ethics_review", "institution_review", "published"]
    rows = submitted + [passed[s] for s in order[: order.index(status)]]
    if status == "published":
        rows.append((PUBLISH_STEP, "", "", PUBLISH_RESULT, filing_no))
    return rows, None


def seed_projects(registry: Registry, owner_phone: str, count: int, participant: str | None = None) -> dict[str, Any]:
    """`count` complete projects of one owner in varied states, written in one transaction. With `participant`,
    every project lists that institution as a participating unit (a lead unit's projects, seen by a sub-center)."""
    owner = registry.user_by_phone(owner_phone)
    if owner is None:
        raise Invalid(f"账号 {owner_phone} 不存在")
    if not 0 < count <= 100_000:
        raise Invalid("projects 应在 1 到 100000 之间")
    institution = owner["institution"]
    protocol, consent = minimal_pdf("protocol"), minimal_pdf("informed consent")
    files = [("protocol", "研究方案.pdf", protocol), ("informed_consent", "知情同意书.pdf", consent)]
    digests = {key: hashlib.sha256(data).hexdigest() for key, _, data in files}
    start = datetime.now() - timedelta(minutes=count)
    counts: dict[str, int] = {}
    with registry.tx() as c:
        first = (c.execute("SELECT coalesce(max(id), 0) FROM projects").fetchone()[0]) + 1
        projects, file_rows, events, units = [], [], [], []
        for i in range(count):
            pid, status = first + i, CYCLE[i % len(CYCLE)]
            stamp = (start + timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M:%S")
            modules = complete_modules(pid, institution)
            if participant:
                impl = modules["implementation"]
                impl["has_participating_units"] = "有"
                impl["participating_units"] = [{"institution": participant, "unit_pi_name": "李四",
                                                "unit_pi_phone": "13900000002"}]
            filing_no = registry.filing_number(c, institution) if status == "published" else ""
            rows, return_step = _events(status, stamp, filing_no)
            projects.append((pid, owner["id"], institution, status, filing_no or None, return_step,
                             modules["basic_info"]["project_name"], modules["basic_info"]["project_type"],
                             json.dumps(modules, ensure_ascii=False), stamp, stamp))
            file_rows += [(pid, key, name, len(data), digests[key], data, stamp) for key, name, data in files]
            events += [(pid, stamp, *row) for row in rows]
            units += [(pid, u["institution"]) for u in modules["implementation"].get("participating_units", [])]
            counts[status] = counts.get(status, 0) + 1
        c.executemany("INSERT INTO projects(id, owner_id, institution, status, filing_no, return_step, project_name, "
                      "project_type, modules, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)", projects)
        c.executemany("INSERT INTO files(project_id, key, name, size, sha256, data, created_at) "
                      "VALUES(?,?,?,?,?,?,?)", file_rows)
        c.executemany("INSERT INTO events(project_id, time, step, reviewer, opinion, result, filing_no) "
                      "VALUES(?,?,?,?,?,?,?)", events)
        c.executemany("INSERT INTO units(project_id, institution) VALUES(?, ?)", units)
    return {"created": count, "ids": [first, first + count - 1], "states": counts}
