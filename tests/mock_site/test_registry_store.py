"""The Registry the pages read from, in-process on real SQLite: list filters, subcentres, search, a file DB."""

from __future__ import annotations

import subprocess
import sys

from mock_site.db import Registry
from mock_site.seed import seed_base, seed_projects
from tests.mock_site.api_support import complete


def registry_with_projects() -> tuple[Registry, dict, dict]:
    reg = Registry()
    seed_base(reg)
    pi = reg.user_by_phone("13800000000")
    unit_pi = reg.create_user("13900000066", "Unit@2025", "李四", "北京大学第一医院")
    return reg, pi, unit_pi


def test_list_filters_and_pages():
    reg, pi, _ = registry_with_projects()
    seed_projects(reg, pi["phone"], 23)
    rows, total = reg.list_projects(owner_id=pi["id"], page=3, size=10)
    assert total == 23 and len(rows) == 3
    assert "modules" not in rows[0]
    first, _ = reg.list_projects(owner_id=pi["id"], size=5)
    assert [r["id"] for r in first] == [23, 22, 21, 20, 19]
    published, count = reg.list_projects(owner_id=pi["id"], status="published", size=100)
    assert count == len(published) > 0 and all(r["filing_no"] for r in published)
    named, count = reg.list_projects(owner_id=pi["id"], name="（第5号）")
    assert count == 1 and named[0]["project_name"].endswith("（第5号）")
    of_institution, count = reg.list_projects(institution="示例医院", size=100)
    assert count == len(of_institution) == 23


def test_subcentre_projects_are_those_naming_the_institution():
    reg, pi, unit_pi = registry_with_projects()
    with_unit = reg.create_project(pi["id"])
    without = reg.create_project(pi["id"])
    assert reg.save_module(with_unit["id"], "implementation", complete()["implementation"]) == []
    alone = {"has_participating_units": "无", "funding_source": "自筹"}
    assert reg.save_module(without["id"], "implementation", alone) == []
    rows, total = reg.list_projects(subcenter_of=unit_pi["institution"], exclude_owner=unit_pi["id"])
    assert total == 1 and rows[0]["id"] == with_unit["id"]


def test_search_puts_exact_and_prefix_matches_first():
    reg, pi, _ = registry_with_projects()
    reg.add_institution("北京大学第一医院密云院区", "北京市", "北京市", "", added_by=pi["id"])
    names = [i["name"] for i in reg.search_institutions("北京大学第一医院", pi["id"])]
    assert names == ["北京大学第一医院", "北京大学第一医院密云院区"]
    assert [i["name"] for i in reg.search_institutions("北京大学第一医院", None)] == ["北京大学第一医院"]
    assert len(reg.search_institutions("", None, limit=60)) >= 50


def test_a_file_database_survives_a_restart(tmp_path):
    path = str(tmp_path / "mock.sqlite")
    reg = Registry(path)
    seed_base(reg)
    pi = reg.user_by_phone("13800000000")
    project = reg.create_project(pi["id"])
    reg.conn.close()
    code = ("from mock_site.db import Registry; import sys; r = Registry(sys.argv[1]); "
            "print(r.get_project(int(sys.argv[2]))['owner_phone'], r.is_empty())")
    out = subprocess.run([sys.executable, "-c", code, path, str(project["id"])], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["13800000000", "False"]
