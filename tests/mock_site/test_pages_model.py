"""The pure parts behind the pages: the editor's view model, the --shuffle-dom rewrite and the pager."""

from __future__ import annotations

import random
import re

from mock_site.catalog import CATALOG
from mock_site.editor import Pane, build_panes, parse_condition
from mock_site.listing import pager
from mock_site.shuffle import shuffle_dom


def project(modules: dict | None = None) -> dict:
    return {"id": 1, "modules": modules or {}, "attachments": {"protocol": [{"id": 3, "name": "p.pdf"}]}}


def labels(pane: Pane) -> list[str]:
    return [i.label for i in pane.items]


def test_panes_follow_the_catalog_and_open_the_asked_tab():
    panes = build_panes(project(), "示例医院", "recruitment")
    assert [p.key for p in panes] == [m["key"] for m in CATALOG]
    assert [p.key for p in panes if p.active] == ["recruitment"]
    assert [p.key for p in build_panes(project(), "示例医院", "nonsense") if p.active] == ["basic_info"]
    basic = panes[0]
    assert labels(basic)[:3] == ["项目名称", "项目名称（英文）", "项目类型"]
    lead = next(i for i in panes[1].items if i.prop == "lead_unit")
    assert (lead.value, lead.readonly) == ("示例医院", True)
    protocol = next(i for i in panes[7].items if i.prop == "protocol")
    assert protocol.value == [{"id": 3, "name": "p.pdf"}]


def test_conditional_items_and_twins_are_shown_from_the_stored_values():
    stored = {"basic_info": {"project_source": "国际合作项目", "publish_to_chictr": "是"},
              "research_design": {"design_type": "随机交叉对照"}, "research_content": {"study_type": "观察性研究"}}
    panes = {p.key: p for p in build_panes(project(stored), "示例医院", None)}
    shown = {i.prop: i.shown for p in panes.values() for i in p.items if i.when}
    assert shown["cooperating_unit"] and not shown["commissioning_unit"]
    assert shown["randomization"] and shown["project_name_en"] and shown["conditions_en"]
    assert not shown["participating_units"] and not shown["ipd_sharing_plan"]
    twin = next(i for i in panes["research_content"].items if i.prop == "objectives_en")
    assert twin.when_saved and twin.label == "研究目的（英文）"
    # 干预措施 depends on another module's field: always present, required only for 干预性研究
    interventions = next(i for i in panes["research_design"].items if i.prop == "interventions")
    assert interventions.when is None and not interventions.required


def test_parse_condition_reads_the_catalog_forms():
    assert parse_condition("design_type startswith 随机").holds("随机平行对照")
    assert not parse_condition("ipd_sharing == 是").holds("否")
    assert parse_condition("x in [a, b]").holds("b")
    assert parse_condition(True) is None and parse_condition("not a condition") is None


def test_shuffled_panes_keep_each_twin_right_after_its_field():
    for seed in range(20):
        for pane in build_panes(project(), "示例医院", None, random.Random(seed)):
            names = labels(pane)
            for i, name in enumerate(names):
                if name.endswith("（英文）"):
                    assert names[i - 1] + "（英文）" == name
    orders = {tuple(labels(build_panes(project(), "示例医院", None, random.Random(s))[0])) for s in range(5)}
    assert len(orders) > 1


def test_shuffle_dom_rewrites_ids_names_and_class_order_consistently():
    html = ('<div id="tab-a" aria-controls="pane-a" class="el-tabs__item is-top is-active">A</div>'
            '<div id="pane-a" aria-labelledby="tab-a" class="el-tab-pane"><input name="x" class="el-input__inner">'
            '<input type="radio" name="g" value="1"><input type="radio" name="g" value="2"></div>'
            '<script>if (a<b && c>d) { document.getElementById("tab-a"); }</script>')
    out = shuffle_dom(html, random.Random(7))
    ids = re.findall(r' id="([^"]+)"', out)
    assert "tab-a" not in ids and "pane-a" not in ids and len(set(ids)) == 2
    assert re.search(r'aria-controls="([^"]+)"', out).group(1) == ids[1]  # type: ignore[union-attr]
    assert re.search(r'aria-labelledby="([^"]+)"', out).group(1) == ids[0]  # type: ignore[union-attr]
    names = re.findall(r' name="([^"]+)"', out)
    assert names[1] == names[2] != names[0] and "x" not in names
    classes = re.search(r'class="([^"]+)"', out).group(1).split()  # type: ignore[union-attr]
    assert sorted(classes) == ["el-tabs__item", "is-active", "is-top"]
    assert 'document.getElementById("tab-a")' in out  # script text untouched
    assert ">A<" in out


def test_pager_shows_seven_buttons_with_jumps():
    assert pager(1, 5) == [1, 2, 3, 4, 5]
    assert pager(1, 20) == [1, 2, 3, 4, 5, 6, "next", 20]
    assert pager(10, 20) == [1, "prev", 8, 9, 10, 11, 12, "next", 20]
    assert pager(20, 20) == [1, "prev", 15, 16, 17, 18, 19, 20]
