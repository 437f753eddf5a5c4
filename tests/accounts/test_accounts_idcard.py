"""证件号码: 18-digit resident IDs are checked fully; other documents get a warning for a person."""

from __future__ import annotations

import datetime as dt

from autofiler.accounts.idcard import NOT_RESIDENT, check_id_number
from tests.accounts.sheets import resident_id

TODAY = dt.date(2026, 11, 26)


def rules(value: str) -> list[tuple[str, str]]:
    return [(p.severity, p.rule) for p in check_id_number(value, TODAY)]


def test_valid_ids_pass() -> None:
    assert rules("11010519491231002X") == []
    assert rules(resident_id("32010219900307123")) == []


def test_wrong_check_digit_names_the_expected_one() -> None:
    [problem] = check_id_number("110105194912310021", TODAY)
    assert problem.rule == "id.check_digit" and problem.severity == "error"
    assert "应为「X」" in problem.message and "实际为「1」" in problem.message


def test_impossible_birth_date() -> None:
    value = resident_id("11010519490230002")  # 30 February
    assert rules(value) == [("error", "id.birth_date")]
    assert "19490230" in check_id_number(value, TODAY)[0].message


def test_birth_date_in_the_future_or_before_1900() -> None:
    assert rules(resident_id("11010520270101002")) == [("error", "id.birth_date")]
    assert rules(resident_id("44052418800101001")) == [("error", "id.birth_date")]


def test_unknown_region() -> None:
    assert rules(resident_id("99010519491231002"))[0][1] == "id.not_resident"  # 9: foreigners' permanent ID
    assert rules(resident_id("00010519491231002")) == [("error", "id.region")]


def test_wrong_length_and_old_ids_are_errors() -> None:
    assert rules("11010519491231002") == [("error", "id.length")]
    assert rules("1101051949123100211") == [("error", "id.length")]
    assert rules("110105491231002") == [("error", "id.length")]


def test_other_documents_are_a_warning_for_manual_review() -> None:
    for value in ("E12345678", "H1234567801", "M12345678", "12345678"):
        [problem] = check_id_number(value, TODAY)
        assert problem.severity == "warning" and problem.rule == "id.not_resident"
        assert NOT_RESIDENT in problem.message


def test_lower_case_x_is_accepted_with_a_warning() -> None:
    assert rules("11010519491231002x") == [("warning", "id.lower_x")]
