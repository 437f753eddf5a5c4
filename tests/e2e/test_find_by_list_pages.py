"""Finding the project a spec files into when the site map knows no list JSON: the rendered list is read page
by page (the genuine Element face changes its page in place), and a draft of the same title is found among many
other projects by a machine that never filed it, so nothing is filed twice."""

from __future__ import annotations

import pytest
import yaml

from tests.site.filing_support import SINGLE, owned, run_cli, site_args
from tests.support import DEMO_PI, ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("pi_password")]


def map_without_list_json(folder) -> str:
    data = yaml.safe_load((ROOT / "selectors" / "registry.yaml").read_text(encoding="utf-8"))
    del data["list_api"]
    path = folder / "registry-pages.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def test_a_draft_among_many_is_found_through_the_list_pages(mock, capsys, tmp_path, drafted_single):
    project_id = drafted_single.restore(mock)  # the site's state only: this machine has no record of it
    mock.control("POST", "seed", {"owner": DEMO_PI["phone"], "projects": 130})
    before = owned(mock)
    assert len(before) == 131
    code, out = run_cli(capsys, "submit", str(SINGLE), "--no-submit", "--selectors", map_without_list_json(tmp_path),
                        *site_args(mock))
    assert code == 0, out
    after = owned(mock)
    assert len(after) == 131, out  # nothing new was created
    [same] = [p for p in after if p["id"] == project_id]
    assert same["status"] == "draft"
