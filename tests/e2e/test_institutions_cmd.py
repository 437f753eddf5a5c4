"""`autofiler institutions TEXT [--json]` in a real browser session on the mock's live face: it logs in as any
command does and prints the registered institutions the picker would offer, as the control API lists them."""

from __future__ import annotations

import json
from types import SimpleNamespace
from urllib.parse import quote

import pytest

from autofiler.commands import institutions
from autofiler.errors import error_handler
from mock_site.launcher import DEMO_PI, launch

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live():
    with launch("--fast") as mock:
        yield mock


def run(live, capsys, text: str, **kw) -> tuple[int, str]:
    args = SimpleNamespace(text=text, json=False, site=live.url, user=DEMO_PI["phone"], selectors=None, form=None,
                           state_dir=None, config=None, headed=False, verbose=0, browser_path=None, channel=None,
                           slowmo=None, captcha_cmd=None)
    vars(args).update(kw)
    with error_handler() as code:
        code.append(institutions.run(args))
    out = capsys.readouterr()
    return code[0], out.out + out.err


def test_json_lists_what_the_site_has_registered(live, capsys, pi_password):
    live.control("POST", "institutions", {"name": "测试市中心医院", "province": "河南省", "city": "郑州市"})
    code, out = run(live, capsys, "中心医院", json=True)
    assert code == 0, out
    printed = json.loads(out)
    registered = {r["name"]: r for r in live.control("GET", "institutions?q=" + quote("中心医院"))
                  if r["added_by"] is None}
    assert {"name": "测试市中心医院", "province": "河南省", "city": "郑州市"} in printed
    for row in printed:
        want = registered[row["name"]]
        assert (row["province"], row["city"]) == (want["province"], want["city"])


def test_the_table_and_no_match(live, capsys, pi_password):
    code, out = run(live, capsys, "示例医院")
    assert code == 0, out
    assert "示例医院" in out and "北京市" in out
    code, out = run(live, capsys, "没有这样的机构")
    assert code == 0 and "no registered institution" in out


def test_a_site_that_does_not_answer_is_exit_4(capsys, pi_password):
    from mock_site.launcher import free_port

    args = SimpleNamespace(url=f"http://127.0.0.1:{free_port()}")
    code, out = run(args, capsys, "医院")
    assert code == 4, out
    assert "站点无法访问" in out


def test_the_sop_face_is_searched_with_its_own_site_maps_request(capsys, pi_password):
    with launch("--face", "sop-2020", "--fast") as sop:
        code, out = run(sop, capsys, "示例", json=True, form="sop-2020")
        assert code == 0, out
        listed = {r["name"] for r in sop.control("GET", "institutions?q=" + quote("示例")) if r["added_by"] is None}
        assert {r["name"] for r in json.loads(out)} == listed
