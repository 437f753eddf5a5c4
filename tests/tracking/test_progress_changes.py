import pytest

from autofiler.errors import ConfigError, SpecError
from autofiler.site.lists.progress_page import Project, status_key
from autofiler.spec.title import title_of
from autofiler.store import Store
from autofiler.tracking.changes import detect_changes, record
from autofiler.tracking.progress_check import Request, scope_of, split_targets
from tests.tracking.factory import project, returned

SITE, USER = "http://127.0.0.1:9", "13800000000"
STATES = {"draft": "草稿", "returned": "退回修改", "published": "已公开"}


def snap(*projects: Project) -> dict[str, dict]:
    return {p.id: p.to_dict() for p in projects}


def test_no_change_when_nothing_moved():
    before = [project("1"), project("2", "草稿", "draft")]
    assert detect_changes(snap(*before), [project("1"), project("2", "草稿", "draft")], listed=True) == []


def test_new_project_new_state_filing_number_and_removal_are_changes():
    previous = snap(project("1"), project("2", "机构审核中", "institution_review"), project("3"))
    now = [project("1", "伦理审查中", "ethics_review"),
           project("2", "已公开", "published", filing_no="MR-11-25-000002"),
           project("4", "草稿", "draft")]
    changes = {(c.project_id, c.kind): c for c in detect_changes(previous, now, listed=True)}
    assert set(changes) == {("1", "status"), ("2", "status"), ("2", "filing_no"), ("4", "new"), ("3", "removed")}
    assert (changes[("1", "status")].before, changes[("1", "status")].after) == ("学术审查中", "伦理审查中")
    assert changes[("2", "filing_no")].after == "MR-11-25-000002"
    assert "MR-11-25-000002" in changes[("2", "filing_no")].describe()


def test_named_projects_are_not_removed_when_not_listed():
    assert detect_changes(snap(project("1"), project("2")), [project("1")], listed=False) == []


def test_a_return_carries_its_opinion_and_a_second_opinion_is_a_change():
    previous = snap(project("5"))
    first = detect_changes(previous, [returned("5", "请补充知情同意书")], listed=False)
    assert [(c.kind, c.after, c.opinion) for c in first] == [("status", "退回修改", "请补充知情同意书")]
    assert "请补充知情同意书" in first[0].describe()
    again = detect_changes(snap(returned("5", "请补充知情同意书")), [returned("5", "伦理批件日期有误")], listed=False)
    assert [(c.kind, c.before, c.after) for c in again] == [("opinion", "请补充知情同意书", "伦理批件日期有误")]


def test_an_opinion_never_read_before_is_not_reported_as_new():
    # the last check read the list only; this one opened the 备案进度 page
    previous = snap(project("5", "退回修改", "returned", updated_at="2025-01-03 09:30:00"))
    assert detect_changes(previous, [returned("5", "请补充")], listed=True) == []


def test_unknown_state_label_is_kept_and_compared():
    assert status_key("补充材料中", STATES) == "unknown"
    assert status_key(" 退回修改 ", STATES) == "returned"
    changes = detect_changes(snap(project("1")), [project("1", "补充材料中", "unknown")], listed=True)
    assert [(c.kind, c.after) for c in changes] == [("status", "补充材料中")]


def test_first_check_is_a_baseline_then_changes_are_reported(tmp_path):
    with Store(tmp_path) as store:
        first = record(store, SITE, USER, "all", [project("1")])
        assert first.baseline and first.changes == []
        second = record(store, SITE, USER, "all", [project("1", "伦理审查中", "ethics_review"), project("2")])
        assert not second.baseline
        assert sorted((c.project_id, c.kind) for c in second.changes) == [("1", "status"), ("2", "new")]
        third = record(store, SITE, USER, "all", [project("1", "伦理审查中", "ethics_review"), project("2")])
        assert third.changes == []
        # another scope has its own history
        assert record(store, SITE, USER, "subcenters", [project("9")]).baseline


def test_an_empty_first_check_still_counts_as_the_baseline(tmp_path):
    with Store(tmp_path) as store:
        assert record(store, SITE, USER, "all", []).baseline
        second = record(store, SITE, USER, "all", [project("1")])
        assert [(c.project_id, c.kind) for c in second.changes] == [("1", "new")]


def test_an_opinion_read_once_is_kept_while_the_row_stays_the_same(tmp_path):
    with Store(tmp_path) as store:
        record(store, SITE, USER, "all", [returned("5", "请补充")])
        row = project("5", "退回修改", "returned", updated_at="2025-01-03 09:30:00")
        again = record(store, SITE, USER, "all", [row])
        assert again.projects[0].opinion == "请补充" and again.changes == []
        moved = project("5", "退回修改", "returned", updated_at="2025-02-01 09:00:00")
        assert record(store, SITE, USER, "all", [moved]).projects[0].to_dict().get("opinion") is None


def test_scopes():
    assert scope_of(Request(all=True), []) == "all"
    assert scope_of(Request(subcenters=True), []) == "subcenters"
    assert scope_of(Request(targets=["x"]), ["12", "3", "12"]) == "ids:3,12"


def test_targets_split_into_ids_and_specs(tmp_path):
    spec = tmp_path / "p.yaml"
    spec.write_text("basic_info:\n  project_name: 某研究\n", encoding="utf-8")
    assert split_targets(["12", str(spec)]) == (["12"], [(str(spec), "某研究")])
    with pytest.raises(ConfigError, match="neither a spec file nor a project id"):
        split_targets(["no such/thing"])


def test_a_spec_without_project_name_names_the_field(tmp_path):
    spec = tmp_path / "p.yaml"
    spec.write_text("basic_info:\n  project_type: 非注册临床研究\n", encoding="utf-8")
    with pytest.raises(SpecError, match="basic_info.project_name"):
        title_of(spec)
    with pytest.raises(SpecError, match="cannot read"):
        title_of(tmp_path / "missing.yaml")


def test_request_needs_exactly_one_mode():
    from argparse import Namespace

    with pytest.raises(ConfigError, match="--all"):
        Request.from_args(Namespace(targets=[], all=False, subcenters=False))
    args = Namespace(targets=["1"], all=True, subcenters=False)
    with pytest.raises(ConfigError, match="one of"):
        Request.from_args(args)


def test_the_title_of_a_2026_spec_is_its_research_title(tmp_path):
    spec = tmp_path / "p.yaml"
    spec.write_text("form: live-2026\nbasic_info:\n  research_title: 某项研究\n", encoding="utf-8")
    assert title_of(spec) == "某项研究"
    spec.write_text("form: live-2026\nbasic_info:\n  public_title: 通俗名称\n", encoding="utf-8")
    with pytest.raises(SpecError, match="research_title（医学研究题目）"):
        title_of(spec)
