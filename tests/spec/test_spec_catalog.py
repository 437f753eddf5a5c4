"""The catalog read back from the models: modules, fields, options, labels of dotted paths."""

from __future__ import annotations

import yaml

from autofiler.spec import catalog
from tests.spec.helpers import ROOT


def test_modules_in_form_order_with_labels():
    assert [(m.key, m.label) for m in catalog.MODULES] == [
        ("basic_info", "基本信息"), ("implementation", "实施信息"), ("research_content", "研究内容"),
        ("research_design", "研究设计"), ("recruitment", "招募信息"), ("other_registrations", "其他信息"),
        ("data_sharing", "数据共享"), ("attachments", "相关附件"),
    ]


def test_catalog_agrees_with_the_site_map():
    """selectors/registry.yaml is the driver's view of the same form: keys, labels and widgets must match."""
    site = yaml.safe_load((ROOT / "selectors" / "registry.yaml").read_text(encoding="utf-8"))
    for mod in site["modules"]:
        ours = catalog.module(mod["key"])
        assert ours is not None and ours.label == mod["tab"]
        assert [f.key for f in ours.fields if not f.twin_of] == [f["key"] for f in mod["fields"]]
        for theirs in mod["fields"]:
            field = ours.field(theirs["key"])
            assert (field.label, field.widget) == (theirs["label"], theirs["widget"])
            assert field.en_twin == bool(theirs.get("en_twin"))
            if theirs.get("when"):
                assert field.shown_when == theirs["when"]
            for col in theirs.get("columns", []):
                assert (field.column(col["key"]).label, field.column(col["key"]).widget) == (col["label"], col["widget"])


def test_field_metadata():
    basic = catalog.module("basic_info")
    assert basic.field("project_name").max_length == 200 and basic.field("project_name").required is True
    assert basic.field("project_name_en").twin_of == "project_name"
    assert basic.field("project_name_en").label == "项目名称（英文）"
    assert basic.field("commissioning_unit").required == "project_source == 企事业单位委托研究项目"
    assert basic.field("project_type").options == ("注册临床研究", "非注册临床研究")
    assert len(basic.field("research_fields").options) == 31
    recruitment = catalog.module("recruitment")
    assert (recruitment.field("age_max").minimum, recruitment.field("age_max").maximum) == (0, 150)
    design = catalog.module("research_design")
    assert design.field("interventions").required == "research_content.study_type == 干预性研究"
    assert design.field("interventions").column("sample_size").minimum == 1
    assert catalog.module("research_content").field("outcomes").min_rows == 1


def test_label_of_paths():
    assert catalog.label_of("implementation.participating_units[1].unit_pi_phone") == "参与单位 第2行 联系电话"
    assert catalog.label_of("implementation.participating_units[0].institution.province") == "参与单位 第1行 单位名称 所在省份"
    assert catalog.label_of("basic_info.expected_duration.end") == "本临床试验预计持续时间 结束日期"
    assert catalog.label_of("attachments.other_files[2]") == "其他文件 第3个"
    assert catalog.label_of("research_content.objectives_en") == "研究目的（英文）"
    assert catalog.label_of("recruitment") == "招募信息"
    assert catalog.label_of("basic_info.no_such_field") == "基本信息"
    assert catalog.label_of("nowhere.at_all") == ""


def test_meta_of_paths():
    assert catalog.meta_of("research_design.interventions[0].sample_size").widget == "number"
    assert catalog.meta_of("research_design.interventions[0]") is None
    assert catalog.meta_of("basic_info.nope") is None
