"""Loading edge cases: broken YAML, odd top levels, unknown keys, wrong types, dates, positions, the public API."""

from __future__ import annotations

import datetime as dt

import pytest

from autofiler.errors import SpecError
from autofiler.spec import Finding, load, load_valid
from tests.spec.helpers import MULTI, SINGLE, SPECS, check, dump, edit, example, line_of, write


def only(result, rule):
    found = [f for f in result.findings if f.rule == rule]
    assert found, result.format()
    return found


@pytest.mark.parametrize(("text", "rule", "line"), [
    ("basic_info:\n  project_name: [unclosed\nimplementation: {}\n", "yaml-syntax", 3),
    ("basic_info:\n\tproject_name: x\n", "yaml-syntax", 2),
    ("basic_info: {}\n---\nimplementation: {}\n", "yaml-syntax", 2),
    ("", "empty-file", 1),
    ("# 只有注释\n\n", "empty-file", 1),
    ("- basic_info\n- implementation\n", "not-mapping", 1),
    ("just some text\n", "not-mapping", 1),
    ("basic_info: \x07\n", "yaml-syntax", 1),
])
def test_unreadable_files_give_one_clear_finding(tmp_path, text, rule, line):
    result = load(write(tmp_path, text))
    assert [(f.rule, f.severity, f.line) for f in result.findings] == [(rule, "error", line)]
    assert result.spec is None
    assert "Traceback" not in result.format()


def test_missing_file_and_wrong_encoding(tmp_path):
    missing = load(tmp_path / "nope.yaml")
    assert [f.rule for f in missing.findings] == ["not-found"]
    assert missing.findings[0].format().startswith(f"{tmp_path / 'nope.yaml'}: error [not-found]")
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("basic_info:\n  project_name: 中文标题\n".encode("gbk"))
    (finding,) = load(gbk).findings
    assert finding.rule == "encoding" and finding.line == 2 and "UTF-8" in finding.message


@pytest.mark.parametrize(("changes", "path", "guess"), [
    ({"basic_inf": {}}, "basic_inf", "basic_info"),
    ({"basic_info.projct_name": "x"}, "basic_info.projct_name", "project_name"),
    ({"basic_info.项目名称": "x"}, "basic_info.项目名称", "project_name"),  # a label written as a key
    ({"basic_info.filing_title_en": "x"}, "basic_info.filing_title_en", "filing_title"),
    ({"basic_info.expected_duration.ends": "2026-01-01"}, "basic_info.expected_duration.ends", "end"),
    ({"research_content.outcomes[1].timepont": "x"}, "research_content.outcomes[1].timepont", "timepoint"),
])
def test_unknown_keys_are_errors_with_a_suggestion(work, changes, path, guess):
    result = check(work, edit(example(SINGLE), changes))
    (finding,) = [f for f in result.findings if f.rule == "unknown-key"]
    assert finding.path == path
    assert f"did you mean {guess}?" in finding.message and f"是否应为 {guess}" in finding.message


def test_unknown_key_inside_a_new_institution(work):
    data = example(MULTI)
    data["implementation"]["participating_units"][1]["institution"]["provnce"] = "河北省"
    result = check(work, data)
    (finding,) = only(result, "unknown-key")
    assert finding.path == "implementation.participating_units[1].institution.provnce"
    assert "province" in finding.message
    assert finding.label == "参与单位 第2行 单位名称"


@pytest.mark.parametrize(("changes", "path", "expected"), [
    ({"implementation": ["has_participating_units"]}, "implementation", "映射"),
    ({"research_content.outcomes": "主要指标"}, "research_content.outcomes", "列表，每行一组"),
    ({"research_content.outcomes[0]": "主要指标"}, "research_content.outcomes[0]", "映射"),
    ({"recruitment.age_min": "十八岁"}, "recruitment.age_min", "整数"),
    ({"recruitment.age_min": True}, "recruitment.age_min", "整数"),
    ({"basic_info.ethics_approval_date": 20250115}, "basic_info.ethics_approval_date", "日期"),
    ({"basic_info.expected_duration": "2025-03-01 至 2027-02-28"}, "basic_info.expected_duration", "日期范围"),
    ({"basic_info.ethics_approval_no": dt.date(2025, 1, 1)}, "basic_info.ethics_approval_no", "加引号"),
    ({"basic_info.publish_to_chictr": False}, "basic_info.publish_to_chictr", "选项"),
    ({"attachments.protocol": ["files/protocol.pdf"]}, "attachments.protocol", "PDF 文件的相对路径"),
])
def test_wrong_types_name_the_expected_kind(work, changes, path, expected):
    result = check(work, edit(example(SINGLE), changes))
    matching = [f for f in result.errors if f.path == path and f.rule in ("type", "option")]
    assert matching, result.format()
    assert expected in matching[0].message


def test_yaml_dates_and_date_strings_mean_the_same(work):
    as_dates = check(work, example(SINGLE))
    text = dump(example(SINGLE))
    quoted = text.replace("2025-01-15", "'2025-01-15'").replace("start: 2025-03-01", "start: '2025-03-01'")
    assert quoted != text
    as_strings = load(write(work, quoted, "quoted.yaml"))
    assert as_dates.spec and as_strings.spec
    assert as_dates.spec.site_values()["basic_info"] == as_strings.spec.site_values()["basic_info"]
    assert as_strings.spec.site_values()["basic_info"]["ethics_approval_date"] == "2025-01-15"


def test_a_date_with_a_time_is_refused(work):
    text = dump(example(SINGLE)).replace("ethics_approval_date: 2025-01-15", "ethics_approval_date: 2025-01-15 09:30:00")
    result = load(write(work, text))
    assert [f.rule for f in result.errors] == ["date-format"]


def test_numbers_written_like_yaml_11_octal_keep_their_digits(work):
    text = dump(example(SINGLE)).replace("project_number: SLYY-2024-LC-017", "project_number: 0012345")
    result = load(write(work, text))
    assert result.errors == []
    assert result.spec.site_values()["basic_info"]["project_number"] == "0012345"


def test_blank_values_count_as_missing_and_point_at_their_key(work):
    text = dump(edit(example(SINGLE), {"basic_info.filing_title": None}))
    result = load(write(work, text))
    (finding,) = result.errors
    assert (finding.rule, finding.path) == ("required", "basic_info.filing_title")
    assert finding.line == line_of(text, "filing_title:") and finding.col == 3


def test_a_missing_key_points_at_its_parent(work):
    data = edit(example(MULTI), {"implementation.participating_units[1].unit_pi_name": None})
    del data["implementation"]["participating_units"][1]["unit_pi_name"]
    text = dump(data)
    result = load(write(work, text))
    (finding,) = result.errors
    assert finding.path == "implementation.participating_units[1].unit_pi_name"
    assert finding.line == line_of(text, "- institution:", 1)
    assert finding.label == "参与单位 第2行 分中心负责人"


def test_an_empty_module_reports_each_required_field_at_the_module(work):
    text = dump(edit(example(SINGLE), {"data_sharing": None}))
    result = load(write(work, text))
    assert {f.path for f in result.errors} == {
        "data_sharing.ipd_sharing", "data_sharing.results_public", "data_sharing.data_management", "data_sharing.dsmb"}
    assert {f.line for f in result.errors} == {line_of(text, "data_sharing:")}


def test_duplicate_keys_are_errors(work):
    text = dump(example(SINGLE)).replace("  project_type: 非注册临床研究\n",
                                         "  project_type: 非注册临床研究\n  project_type: 注册临床研究\n")
    result = load(write(work, text))
    (finding,) = result.errors
    assert finding.rule == "duplicate-key" and finding.path == "basic_info.project_type"
    assert finding.line == line_of(text, "project_type:", 1)


def test_anchors_and_merge_keys_work(work):
    data = example(MULTI)
    text = dump(data).replace("  contact_name: 张医生\n", "  contact_name: &pi 张医生\n")
    text = text.replace("- group: 对照组", "- group: 对照组\n    code: &c X01")
    result = load(write(work, text))
    assert result.errors == [], result.format()
    merged = "x: &base {name: 病死率, kind: 次要指标}\n"
    assert load(write(work, merged + "y: {<<: *base}\n", "m.yaml")).parsed.data["y"] == {
        "name": "病死率", "kind": "次要指标"}


def test_self_referencing_alias_is_a_finding(tmp_path):
    result = load(write(tmp_path, "basic_info: &a\n  x: *a\n"))
    assert "yaml-syntax" in {f.rule for f in result.findings}


def test_position_lookup(work):
    text = (SPECS / "multi-center.yaml").read_text(encoding="utf-8")
    result = load(write(work, text))
    phone_line = line_of(text, "unit_pi_phone: 0312")
    assert result.position("implementation.participating_units[1].unit_pi_phone") == (phone_line, 7)
    # the site names a field without its module
    assert result.position("participating_units[1].unit_pi_phone") == (phone_line, 7)
    # an unknown or absent path falls back to its closest written parent
    assert result.position("implementation.participating_units[1].unit_pi_email")[0] == line_of(text, "某县人民医院")
    assert result.position("research_content.objectives_en") == (line_of(text, "objectives_en:"), 3)
    assert result.position("nothing.here") == (line_of(text, "basic_info:"), 1)


def test_load_valid_raises_with_the_formatted_errors(work):
    path = write(work, edit(example(SINGLE), {"recruitment.contact_phone": "123"}))
    with pytest.raises(SpecError) as raised:
        load_valid(path)
    assert f"{path}:" in raised.value.message and "[phone] recruitment.contact_phone 联系人电话" in raised.value.message
    ok = load_valid(write(work, example(SINGLE), "ok.yaml"))
    assert ok.spec is not None and ok.spec.project_name.startswith("超说明书")


def test_finding_format_and_dict():
    f = Finding("specs/x.yaml", 12, 5, "error", "required", "basic_info.project_name", "项目名称", "必填 / required")
    assert f.format() == "specs/x.yaml:12:5: error [required] basic_info.project_name 项目名称: 必填 / required"
    assert set(f.to_dict()) == {"file", "line", "col", "severity", "rule", "path", "label", "message"}


def test_result_sorts_findings_and_splits_severities(work):
    data = edit(example(MULTI), {"research_design.sample_size_total": 1, "recruitment.contact_phone": "1"})
    result = check(work, data)
    assert [f.line for f in result.findings] == sorted(f.line for f in result.findings)
    assert {f.rule for f in result.errors} == {"phone"}
    assert {f.rule for f in result.warnings} == {"sample-size-sum"}
    assert {f.rule for f in result.notes} == {"read-only"}
    assert result.spec is None and not result.ok


def test_keys_with_dots_and_brackets_are_reported_not_looped_on(work):
    data = example(SINGLE)
    data["basic_info"]["x."] = 1
    data["implementation"]["a[b"] = 2
    data["recruitment"]["]"] = 3
    result = check(work, data)
    assert {f.path for f in result.errors if f.rule == "unknown-key"} == {
        "basic_info.x.", "implementation.a[b", "recruitment.]"}
    assert all(f.line > 0 for f in result.errors)
