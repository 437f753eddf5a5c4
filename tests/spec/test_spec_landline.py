"""Landline numbers in a spec are checked against the length their area code takes (010/02x: 8 digits;
0xxx: 7 or 8)."""

from __future__ import annotations

import pytest

from tests.spec.helpers import SINGLE, check, edit, example

WRONG = ["010-8888888", "0108888888", "021-1234567", "0571-123456", "0571-123456789", "011-12345678"]
RIGHT = ["010-88888888", "01088888888", "021-12345678", "0571-8765432", "0571-87654321", "0312-5551234",
         "010-12345678-801"]


@pytest.mark.parametrize("number", WRONG)
def test_a_landline_of_the_wrong_length_for_its_area_code_is_an_error(work, number):
    result = check(work, edit(example(SINGLE), {"recruitment.contact_phone": number}))
    assert [f.path for f in result.findings if f.rule == "phone"] == ["recruitment.contact_phone"], result.format()


@pytest.mark.parametrize("number", RIGHT)
def test_a_landline_of_the_right_length_passes(work, number):
    result = check(work, edit(example(SINGLE), {"recruitment.contact_phone": number}))
    assert not [f for f in result.findings if f.rule == "phone"], result.format()
