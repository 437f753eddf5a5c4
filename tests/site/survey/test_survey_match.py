"""The survey's matching and drafts, without a browser: a page that shows exactly what the site map and catalog
say matches; each kind of change is reported once, under its own heading; the drafts load and carry it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from autofiler.forms import Form, load
from autofiler.forms.catalog import HERE as CATALOGS
from autofiler.site.maps import choose, resolve
from autofiler.site.survey import drafts
from autofiler.site.survey.match import expected, match
from autofiler.site.survey.survey_data import Expected, Found, FoundTab, proposed_key
from autofiler.site.survey.walk import RefusedClick, forbidden, guarded_click

MAP = choose.shipped("live-2026")
SITE = resolve.load(MAP)
FORM = load("live-2026")
KIND = {"decimal": "number", "country": "select", "province": "select", "institution": "autocomplete",
        "modal_pick": "dialog_picker", "repeat_group": "repeating_group", "table": "repeating_group",
        "pdf": "upload", "file": "upload", "files": "upload"}


def shown_as(e: Expected) -> Found:
    """The control as a page that agrees with the catalog shows it."""
    kind = KIND.get(e.widget, e.widget)
    cols = () if kind == "dialog_picker" else tuple(shown_as(c) for c in e.columns)
    return Found(label=e.label, kind=kind, name=e.name, names=e.names,
                 options=() if e.dependent else e.options, columns=cols)


def faithful() -> list[FoundTab]:
    return [FoundTab(t.label, True, tuple(shown_as(f) for f in t.fields)) for t in expected(SITE, FORM)]


def edit(tabs: list[FoundTab], tab: str, key: str, **changes: object) -> list[FoundTab]:
    """The page with one control changed (or dropped, with changes=None)."""
    exp = next(t for t in expected(SITE, FORM) if t.label == tab)
    index = [f.key for f in exp.fields].index(key)
    out = []
    for t in tabs:
        if t.label == tab:
            controls = list(t.controls)
            if changes.get("drop"):
                del controls[index]
            else:
                controls[index] = dataclasses.replace(controls[index], **changes)
            t = FoundTab(t.label, t.shown, tuple(controls))
        out.append(t)
    return out


def add(tabs: list[FoundTab], tab: str, found: Found) -> list[FoundTab]:
    return [FoundTab(t.label, t.shown, t.controls + (found,)) if t.label == tab else t for t in tabs]


def test_a_page_that_shows_what_the_map_and_catalog_say_matches_everything():
    survey = match(SITE, FORM, faithful())
    assert survey.differences == []
    assert len(survey.matched) == sum(1 + len(f.columns) for t in expected(SITE, FORM) for f in t.fields
                                      if f.widget != "modal_pick") + 3  # the three pickers: no columns
    assert not survey.unseen


def changed_site() -> list[FoundTab]:
    page = edit(faithful(), "基本信息", "research_title_short", label="医学研究简称")
    page = edit(page, "研究类别", "preparation_source", options=("机构自制", "外部机构", "高校或科研院所", "其他",
                                                                  "医院制剂室"))
    return add(page, "基本信息", Found(label="伦理联系人电话", kind="text", name="ethicsContactPhone",
                                      names=("ethicsContactPhone",), required=True))


def test_a_changed_label_a_new_field_and_a_changed_option_list_are_reported_once_each():
    survey = match(SITE, FORM, changed_site())
    kinds = sorted(d.kind for d in survey.differences)
    assert kinds == ["label", "new", "options"]
    label = survey.of("label")[0]
    assert (label.key, label.old, label.new) == ("research_title_short", "医学研究题目简写", "医学研究简称")
    new = survey.of("new")[0]
    assert (new.tab, new.key, new.label) == ("basic_info", "ethics_contact_phone", "伦理联系人电话")
    options = survey.of("options")[0]
    assert (options.key, options.added, options.removed) == ("preparation_source", ("医院制剂室",), ("企业",))


def test_a_field_the_page_leaves_out_is_missing_unless_it_is_conditional():
    survey = match(SITE, FORM, edit(faithful(), "基本信息", "research_title", drop=True))
    assert [(d.kind, d.key) for d in survey.differences] == [("missing", "research_title")]
    survey = match(SITE, FORM, edit(faithful(), "基本信息", "registration_status", drop=True))
    assert survey.differences == []
    assert [e.key for _, e in survey.unseen] == ["registration_status"]


def test_a_new_column_is_reported_inside_its_group_and_a_renamed_control_by_its_name():
    page = faithful()
    exp = next(t for t in expected(SITE, FORM) if t.key == "basic_info")
    i = [f.key for f in exp.fields].index("funding_sources")
    funds = page[1].controls[i]
    extra = Found(label="资助编号", kind="text", name="funds.grantCode", names=("funds.grantCode",))
    page = edit(page, "基本信息", "funding_sources", columns=funds.columns + (extra,))
    page = edit(page, "基本信息", "public_title", name="publicTitle", names=("publicTitle",))
    survey = match(SITE, FORM, page)
    assert [(d.kind, d.group, d.key) for d in survey.differences] == [
        ("name", None, "public_title"), ("new", "funding_sources", "grant_code")]


def test_a_renamed_tab_keeps_its_place_and_its_controls():
    page = faithful()
    page[8] = FoundTab("附件", True, page[8].controls)
    survey = match(SITE, FORM, page)
    assert [(d.kind, d.old, d.new) for d in survey.differences] == [("tab_label", "相关附件", "附件")]


def test_a_kind_the_catalog_does_not_have_is_reported():
    survey = match(SITE, FORM, edit(faithful(), "基本信息", "research_title", kind="textarea"))
    assert [(d.kind, d.old, d.new) for d in survey.differences] == [("widget", "text", "textarea")]


@pytest.mark.parametrize(("name", "key"), [
    ("ethicsContactPhone", "ethics_contact_phone"), ("eng.trialSite[]", "trial_site_en"),
    ("funds[2].grantCode", "grant_code"), (None, "new_field"), ("researchTitle", "research_title_2"),
])
def test_a_proposed_key_is_snake_case_from_the_control_name_and_unique(name, key):
    assert proposed_key(name, {"research_title"}) == key


def test_the_drafts_load_with_the_projects_loaders_and_carry_the_differences(tmp_path: Path):
    survey = match(SITE, FORM, changed_site())
    site_map, catalog = drafts.write(tmp_path / "draft.yaml", survey, MAP, CATALOGS / "live-2026.yaml")
    assert catalog == tmp_path / "draft.catalog.yaml"
    joined = resolve.load(site_map)
    assert joined.tab("basic_info").field("research_title_short").label == "医学研究简称"
    form = Form.model_validate(yaml.safe_load(catalog.read_text(encoding="utf-8")))
    short = form.find("research_title_short")
    assert (short.label, short.verification) == ("医学研究简称", "surveyed")
    new = form.find("ethics_contact_phone")
    assert (new.label, new.name, new.widget, new.required, new.verification) == (
        "伦理联系人电话", "ethicsContactPhone", "text", True, "surveyed")
    keys = [c.key for c in form.module("basic_info").controls()]
    assert keys[-1] == "ethics_contact_phone"  # shown last on the tab: the last of its fields
    source = form.find("preparation_source")
    assert "医院制剂室" in source.options and "企业" not in source.options
    assert source.verification == "surveyed"
    assert form.find("research_title").verification == FORM.find("research_title").verification  # untouched


class _Target:
    def __init__(self, text: str) -> None:
        self.text = text

    def inner_text(self) -> str:
        return self.text

    def get_attribute(self, name: str) -> None:
        return None


class _Editor:
    def __init__(self) -> None:
        self.clicked: list[str] = []
        self.ctx = self

    def click(self, target: _Target) -> None:
        self.clicked.append(target.text)


@pytest.mark.parametrize("text", ["保存", " 提交 ", "完成", "下一步"])
def test_the_survey_refuses_to_click_a_saving_or_finishing_button(text):
    editor = _Editor()
    with pytest.raises(RefusedClick):
        guarded_click(_Target(text), forbidden(SITE.map), editor)  # type: ignore[arg-type]
    assert editor.clicked == []
    guarded_click(_Target("基本信息"), forbidden(SITE.map), editor)  # type: ignore[arg-type]
    assert editor.clicked == ["基本信息"]


def test_a_field_gone_from_the_site_is_skipped_by_the_map_draft_and_a_new_column_joins_its_group(tmp_path: Path):
    page = faithful()
    funds = page[1].controls[[f.key for f in expected(SITE, FORM)[1].fields].index("funding_sources")]
    extra = Found(label="资助编号", kind="text", name="funds.grantCode", names=("funds.grantCode",))
    page = edit(page, "基本信息", "funding_sources", columns=funds.columns + (extra,))
    page = edit(page, "基本信息", "research_title", drop=True)
    survey = match(SITE, FORM, page)
    site_map, catalog = drafts.write(tmp_path / "d.yaml", survey, MAP, CATALOGS / "live-2026.yaml")
    assert resolve.load(site_map).tab("basic_info").field("research_title") is None
    form = Form.model_validate(yaml.safe_load(catalog.read_text(encoding="utf-8")))
    gone = form.find("research_title")
    assert (gone.verification, gone.note) == ("surveyed", drafts.NOT_SHOWN)
    group = form.find("funding_sources")
    assert group.row_columns()[-1].key == "grant_code" and group.row_columns()[-1].name == "funds.grantCode"
    assert group.verification == FORM.find("funding_sources").verification  # the group itself did not change


def test_without_control_names_a_control_in_the_same_place_and_of_the_same_kind_is_the_field_relabelled():
    page = edit(faithful(), "基本信息", "research_title_short", label="医学研究简称", name=None, names=())
    survey = match(SITE, FORM, page)
    assert [(d.kind, d.key, d.new) for d in survey.differences] == [("label", "research_title_short", "医学研究简称")]
    # a conditional field the page leaves out is not taken for a new control in its place
    page = edit(faithful(), "基本信息", "registration_status", label="新字段", kind="radio", name=None, names=())
    survey = match(SITE, FORM, page)
    assert [(d.kind, d.label) for d in survey.differences] == [("new", "新字段")]
    assert [e.key for _, e in survey.unseen] == ["registration_status"]
