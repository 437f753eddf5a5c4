"""The Element face over HTTP: the shell on every page path, the genuine library files, and the JSON it adds."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from mock_site.mock_config import parse_args
from tests.support import ADMIN, DEMO_PI, MockServer


@contextmanager
def served(*flags: str) -> Iterator[httpx.Client]:
    server = MockServer("--face", "sop-2020", *flags)
    try:
        with httpx.Client(base_url=server.url, timeout=30, follow_redirects=False) as c:
            yield c
    finally:
        server.stop()


def logged_in(c: httpx.Client, who: dict[str, str] = DEMO_PI) -> httpx.Client:
    r = c.post("/api/login", json={"username": who["phone"], "password": who["password"]})
    assert r.status_code == 200, r.text
    return c


def settings_of(html: str) -> dict:
    m = re.search(r"window\.MR_SETTINGS = (\{.*?\});", html)
    assert m, html
    return json.loads(m.group(1))


def test_flags_set_the_element_face_variants() -> None:
    config = parse_args(["--face", "sop-2020", "--routes", "hash", "--no-submit-confirm",
                         "--institution-button", "table"])
    assert (config.face, config.routes, config.submit_confirm, config.institution_button) == (
        "sop-2020", "hash", False, "table")
    defaults = parse_args([])
    assert (defaults.face, defaults.routes, defaults.submit_confirm, defaults.institution_button) == (
        "live-2026", "history", True, "row")


def test_every_page_path_is_the_shell_with_the_genuine_files() -> None:
    with served("--captcha") as c:
        shell_and_files(c)


def shell_and_files(c: httpx.Client) -> None:
    for path in ("/", "/login", "/projects", "/projects/7/edit", "/admin/review"):
        r = c.get(path)
        assert r.status_code == 200 and '<div id="app"></div>' in r.text, path
    html = c.get("/login").text
    assert settings_of(html) == {"routes": "history", "captcha": True, "fast": False, "submitConfirm": True,
                                 "institutionButton": "row", "uploadLimitMb": 20}
    for src in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert c.get(src).status_code == 200, src
    element = c.get("/static/lib/element-ui/index.js").text
    assert "2.15.14" in element
    assert c.get("/static/lib/vue/vue.min.js").text.startswith("/*!\n * Vue.js v2.7.16")
    assert c.get("/static/lib/element-ui/theme-chalk/fonts/element-icons.woff").status_code == 200


def test_hash_routes_send_page_paths_to_the_fragment() -> None:
    with served("--routes", "hash") as c:
        fragments(c)


def fragments(c: httpx.Client) -> None:
    assert c.get("/").status_code == 200
    r = c.get("/projects?page=2")
    assert r.status_code == 303 and r.headers["location"] == "/#/projects?page=2"
    assert settings_of(c.get("/").text)["routes"] == "hash"


def test_catalog_and_me() -> None:
    with served() as c:
        catalog_json(c)
        c.cookies.clear()
        me_and_accounts(c)


def catalog_json(c: httpx.Client) -> None:
    assert c.get("/api/catalog").status_code == 401
    data = logged_in(c).get("/api/catalog").json()
    assert [m["label"] for m in data["modules"]] == ["基本信息", "实施信息", "研究内容", "研究设计", "招募信息",
                                                      "其他信息", "数据共享", "相关附件"]
    basic = {f["key"]: f for f in data["modules"][0]["fields"]}
    assert basic["project_name"]["max_length"] == 200 and basic["project_name"]["en_twin"] is True
    assert basic["commissioning_unit"]["required"] is False
    assert basic["commissioning_unit"]["required_if"] == {"op": "==", "field": "project_source",
                                                          "values": ["企事业单位委托研究项目"]}
    units = next(f for f in data["modules"][1]["fields"] if f["key"] == "participating_units")
    assert units["columns"][0]["add_unregistered_button"] == "添加未在系统注册的医疗卫生机构"
    assert data["field_module"]["publish_to_chictr"] == "basic_info"
    assert "note" not in basic["project_name"]


def me_and_accounts(c: httpx.Client) -> None:
    assert c.get("/api/me").status_code == 401
    me = logged_in(c).get("/api/me").json()
    assert (me["name"], me["role"], me["profile_complete"]) == ("张医生", "pi", True)
    assert c.get("/api/admin/accounts").status_code == 403
    c.cookies.clear()
    admin = logged_in(c, ADMIN)
    assert admin.get("/api/me").json()["academic_exempt"] is False
    phones = [u["phone"] for u in admin.get("/api/admin/accounts").json()["rows"]]
    assert DEMO_PI["phone"] in phones and ADMIN["phone"] in phones
