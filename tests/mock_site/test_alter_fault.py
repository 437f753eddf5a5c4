"""The alter_field_rate fault: a save answers success but stores one value other than the one posted."""

from __future__ import annotations

import random
from contextlib import closing
from typing import Any

from autofiler.forms import load
from mock_site.alter import alter_one, alter_value
from mock_site.faults import parse
from tests.mock_site.api_support import COMPLETE, client, new_project, save
from tests.mock_site.live import live_support as live
from tests.support import MockServer


def one_change(before: dict[str, Any], after: dict[str, Any]) -> str:
    """The one key whose value differs (same keys on both sides)."""
    assert set(before) == set(after)
    changed = [k for k in before if before[k] != after[k]]
    assert len(changed) == 1, changed
    return changed[0]


def test_values_are_altered_into_valid_looking_ones() -> None:
    rng = random.Random(1)
    opts = {"sex": ("男", "女", "男女均可")}

    def options(key: str, value: str) -> tuple[str, ...]:
        return opts.get(key, ())

    assert alter_value("sex", "男", options, rng) in ("女", "男女均可")
    assert alter_value("n", 12, options, rng) == 13
    assert alter_value("d", "2025-02-28", options, rng) == "2025-03-01"
    assert alter_value("r", {"start": "2025-01-01", "end": "2025-12-31"}, options, rng) == {
        "start": "2025-01-01", "end": "2026-01-01"}
    assert alter_value("phone", "13900000002", options, rng) == "13900000003"
    assert alter_value("title", "队列研究", options, rng) == "队列研究等"
    assert alter_value("sex", ["男"], options, rng) in (["女"], ["男女均可"])
    rows = [{"sex": "女", "n": 1}]
    new = alter_value("rows", rows, options, rng)
    assert len(new) == 1 and new[0] != rows[0] and set(new[0]) == {"sex", "n"}
    changed, key = alter_one({"a": "", "b": None, "c": 5}, options, rng)
    assert (changed, key) == ({"a": "", "b": None, "c": 6}, "c")
    assert alter_one({"a": ""}, options, rng) == ({"a": ""}, None)


def test_the_faults_call_takes_the_rate() -> None:
    assert parse({"alter_field_rate": 0.5}).alter_field_rate == 0.5
    assert parse({}).alter_field_rate == 0.0


def test_the_sop_face_stores_one_altered_value_and_counts_it() -> None:
    server = MockServer("--face", "sop-2020")
    try:
        with closing(client(server)) as c:
            values = COMPLETE["basic_info"]
            pid = new_project(c)
            assert save(c, pid, "basic_info", values).status_code == 200
            plain = server.control("GET", f"projects/{pid}")["modules"]["basic_info"]
            server.control("POST", "faults", {"alter_field_rate": 1, "seed": 5})
            r = save(c, pid, "basic_info", values)
            assert r.status_code == 200 and r.json()["message"] == "保存成功"
            altered = server.control("GET", f"projects/{pid}")["modules"]["basic_info"]
            key = one_change(plain, altered)
            field = next(f for f in load("sop-2020").modules[0].controls() if f.key == key)
            if field.options:  # a choice became another of its options
                new = altered[key] if isinstance(altered[key], list) else [altered[key]]
                assert set(new) <= set(field.options)
            assert server.control("GET", "faults")["injected"] == {"errors": 0, "drops": 0, "alters": 1}
    finally:
        server.stop()


def test_the_live_face_stores_one_altered_value_and_counts_it() -> None:
    server = MockServer("--face", "live-2026", "--fast")
    try:
        with closing(live.client(server)) as c:
            pid = live.new_project(c)
            assert live.save(c, 1, live.FILING[1], pid).json()["code"] == 0
            plain = live.stored(server, pid)["modules"]["basic_info"]
            server.control("POST", "faults", {"alter_field_rate": 1, "seed": 11})
            r = live.save(c, 1, live.FILING[1], pid)
            assert r.status_code == 200 and r.json()["msg"] == "保存成功"
            altered = live.stored(server, pid)["modules"]["basic_info"]
            one_change(plain, altered)
            assert server.control("GET", "faults")["injected"]["alters"] == 1
            server.control("POST", "faults", {})
            live.save(c, 1, live.FILING[1], pid)
            assert live.stored(server, pid)["modules"]["basic_info"] == plain  # no fault, what was posted
    finally:
        server.stop()
