"""Reconciling ledger rows with the site's lists: each finding, tolerant matching, and no guessing."""

import datetime as dt

import pytest

from autofiler.office.ledger_sheet import LedgerRow
from autofiler.office.matching import fold
from autofiler.office.reconciliation import reconcile
from autofiler.site.lists.progress_page import Project

TODAY = dt.date(2026, 11, 30)


def project(pid, name, status="academic_review", label="学术审查中", filing_no=None):
    return Project(id=pid, project_name=name, status=status, status_label=label, filing_no=filing_no)


def row(n, name, role="牵头", approved=None):
    return LedgerRow(row=n, project_name=name, role=role, ethics_date=approved)


@pytest.mark.parametrize(("a", "b"), [
    ("利妥昔单抗（RTX）治疗研究", "利妥昔单抗(RTX)治疗研究"),
    ("一项 随机 对照研究", "一项随机对照研究"),
    ("ＡＢＣ－１研究【二期】", "abc-1研究(二期)"),
    ("“新”方案研究", "新方案研究"),
])
def test_names_fold_alike(a, b):
    assert fold(a) == fold(b)


def test_each_finding():
    own = [project("1", "研究甲（二期）", "published", "已公开", "MR-11-25-000001"),
           project("2", "研究乙", "draft", "草稿"),
           project("3", "不在台账的研究")]
    subs = [project("9", "他院牵头研究")]
    rows = [row(2, "研究甲(二期)"), row(3, "研究乙", approved=TODAY - dt.timedelta(days=31)),
            row(4, "研究丙", approved=TODAY - dt.timedelta(days=5)), row(5, "研究丁"),
            row(6, "他院牵头研究", "参与"), row(7, "另一家的研究", "参与")]
    result = reconcile(rows, own, subs, today=TODAY, overdue_days=30)
    got = {r.row.row: (r.finding, r.project.id if r.project else None) for r in result.rows}
    assert got == {2: ("filed", "1"), 3: ("overdue", "2"), 4: ("not_filed", None), 5: ("not_filed", None),
                   6: ("subcenter_visible", "9"), 7: ("subcenter_missing", None)}
    assert [p.id for p in result.not_in_ledger] == ["3"]
    doc = result.to_dict()
    assert doc["rows"][0] == {"row": 2, "project_name": "研究甲(二期)", "role": "牵头", "finding": "filed",
                              "site_project_id": "1", "status": "已公开", "filing_no": "MR-11-25-000001"}
    assert result.gaps == 4


def test_two_site_projects_of_one_name_are_ambiguous_and_a_close_name_is_not_taken():
    own = [project("1", "研究甲"), project("2", "研究 甲"),
           project("3", "超说明书使用利妥昔单抗治疗难治性肾病综合征的单中心研究")]
    rows = [row(2, "研究甲"), row(3, "超说明书使用利妥昔单抗治疗难治性肾病综合症的单中心研究")]
    result = reconcile(rows, own, [], today=TODAY)
    first, second = result.rows
    assert first.finding == "ambiguous" and {c.id for c in first.candidates} == {"1", "2"}
    assert second.finding == "near_match" and [c.id for c in second.candidates] == ["3"]
    assert second.project is None
    assert [p.id for p in result.not_in_ledger] == ["3"]  # a near match is not a match


def test_csv_on_stdout_opens_in_excel(tmp_path):
    import io

    from autofiler.office import reconcile_report

    result = reconcile([row(2, "研究甲")], [project("1", "研究甲")], [], today=TODAY)
    out = io.TextIOWrapper(io.BytesIO(), encoding="gbk")
    reconcile_report.emit(result, "csv", None, stdout=out)
    out.flush()
    data = out.buffer.getvalue()
    assert data.startswith(b"\xef\xbb\xbf") and "研究甲".encode() in data
    reconcile_report.emit(result, "xlsx", str(tmp_path / "r.xlsx"))
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "r.xlsx")["核对结果"]
    assert [c.value for c in sheet[2]][:5] == [2, "研究甲", "牵头", "filed", "已备案"]
