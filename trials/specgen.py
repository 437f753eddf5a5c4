"""Varied valid specs for the reliability trials: each one a fresh project, drawn from a seed.

A spec starts from one of the shipped examples (single-centre or multi-centre), gets a unique project name and
titles, and varies where the form allows it: publishing on ChiCTR or not (with or without the English twins),
research fields, dates, sample sizes, outcomes, other registrations and which PDFs from `specs/files` it attaches.
Every spec written is loaded with `autofiler.spec.load_valid`, so a generator bug fails loudly here, not on the site.
"""

from __future__ import annotations

import copy
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "specs"
FIELDS = ["心血管病学", "呼吸病学", "消化病学", "内分泌学", "肾脏病学", "风湿免疫学", "神经病学", "肿瘤学", "药学", "护理学"]
DRUGS = [("二甲双胍", "Metformin"), ("阿托伐他汀", "Atorvastatin"), ("利妥昔单抗", "Rituximab"),
         ("达格列净", "Dapagliflozin"), ("甲氨蝶呤", "Methotrexate"), ("羟氯喹", "Hydroxychloroquine"),
         ("司美格鲁肽", "Semaglutide"), ("托伐普坦", "Tolvaptan")]
DISEASES = [("难治性肾病综合征", "Refractory nephrotic syndrome", "N04.9"),
            ("射血分数保留的心力衰竭", "Heart failure with preserved ejection fraction", "I50.9"),
            ("2 型糖尿病", "Type 2 diabetes mellitus", "E11.9"),
            ("类风湿关节炎", "Rheumatoid arthritis", "M06.9")]
PDFS = ["protocol.pdf", "informed-consent.pdf", "ethics-approval.pdf", "mc-protocol.pdf", "mc-informed-consent.pdf",
        "mc-ethics-approval.pdf", "mc-data-management-plan.pdf"]
# Placeholders in the English twins of a published single-centre spec (the example has none).
EN_TEXTS = {
    "objectives_en": "To assess the efficacy and safety of the study drug over 12 months.",
    "inclusion_criteria_en": "1. Aged 18 to 70 years;\n2. Confirmed diagnosis;\n3. Written informed consent.",
    "exclusion_criteria_en": "1. Secondary disease;\n2. Pregnancy or breastfeeding.",
}


@dataclass(frozen=True)
class Generated:
    path: Path
    name: str
    multi_center: bool
    published: bool


def example(name: str) -> dict[str, Any]:
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def _twins(data: dict[str, Any], published: bool, disease_en: str, name_en: str) -> None:
    basic, content = data["basic_info"], data["research_content"]
    basic["publish_to_chictr"] = "是" if published else "否"
    if not published:
        for module in data.values():
            if isinstance(module, dict):
                for key in [k for k in module if k.endswith("_en")]:
                    del module[key]
        return
    basic["project_name_en"] = name_en
    content["conditions_en"] = disease_en
    for key, text in EN_TEXTS.items():
        content.setdefault(key, text)


def build(seed: int, tag: str = "") -> tuple[dict[str, Any], bool, bool]:
    """The spec data drawn from `seed`; `tag` goes into the project name (a trial label, say)."""
    rng = random.Random(seed)
    multi = rng.random() < 0.5
    published = rng.random() < 0.5
    data = copy.deepcopy(example("multi-center" if multi else "single-center"))
    basic, content = data["basic_info"], data["research_content"]
    drug, drug_en = rng.choice(DRUGS)
    disease, disease_en, code = rng.choice(DISEASES)
    serial = f"{tag}{seed}"
    basic["project_name"] = f"{drug}治疗{disease}的{'多' if multi else '单'}中心研究（可靠性试验 {serial}）"
    basic["filing_title"] = f"{drug}治疗{disease}的有效性和安全性研究（{serial}）"
    basic["filing_title_short"] = f"{drug}研究{serial}"[:50]
    basic["project_number"] = f"REL-{seed:06d}"
    basic["research_fields"] = rng.sample(FIELDS, rng.randint(1, 3))
    year = rng.randint(2025, 2026)
    basic["expected_duration"] = {"start": f"{year}-0{rng.randint(1, 9)}-01", "end": f"{year + 2}-12-31"}
    basic["ethics_approval_date"] = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    content["conditions"] = disease
    content["condition_code"] = code
    if rng.random() < 0.5:
        content["outcomes"] = content["outcomes"][: rng.randint(1, len(content["outcomes"]))]
    design = data["research_design"]
    sizes = [rng.randint(10, 200) for _ in design["interventions"]]
    for row, size in zip(design["interventions"], sizes, strict=True):
        row["sample_size"] = size
    design["sample_size_total"] = sum(sizes)
    data["recruitment"]["age_max"] = rng.randint(60, 90)
    _twins(data, published, disease_en, f"{drug_en} for {disease_en}: reliability trial {serial}")
    if multi and rng.random() < 0.5:
        data.pop("other_registrations", None)
    files = rng.sample(PDFS, 2 + rng.randint(0, 2))
    data["attachments"] = {"protocol": f"files/{files[0]}", "informed_consent": f"files/{files[1]}",
                           "other_files": [f"files/{f}" for f in files[2:]]}
    if not data["attachments"]["other_files"]:
        del data["attachments"]["other_files"]
    return data, multi, published


def write(data: dict[str, Any], folder: Path, stem: str) -> Path:
    """The spec as YAML in `folder`, with the example PDFs beside it in files/."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLES / "files", folder / "files", dirs_exist_ok=True)
    path = folder / f"{stem}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def generate(seed: int, folder: Path, tag: str = "") -> Generated:
    """A valid spec file for `seed` in `folder` (raises when the generator made an invalid one)."""
    from autofiler.spec import load

    data, multi, published = build(seed, tag)
    path = write(data, folder, f"spec-{tag}{seed}")
    result = load(path)
    if not result.ok:
        raise AssertionError(f"specgen made an invalid spec for seed {seed}:\n{result.format()}")
    return Generated(path, data["basic_info"]["project_name"], multi, published)
