"""Seeded projects on the live face: the bulk seed's projects rewritten as complete live-2026 filings."""

from __future__ import annotations

import copy
import json
from typing import Any

from mock_site.live.form import GENERATION

DISEASES = [("原发性高血压", "BA00"), ("2型糖尿病", "5A11"), ("支气管或肺恶性肿瘤", "2C25"), ("哮喘", "CA23"),
            ("慢性肾脏病", "GB61"), ("类风湿关节炎", "FA20")]

# An observational cohort study of one centre, complete and valid, in the shapes a live-2026 spec writes.
SAMPLE: dict[str, dict[str, Any]] = {
    "research_category": {"research_type_l1": "研究者发起的临床研究", "research_type_l2": "观察性研究",
                          "diagnostic_test": "否", "tcm_guided": "否", "invasive_bci": "否"},
    "basic_info": {
        "sync_platform": "两个平台均不公开", "public_title": "队列研究",
        "funding_sources": [{"funding_level_1": "其他", "funding_other_name": "院内基金", "project_name": "院内课题",
                             "project_number": "YN-2025-01", "international_cooperation": "否",
                             "project_date": "2025-01-10", "amount": 20}],
        "material_donation": "否", "total_funds": 20, "study_period": {"start": "2025-03-01", "end": "2027-02-28"},
        "recruitment_period": {"start": "2025-03-01", "end": "2026-08-31"}},
    "implementation": {"dsmb": "不具有", "multicenter": "否", "observational_status": "研究进行中"},
    "research_content": {
        "primary_purpose": "预后", "objectives": "评价长期预后", "content_description": "前瞻性随访",
        "discipline_classification": ["循环系统"], "study_type": "探索性研究", "extra_measures": "否",
        "study_phase": "不适用"},
    "research_design": {
        "study_design": "队列研究", "study_design_l2": "前瞻性", "participant_sex": "男性女性均可", "age_min": 18,
        "age_min_unit": "岁", "age_min_months_unit": "不限", "age_max": 80, "age_max_unit": "岁",
        "age_max_months_unit": "不限", "healthy_volunteers": "否", "vulnerable_groups": "否",
        "inclusion_criteria": [{"criterion": "确诊患者"}], "exclusion_criteria": [{"criterion": "妊娠"}],
        "sample_size_total": 300, "sample_size_basis": "按事件率估算", "consent_exempt": "否",
        "first_consent_date": "2025-03-15",
        "study_groups": [{"group_name": "暴露组", "group_sample_size": 300, "control_group": "否",
                          "intervention_name": "常规治疗", "combined_intervention": "否",
                          "intervention_type": "临床诊疗方案", "intervention_description": "按指南治疗"}],
        "randomised": "否", "statistical_method": "Cox 回归",
        "outcomes": [{"outcome_name": "全因死亡", "type_l1": "主要指标", "type_l2": "治疗指标", "type_l3": "临床事件",
                      "timepoint": "3年", "method": "随访"}],
        "sample_collection": "否"},
    "other_registrations": {},
    "data_sharing": {"data_share_statement": "不共享", "results_public": "不公开", "result_release_methods": ["学术论文发表"]},
    "attachments": {},
}


def modules(i: int, institution: str, owner: tuple[str, str], participant: str | None) -> dict[str, dict[str, Any]]:
    disease, code = DISEASES[i % len(DISEASES)]
    out = copy.deepcopy(SAMPLE)
    out["research_category"]["implementing_unit"] = institution
    out["basic_info"]["research_title"] = f"{disease}患者队列研究（第{i}号）"
    out["implementation"]["team_members"] = [{"name": owner[0], "mobile": owner[1]}]
    out["research_content"].update(icd11_codes=[code], conditions=disease, keywords=[disease, "队列"])
    if participant:
        out["implementation"].update(
            multicenter="是", multicenter_type="国内多中心", institution_role="国内牵头", has_participating_units="有",
            participating_units=[{"institution": participant, "country": "中国", "province": "北京市",
                                  "institution_level": "三级甲等", "address": "某路1号", "unit_pi": "李四",
                                  "unit_pi_mobile": "13900000002"}])
    return out


def convert(registry: Any, ids: list[int], participant: str | None = None) -> None:
    """Rewrite the seeded projects `ids[0]..ids[1]` as live-2026 filings (their states and timelines stay)."""
    first, last = ids
    with registry.tx() as c:
        rows = c.execute("SELECT p.id, p.institution, u.name, u.phone FROM projects p JOIN users u "
                         "ON u.id = p.owner_id WHERE p.id BETWEEN ? AND ?", (first, last)).fetchall()
        for pid, institution, owner_name, owner_phone in rows:
            values = modules(pid, institution, (owner_name, owner_phone), participant)
            c.execute("UPDATE projects SET form = ?, modules = ?, project_name = ?, project_type = ? WHERE id = ?",
                      (GENERATION, json.dumps(values, ensure_ascii=False), values["basic_info"]["research_title"],
                       values["research_category"]["research_type_l2"], pid))
        c.execute("UPDATE files SET key = 'consent_document' WHERE key = 'informed_consent' "
                  "AND project_id BETWEEN ? AND ?", (first, last))
