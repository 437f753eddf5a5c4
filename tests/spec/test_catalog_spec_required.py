"""Generated from the catalog: every required field (and English twin) the examples fill, deleted, gives an error
that names its label and its YAML path, placed on the line of what holds it."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from autofiler.spec.catalog_index import index
from tests.spec.helpers import copy_files, dump
from tests.spec.live import EXAMPLES, check, live_example

IDX = index("live-2026")


def _required_paths() -> list[tuple[str, str, str, str]]:
    """(example, dotted path, label, rule) for each required value an example holds, first rows only."""
    out = []
    for name in EXAMPLES:
        data = live_example(name)
        published = data["basic_info"]["sync_platform"] == "中国临床试验注册中心公开"
        for module, controls in IDX.modules.items():
            section = data.get(module) or {}
            for c in controls:
                if c.key not in section:
                    continue
                if c.field.required is True:
                    out.append((name, f"{module}.{c.key}", c.field.label, "required"))
                if c.twin and published and c.twin.required is True and c.twin.key in section:
                    out.append((name, f"{module}.{c.twin.key}", c.twin.label, "en-twin"))
                rows = section[c.key] if c.has_rows and isinstance(section[c.key], list) else []
                if rows and isinstance(rows[0], dict):
                    for col in c.columns:
                        if col.key in rows[0] and col.field.required is True and len(c.columns) > 1:
                            out.append((name, f"{module}.{c.key}[0].{col.key}", col.field.label, "required"))
                        if col.twin and published and col.twin.key in rows[0]:
                            out.append((name, f"{module}.{c.key}[0].{col.twin.key}", col.twin.label, "en-twin"))
    return out


PATHS = _required_paths()


def key_line(text: str, key: str) -> int:
    """1-based line where `key:` is written as a key."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.lstrip(" -").startswith(f"{key}:"))


def _delete(data: dict[str, Any], path: str) -> None:
    node: Any = data
    parts = path.replace("[0]", ".0").split(".")
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    del node[parts[-1]]


def test_the_examples_cover_many_required_fields():
    assert len(PATHS) > 150
    assert {rule for *_, rule in PATHS} == {"required", "en-twin"}


@pytest.mark.parametrize(("name", "path", "label", "rule"), PATHS, ids=[f"{n}:{p}" for n, p, *_ in PATHS])
def test_deleting_a_required_value_is_an_error_naming_it(tmp_path, name, path, label, rule):
    copy_files(tmp_path)
    data = copy.deepcopy(live_example(name))
    _delete(data, path)
    text = dump(data)
    result = check(tmp_path, text)
    found = [f for f in result.errors if f.path == path]
    assert found, result.format()
    finding = found[0]
    assert finding.rule in (rule, "min-rows") and label in finding.label
    holder = path.rsplit(".", 1)[0]
    if "[0]" in holder:  # a row's column: the row's first key
        group = holder.split(".")[-1].removesuffix("[0]")
        expected = key_line(text, group) + 1
    else:
        expected = key_line(text, holder)
    assert finding.line == expected and finding.col > 0
    assert result.spec is None
