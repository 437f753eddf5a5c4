"""`autofiler migrate SPEC --to live-2026`: what maps is moved, what does not is listed, what is new and required
is a TODO line in its tab; nothing is dropped silently and nothing is overwritten without --force."""

from __future__ import annotations

import re
from typing import Any

import yaml

from autofiler.errors import UNEXPECTED
from autofiler.main import main
from autofiler.spec import load
from tests.spec.helpers import MULTI, SPECS, copy_files, example


def _leaves(node: Any, prefix: str = "") -> list[str]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _leaves(v, f"{prefix}.{k}" if prefix else str(k))]
    if isinstance(node, list) and node and all(isinstance(v, dict) for v in node):
        return [p for i, v in enumerate(node) for p in _leaves(v, f"{prefix}[{i}]")]
    return [prefix]


def _migrate(tmp_path, capsys, *extra: str) -> tuple[int, str, str]:
    copy_files(tmp_path)
    spec = tmp_path / "multi-center.yaml"
    spec.write_text((SPECS / "multi-center.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code = main(["migrate", str(spec), "--to", "live-2026", *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_migrate_moves_lists_and_leaves_todos(tmp_path, capsys):
    code, out, _ = _migrate(tmp_path, capsys)
    assert code == 0
    new = tmp_path / "multi-center.live-2026.yaml"
    text = new.read_text(encoding="utf-8")
    assert "basic_info.project_name → basic_info.research_title" in out
    assert "research_content.inclusion_criteria → research_design.inclusion_criteria" in out
    assert "basic_info.ethics_committee: 伦理委员会名称 = 示例医院医学伦理委员会" in out
    assert "#   basic_info.ethics_committee: 伦理委员会名称" in text  # the unmapped are kept in the file too
    assert "  # TODO multicenter: 是否为多中心试验/研究（必填" in text
    assert "  # TODO public_title_en: Public title" in text
    data = yaml.safe_load(text)
    assert data["form"] == "live-2026"
    assert data["basic_info"]["research_title"] == example(MULTI)["basic_info"]["project_name"]
    assert data["basic_info"]["sync_platform"] == "中国临床试验注册中心公开"
    assert data["implementation"]["dsmb"] == "具有"
    assert data["research_design"]["inclusion_criteria"][0] == "年龄 ≥ 45 岁，性别不限"
    assert data["research_design"]["study_groups"][1] == {"group_name": "对照组", "group_sample_size": 120,
                                                          "intervention_name": "标准治疗"}
    assert data["implementation"]["participating_units"][1]["institution"] == "某县人民医院"
    assert data["other_registrations"]["other_platforms"][1]["platform"] == "临床研究注册（NIH）"
    assert data["attachments"]["protocol"] == "files/mc-protocol.pdf"


def test_nothing_is_dropped_silently(tmp_path, capsys):
    _, out, _ = _migrate(tmp_path, capsys)
    moved_or_listed = set(re.findall(r"^  (\S+?)(?: →|:)", out, re.MULTILINE))
    for leaf in _leaves(example(MULTI)):
        assert any(leaf == m or leaf.startswith((m + ".", m + "[")) or m.startswith(leaf + ".")
                   for m in moved_or_listed), leaf


def test_the_migrated_spec_parses_and_its_findings_are_the_todos(tmp_path, capsys):
    _, out, _ = _migrate(tmp_path, capsys)
    result = load(tmp_path / "multi-center.live-2026.yaml")
    assert not any(f.rule in ("yaml-syntax", "unknown-key", "form") for f in result.findings), result.format()
    todos = set(re.findall(r"^  (\S+): .*（(?:必填|公开到)", out, re.MULTILINE))
    missing = {f.path for f in result.findings if f.rule in ("required", "en-twin")}
    assert missing == todos


def test_migrate_never_overwrites_without_force(tmp_path, capsys):
    target = tmp_path / "multi-center.live-2026.yaml"
    target.parent.mkdir(exist_ok=True)
    target.write_text("keep me\n", encoding="utf-8")
    code, _, err = _migrate(tmp_path, capsys)
    assert code == 1 and "--force" in err and target.read_text(encoding="utf-8") == "keep me\n"
    code, _, _ = _migrate(tmp_path, capsys, "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# 由 autofiler migrate")


def test_migrate_to_another_folder_rebases_attachments(tmp_path, capsys):
    (tmp_path / "out").mkdir()
    code, _, _ = _migrate(tmp_path, capsys, "--out", str(tmp_path / "out" / "p.yaml"))
    assert code == 0
    data = yaml.safe_load((tmp_path / "out" / "p.yaml").read_text(encoding="utf-8"))
    assert data["attachments"]["protocol"] == "../files/mc-protocol.pdf"


def test_migrate_of_a_live_spec_to_live_is_refused(tmp_path, capsys):
    spec = tmp_path / "s.yaml"
    spec.write_text("form: live-2026\n", encoding="utf-8")
    assert main(["migrate", str(spec), "--to", "live-2026"]) == 1
    assert "live-2026" in capsys.readouterr().err


def test_an_unfilled_sop_template_migrates_with_a_todo_for_each_whole_module(tmp_path, capsys):
    old = tmp_path / "old.yaml"
    assert main(["init", str(old), "--form", "sop-2020"]) == 0
    assert main(["migrate", str(old), "--to", "live-2026"]) == 0
    text = (tmp_path / "old.live-2026.yaml").read_text(encoding="utf-8")
    assert "# TODO research_category: 研究类别" in text and "# TODO attachments: 相关附件" in text
    assert UNEXPECTED not in capsys.readouterr().err
