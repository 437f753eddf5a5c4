"""What the selection dialogs and autocompletes offer: people of an institution, 学科分类, ICD-11 codes.

People are the institution's accounts plus a few made-up staff per institution (the same ones every time, made
from the institution's name), so every registered institution has someone to pick as a member or a PI.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
         "超", "秀兰", "霞", "平", "刚", "桂英", "晨", "建华", "志强", "海燕", "文博", "思远", "雨桐"]
TITLES = ["主任医师", "副主任医师", "主治医师", "研究员", "副研究员", "主管护师"]
DEPARTMENTS = ["心内科", "呼吸与危重症医学科", "肿瘤科", "神经内科", "内分泌科", "肾内科", "消化内科", "临床研究中心"]
STAFF_PER_INSTITUTION = 6
# the demo institution's staff besides its accounts (the example specs pick them as team members)
DEMO_STAFF = {"示例医院": [("赵护士", "主管护师", "肾内科", "13800000011"), ("钱统计", "副研究员", "临床研究中心", "13800000022"),
                       ("孙医生", "主任医师", "老年医学科", "13800000033"), ("周医生", "主治医师", "心内科", "13800000044")]}


def _digits(seed: str) -> int:
    return int(hashlib.sha256(seed.encode()).hexdigest(), 16)


def made_up_staff(institution: str) -> list[dict[str, str]]:
    out = [{"name": name, "title": title, "department": dept, "mobile": mobile, "email": "",
            "institution": institution} for name, title, dept, mobile in DEMO_STAFF.get(institution, [])]
    for i in range(STAFF_PER_INSTITUTION):
        n = _digits(f"{institution}#{i}")
        name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n // 97) % len(GIVEN)]
        mobile = f"139{(n // 7) % 10**8:08d}"
        out.append({"name": name, "title": TITLES[(n // 13) % len(TITLES)],
                    "department": DEPARTMENTS[(n // 17) % len(DEPARTMENTS)], "mobile": mobile,
                    "email": f"staff{(n // 11) % 10**5:05d}@example.org", "institution": institution})
    return out


def people(registry: Any, institution: str) -> list[dict[str, str]]:
    """The institution's people: its accounts first, then its made-up staff; one entry per name."""
    found: dict[str, dict[str, str]] = {}
    for u in registry.list_users(institution):
        found.setdefault(u["name"], {"name": u["name"], "title": "研究者", "department": "",
                                     "mobile": u["phone"], "email": u["email"] or "", "institution": institution})
    for p in made_up_staff(institution):
        found.setdefault(p["name"], p)
    return list(found.values())


def search(rows: list[dict[str, str]], q: str, *keys: str) -> list[dict[str, str]]:
    q = (q or "").strip().lower()
    if not q:
        return rows
    return [r for r in rows if any(q in str(r.get(k, "")).lower() for k in keys)]


@functools.lru_cache(maxsize=1)
def disciplines() -> list[dict[str, str]]:
    lines = (DATA / "disciplines.txt").read_text(encoding="utf-8").splitlines()
    return [{"name": a, "group": b} for a, b in (ln.split("|") for ln in lines if ln and not ln.startswith("#"))]


@functools.lru_cache(maxsize=1)
def icd11() -> list[dict[str, str]]:
    lines = (DATA / "icd11.tsv").read_text(encoding="utf-8").splitlines()
    return [{"code": a, "name": b} for a, b in (ln.split("\t") for ln in lines if ln and not ln.startswith("#"))]


def icd11_title(code: str) -> str | None:
    return next((r["name"] for r in icd11() if r["code"] == code), None)


def discipline_known(name: str) -> bool:
    return any(r["name"] == name for r in disciplines())
