"""The sop-2020 catalog as the spec engine reads it: modules, fields, what the page shows, agreement with the
site map, labels of dotted paths."""

from __future__ import annotations

import yaml

from autofiler.spec.catalog_index import index
from tests.spec.helpers import ROOT

IDX = index("sop-2020")


def test_modules_in_form_order_with_labels():
    assert [(m.key, m.label) for m in IDX.form.modules] == [
        ("basic_info", "基本信息"), ("implementation", "实施信息"), ("research_content", "研究内容"),
        ("research_design", "研究设计"), ("recruitment", "招募信息"), ("other_registrations", "其他信息"),
        ("data_sharing", "数据共享"), ("attachments", "相关附件"),
    ]


def test_catalog_agrees_with_the_site_map():
    """selectors/registry.yaml is the driver's view of the same form: keys, labels, widgets and the conditions
    that show a field must match."""
    site = yaml.safe_load((ROOT / "selectors" / "registry.yaml").read_text(encoding="utf-8"))
    for mod in site["modules"]:
        ours = IDX.form.module(mod["key"])
        assert ours is not None and ours.label == mod["tab"]
        controls = {c.key: c for c in IDX.modules[mod["key"]]}
        assert list(controls) == [f["key"] for f in mod["fields"]]
        for theirs in mod["fields"]:
            c = controls[theirs["key"]]
            assert (c.field.label, c.field.widget) == (theirs["label"], theirs["widget"])
            assert bool(c.twin) == bool(theirs.get("en_twin"))
            assert c.field.visible_if == theirs.get("when")
            for col in theirs.get("columns", []):
                found = c.column(col["key"])
                assert found is not None and (found.field.label, found.field.widget) == (col["label"], col["widget"])


def test_field_metadata():
    c = IDX.controls
    assert c["project_name"].field.max_length == 200 and c["project_name"].need is True
    assert c["project_name"].twin is not None and c["project_name"].twin.key == "project_name_en"
    assert IDX.label("project_name_en") == "项目名称（英文）"
    assert c["commissioning_unit"].field.required == "project_source == 企事业单位委托研究项目"
    assert c["project_type"].field.options == ("注册临床研究", "非注册临床研究")
    assert len(c["research_fields"].field.options) == 31
    assert (c["age_max"].field.min, c["age_max"].field.max) == (0, 150)
    assert c["interventions"].field.required == "study_type == 干预性研究"
    assert c["interventions"].field.visible_if is None  # required by another tab's field, always shown
    assert c["interventions"].column("sample_size").field.min == 1
    assert c["outcomes"].field.min_rows == 1
    # formats named in generations.yaml, where the catalog's pattern is prose
    assert c["participating_units"].column("unit_pi_phone").field.pattern == "phone"
    assert c["contact_email"].field.pattern == "email" and c["condition_code"].field.pattern == "icd10"
    dialog = c["participating_units"].column("institution").columns
    assert [(d.key, d.field.label) for d in dialog] == [
        ("name", "机构名称"), ("province", "所在省份"), ("city", "所在城市"), ("address", "详细地址")]
    assert IDX.twins_when == "publish_to_chictr == 是"


def test_label_of_paths():
    label_of = IDX.label_of
    assert label_of("implementation.participating_units[1].unit_pi_phone") == "参与单位 第2行 联系电话"
    assert label_of("implementation.participating_units[0].institution.province") == "参与单位 第1行 单位名称 所在省份"
    assert label_of("basic_info.expected_duration.end") == "本临床试验预计持续时间 结束日期"
    assert label_of("attachments.other_files[2]") == "其他文件 第3项"
    assert label_of("research_content.objectives_en") == "研究目的（英文）"
    assert label_of("recruitment") == "招募信息"
    assert label_of("basic_info.no_such_field") == "基本信息"
    assert label_of("nowhere.at_all") == ""
