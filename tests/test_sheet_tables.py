"""Columns found by their header text, however an office retyped it: the one rule for spreadsheets and web tables."""

from __future__ import annotations

from autofiler.sheet_tables import header_columns, header_text


def test_spaces_of_any_width_a_full_width_slash_and_a_required_star_are_not_part_of_a_header():
    assert header_text(" *院系／科室\u3000") == "院系/科室"
    assert header_text("＊项目 名称\n") == "项目名称"
    assert header_text(None) == ""


def test_each_wanted_header_is_found_by_key_at_its_first_column_and_a_missing_one_is_left_out():
    cells = ["序号", "*项目名称", None, "本院 角色", "项目名称", 7]
    wanted = {"name": "项目名称", "role": "本院角色", "date": "伦理批准日期"}
    assert header_columns(cells, wanted) == {"name": 1, "role": 3}
