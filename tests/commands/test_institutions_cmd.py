"""`autofiler institutions`: the search request each site map declares, sent as the picker sends it, against the
real mock (no browser: a plain HTTP session logged in through the mock's own login call), and what it prints."""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import sync_playwright

from autofiler.commands.institutions import show
from autofiler.errors import ConfigError
from autofiler.site.lists import institution_lookup
from autofiler.site.lists.institution_lookup import Institution
from autofiler.site.maps.choose import shipped
from mock_site.launcher import DEMO_PI, launch


@pytest.fixture(scope="module")
def live():
    with launch("--fast") as mock:
        yield mock


@pytest.fixture
def request_ctx(live):
    """An HTTP session of the demo PI: cookies as a browser would hold them after login."""
    with sync_playwright() as pw:
        ctx = pw.request.new_context(base_url=live.url)
        resp = ctx.post("/api/login", data={"username": DEMO_PI["phone"], "password": DEMO_PI["password"]})
        assert resp.ok, resp.text()
        yield ctx
        ctx.dispose()


def test_the_live_map_declares_the_pickers_search():
    how = institution_lookup.declared(shipped("live-2026"))
    assert "{q}" in how.url and how.rows == "data"


def test_a_map_without_a_search_is_a_clear_error(tmp_path: Path):
    bare = tmp_path / "map.yaml"
    bare.write_text("form: live-2026\nfamily: classic\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="institution_search"):
        institution_lookup.declared(bare)


def test_search_answers_what_the_control_api_lists(live, request_ctx):
    live.control("POST", "institutions", {"name": "测试县第三人民医院", "province": "河北省", "city": "保定市"})
    how = institution_lookup.declared(shipped("live-2026"))
    found = institution_lookup.search(request_ctx, live.url, how, "人民医院")
    listed = {r["name"]: r for r in live.control("GET", "institutions?q=" + quote("人民医院")) if r["added_by"] is None}
    assert found, "the mock registers people's hospitals"
    for i in found:
        assert listed[i.name]["province"] == i.province and listed[i.name]["city"] == i.city
    assert Institution("测试县第三人民医院", "河北省", "保定市") in institution_lookup.search(request_ctx, live.url, how,
                                                                                    "测试县第三")
    assert institution_lookup.registered(request_ctx, live.url, how, "测试县第三人民医院")
    assert not institution_lookup.registered(request_ctx, live.url, how, "测试县第三")  # a part is not a match
    assert institution_lookup.search(request_ctx, live.url, how, "并不存在的机构名") == []


def test_an_expired_session_is_said(live):
    from autofiler.errors import SessionExpired

    with sync_playwright() as pw:
        anonymous = pw.request.new_context(base_url=live.url)
        with pytest.raises(SessionExpired):
            institution_lookup.search(anonymous, live.url, institution_lookup.declared(shipped("live-2026")), "医院")
        anonymous.dispose()


def test_json_and_table_output():
    found = [Institution("北京大学第一医院", "北京市", "北京市"), Institution("某县人民医院", "河北省", "保定市")]
    out = io.StringIO()
    show(found, "医院", as_json=True, out=out)
    assert json.loads(out.getvalue()) == [i.as_dict() for i in found]
    out = io.StringIO()
    show(found, "医院", as_json=False, out=out)
    text = out.getvalue()
    assert "北京大学第一医院" in text and "河北省" in text and "保定市" in text and "2 个" in text
    out = io.StringIO()
    show([], "无此", as_json=True, out=out)
    assert json.loads(out.getvalue()) == []
    out = io.StringIO()
    show([], "无此", as_json=False, out=out)
    assert "无此" in out.getvalue() and "no registered institution" in out.getvalue()


def test_the_control_api_lists_added_institutions_apart(live):
    listed = live.control("GET", "institutions")
    assert any(r["name"] == "示例医院" and r["added_by"] is None for r in listed)
    assert all(set(r) == {"name", "province", "city", "address", "added_by"} for r in listed)
