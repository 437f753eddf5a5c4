"""The values a sop-2020 spec gives the driver are pinned: `site_values()` of the two shipped examples, key for
key and in order, as the hand-written models gave them before the catalog engine took over (the JSON beside this
file was written by those models). The driver reads these per module; their shape must not drift."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from autofiler.spec import load
from tests.spec.helpers import DELETE, SINGLE, SPECS, check, edit, example

PINNED = json.loads((Path(__file__).with_name("site_values_sop2020.json")).read_text(encoding="utf-8"))


def _placed(value: Any) -> Any:
    """Attachment paths are pinned relative to specs/; here they are absolute, as site_values gives them."""
    if isinstance(value, str) and value.startswith("<specs>/"):
        return str((SPECS / value.removeprefix("<specs>/")).resolve())
    if isinstance(value, list):
        return [_placed(v) for v in value]
    if isinstance(value, dict):
        return {k: _placed(v) for k, v in value.items()}
    return value


def _ordered(value: Any) -> Any:
    """Key order is part of the shape (the driver fills in this order): dicts as lists of pairs."""
    if isinstance(value, dict):
        return [(k, _ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value


@pytest.mark.parametrize("name", sorted(PINNED))
def test_site_values_of_the_examples_are_unchanged(name):
    pinned = PINNED[name]
    result = load(SPECS / f"{name}.yaml")
    spec = result.spec
    assert spec is not None, result.format()
    assert (spec.form, spec.project_name, spec.site_project_id) == (
        pinned["form"], pinned["project_name"], pinned["site_project_id"])
    assert _ordered(spec.site_values()) == _ordered(_placed(pinned["site_values"]))


@pytest.mark.parametrize("name", sorted(PINNED))
def test_unregistered_institutions_keep_their_details_by_attribute(name):
    """The filing adds an unregistered institution through the site's dialog: it reads its details from
    `spec.implementation.participating_units[i].institution.model_dump()` (site_values names it by its name)."""
    spec = load(SPECS / f"{name}.yaml").spec
    units = spec.implementation.participating_units or []
    details = [u.institution.model_dump(exclude_none=True) for u in units if not isinstance(u.institution, str)]
    assert details == PINNED[name]["unregistered_institutions"]
    assert len(details) + sum(isinstance(u.institution, str) for u in units) == len(units)


def test_an_optional_attachment_list_not_written_is_left_out(work):
    """As for every optional field: the filing leaves the site's other files alone when the spec names none."""
    result = check(work, edit(example(SINGLE), {"attachments.other_files": DELETE}))
    assert result.errors == [], result.format()
    assert list(result.spec.site_values()["attachments"]) == ["protocol", "informed_consent"]
