"""The live face's project list (one JSON answer, read to find the project and its state after 提交) answering
busy: asked again up to three times in all, then a clear error that creates nothing, never "no project yet"."""

from __future__ import annotations

import pytest

from autofiler.main import main
from tests.e2e.live_support import live, server, spec_copy  # noqa: F401 - the live face's fixtures
from tests.site.filing_support import site_args

pytestmark = pytest.mark.e2e


def test_a_busy_list_is_asked_again_and_the_filing_goes_on(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("single-center.yaml", tmp_path)
    live.control("POST", "faults", {"fail_next": {"list": 2}})
    code = main(["submit", str(spec), "--yes", *site_args(live)])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    assert live.control("GET", "faults")["injected"]["errors"] == 2
    [stored] = live.projects()
    assert stored["status"] != "draft"


def test_a_list_that_stays_busy_is_an_error_and_nothing_is_created(live, tmp_path, capsys):  # noqa: F811
    spec = spec_copy("single-center.yaml", tmp_path)
    live.control("POST", "faults", {"fail_next": {"list": 3}})
    code = main(["submit", str(spec), "--yes", *site_args(live)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "nothing was created" in err and "500" in err
    assert live.projects() == []
