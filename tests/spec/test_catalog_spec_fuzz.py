"""Property: mutated specs of both generations give findings, never an exception; a spec without errors always
yields its site values."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autofiler.spec import load
from autofiler.spec.findings import SEVERITIES
from tests.spec.helpers import MULTI, SINGLE, copy_files, dump, example
from tests.spec.live import EXAMPLES, live_example
from tests.spec.test_spec_fuzz import paths, values

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])
BASES: dict[str, dict[str, Any]] = {name: live_example(name) for name in EXAMPLES}
BASES.update({f"sop:{n}": {"form": "sop-2020", **example(n)} for n in (SINGLE, MULTI)})
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
catalog_words = st.sampled_from(["是", "否", "其他", "中国临床试验注册中心公开", "观察性研究", "药品", "医疗器械", "不限",
                                 "已批准上市的产品", "手术和操作", "live-2026", "sop-2020", "GB41", "files/protocol.pdf",
                                 "research_title", "project_name", "study_groups", "2025-02-30", [], {}, [{}]])


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(BASES[draw(st.sampled_from(sorted(BASES)))])
    for _ in range(draw(st.integers(1, 5))):
        where = draw(st.sampled_from(paths(data)))
        parent: Any = data
        for token in where[:-1]:
            parent = parent[token]
        last = where[-1]
        action = draw(st.sampled_from(["drop", "replace", "word", "rename"]))
        if action == "drop":
            del parent[last]
        elif action == "word":
            parent[last] = draw(catalog_words)
        elif action == "replace" or isinstance(parent, list):
            parent[last] = draw(values)
        else:
            parent[draw(st.one_of(text, catalog_words.filter(lambda w: isinstance(w, str)))) or "k"] = parent.pop(last)
        if not data:
            break
    return data


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz")
    copy_files(path)
    return path


@SETTINGS
@given(data=mutated())
def test_mutated_specs_give_findings_only(folder, data):
    path = folder / "spec.yaml"
    path.write_text(dump(data), encoding="utf-8")
    result = load(path)
    for f in result.findings:
        assert f.severity in SEVERITIES and f.rule and f.line >= 0 and f.col >= 0 and f.format()
        assert "Input should" not in f.message
    json.dumps([f.to_dict() for f in result.findings], ensure_ascii=False)
    if result.spec is not None:
        assert result.errors == []
        json.dumps(result.spec.site_values(), ensure_ascii=False, default=str)
        assert isinstance(result.spec.project_name, str)
