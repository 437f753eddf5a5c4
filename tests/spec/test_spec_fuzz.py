"""Property: whatever a spec file holds, `load` returns findings and never raises."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autofiler.spec import load
from autofiler.spec.findings import SEVERITIES
from autofiler.spec.load_result import LoadResult
from tests.spec.helpers import MULTI, SINGLE, copy_files, dump, example

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BASES = {SINGLE: example(SINGLE), MULTI: example(MULTI)}

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=50)
nasty_text = st.one_of(
    text,
    st.just("<script>alert('x')</script>"),
    st.just("<b onmouseover=alert(1)>项目</b>&amp;"),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x1F), min_size=1, max_size=10),
    st.integers(190, 4100).map(lambda n: "长" * n),
    st.just(200_000).map(lambda n: "x" * n),
    st.sampled_from(["是", "否", "有", "无", "主要指标", "干预性研究", "随机平行对照", "ChiCTR2400081234", "..", "../x.pdf",
                     "/etc/passwd", "files/protocol.pdf", "2025-02-30", "2025-13-01", "1e999", "0x10", "~", "null"]),
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(), st.datetimes(), nasty_text,
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(text, st.integers()), inner, max_size=4)), max_leaves=12)


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += paths(value, (*prefix, i))
    return out


@st.composite
def mutated_specs(draw: st.DrawFn) -> dict:
    import copy

    data = copy.deepcopy(BASES[draw(st.sampled_from(sorted(BASES)))])
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(paths(data)))
        parent: Any = data
        for token in where[:-1]:
            parent = parent[token]
        last = where[-1]
        action = draw(st.sampled_from(["drop", "replace", "rename"]))
        if action == "drop":
            del parent[last]
        elif action == "replace" or isinstance(parent, list):
            parent[last] = draw(values)
        else:
            parent[draw(text) or "k"] = parent.pop(last)
        if not data:
            break
    return data


def assert_sane(result: LoadResult) -> None:
    assert isinstance(result, LoadResult)
    for f in result.findings:
        assert f.severity in SEVERITIES and f.rule and f.line >= 0 and f.col >= 0
        assert f.format()
        assert "Input should" not in f.message and "validation error" not in f.message
    json.dumps([f.to_dict() for f in result.findings], ensure_ascii=False)
    if result.spec is not None:
        assert result.errors == []
        json.dumps(result.spec.site_values(), ensure_ascii=False)
        for module in result.spec.site_values():  # what the filing reads by attribute
            json.dumps(result.spec.module(module).model_dump(), ensure_ascii=False)
    else:
        assert result.errors


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz")
    copy_files(path)
    return path


@SETTINGS
@given(data=mutated_specs())
def test_mutated_specs_give_findings_not_exceptions(folder, data):
    path = folder / "spec.yaml"
    path.write_text(dump(data), encoding="utf-8")
    assert_sane(load(path))


@SETTINGS
@given(base=st.sampled_from([SINGLE, MULTI]), cut=st.integers(0, 10_000), junk=text)
def test_damaged_yaml_text_gives_findings_not_exceptions(folder, base, cut, junk):
    original = dump(BASES[base])
    cut %= len(original)
    path = folder / "spec.yaml"
    path.write_text(original[:cut] + junk + original[cut + len(junk) // 2:], encoding="utf-8")
    assert_sane(load(path))


@settings(max_examples=60, deadline=None)
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes_give_findings_not_exceptions(folder, raw):
    path = folder / "spec.yaml"
    path.write_bytes(raw)
    assert_sane(load(path))
