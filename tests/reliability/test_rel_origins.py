"""Credentials go to the configured origin only, and one PI never reads or changes another PI's project.

The other server in these tests records every request it gets; what it must never get is the password.
"""

from __future__ import annotations

import httpx
import pytest

from autofiler.site.filing_display import NOT_ON_SITE
from autofiler.site.session.login_form import FOREIGN_LOGIN
from tests.reliability import secrets_scan as S
from tests.reliability.proxy import Proxy
from trials import harness as H
from trials import specgen

pytestmark = pytest.mark.e2e

OTHER_PI = {"phone": "13822223333", "password": "Other@2025x"}


def password_hits(proxy: Proxy, password: str) -> list[str]:
    return [hit for seen in proxy.requests for hit in S.hits(seen.raw(), password, f"{seen.method} {seen.path}")]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"], ids=["other-port", "other-host"])
def test_a_login_page_that_redirects_elsewhere_gets_no_password(host, mock, tmp_path):
    with Proxy(upstream=mock.url) as other:  # a faithful copy of the site: typing there would log in
        target = f"http://{host}:{other.port}/login"
        with Proxy(upstream=mock.url, redirects={"/login": target}) as site:
            run = H.run_cli(["progress", "--all", "--site", site.url, "--user", H.DEMO_PI["phone"],
                             "--browser-path", H.CHROMIUM], state=tmp_path / "state")
    assert run.code == 1, run.out
    assert FOREIGN_LOGIN in run.out
    assert any(seen.path.startswith("/login") for seen in other.requests)  # the browser did land there
    assert password_hits(other, H.DEMO_PI["password"]) == []
    assert password_hits(site, H.DEMO_PI["password"]) == []
    assert not any(seen.method == "POST" for seen in other.requests)


def test_a_login_form_that_posts_to_another_origin_gets_no_password(mock, tmp_path):
    with Proxy(upstream=mock.url, cors=True) as other:
        swap = ("'/api/login'", f"'{other.url}/api/login'")
        with Proxy(upstream=mock.url, rewrites={"/static/element/pages.js": swap}) as site:
            run = H.run_cli(["progress", "--all", "--site", site.url, "--user", H.DEMO_PI["phone"],
                             "--browser-path", H.CHROMIUM], state=tmp_path / "state", timeout=180)
    assert any(swap[1].strip("'") in seen.body.decode(errors="replace") or seen.path == "/static/element/pages.js"
               for seen in site.requests)  # the rewritten script was served
    assert password_hits(other, H.DEMO_PI["password"]) == [], run.out


def test_a_login_that_does_not_hold_is_a_clear_error_not_a_crash(mock, tmp_path):
    fake = (200, '{"message": "登录成功", "redirect": "/quickstart"}'.encode())
    with Proxy(upstream=mock.url, canned={"/api/login": fake}) as site:
        run = H.run_cli(["progress", "--all", "--site", site.url, "--user", H.DEMO_PI["phone"],
                         "--browser-path", H.CHROMIUM], state=tmp_path / "state", timeout=180)
    assert any(seen.path == "/api/login" for seen in site.requests)
    assert run.code == 1, run.out
    assert not list((tmp_path / "state" / "logs").glob("bug-report-*"))


def login(client: httpx.Client, account: dict[str, str]) -> httpx.Client:
    resp = client.post("/api/login", json={"username": account["phone"], "password": account["password"]})
    assert resp.status_code == 200, resp.text
    return client


def file_by_http(client: httpx.Client, spec) -> int:
    """A complete project of the demo PI, saved and uploaded through the site's own XHR API (no browser)."""
    values = H.spec_values(spec)
    project_id = client.post("/api/projects").json()["id"]
    files = values.pop("attachments")
    for module, fields in values.items():
        resp = client.post(f"/api/projects/{project_id}/modules/{module}", json=fields)
        assert resp.status_code == 200, (module, resp.text)
    for key, paths in files.items():
        for path in paths if isinstance(paths, list) else [paths]:
            with open(path, "rb") as f:
                resp = client.post(f"/api/projects/{project_id}/attachments/{key}",
                                   files={"file": (path.rsplit("/", 1)[-1], f, "application/pdf")})
            assert resp.status_code == 200, resp.text
    return project_id


@pytest.fixture
def two_pis(mock, tmp_path):
    mock.control("POST", "users", {**OTHER_PI, "name": "赵医生", "institution": "示例医院"})
    g = specgen.generate(501, tmp_path / "spec", "o")
    with httpx.Client(base_url=mock.url, timeout=30) as a, httpx.Client(base_url=mock.url, timeout=30) as b:
        first, second = login(a, H.DEMO_PI), login(b, OTHER_PI)
        project_id = file_by_http(first, g.path)
        yield g, project_id, first, second


def test_another_pi_gets_403_for_every_read_and_change(two_pis, mock):
    g, pid, first, second = two_pis
    [before] = H.named(mock, g.name)
    file_id = first.get(f"/api/projects/{pid}").json()["attachments"]["protocol"][0]["id"]
    tries = {
        "read": second.get(f"/api/projects/{pid}"),
        "save": second.post(f"/api/projects/{pid}/modules/basic_info", json={"project_name": "改名"}),
        "upload": second.post(f"/api/projects/{pid}/attachments/protocol",
                              files={"file": ("x.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")}),
        "download": second.get(f"/api/projects/{pid}/attachments/protocol/{file_id}"),
        "delete": second.delete(f"/api/projects/{pid}/attachments/protocol/{file_id}"),
        "submit": second.post(f"/api/projects/{pid}/submit"),
    }
    assert {name: resp.status_code for name, resp in tries.items()} == {name: 403 for name in tries}
    for page in (f"/projects/{pid}/edit", f"/projects/{pid}", f"/projects/{pid}/progress"):
        shell = second.get(page)  # a single-page app's shell: the project comes only from the JSON refused above
        assert shell.status_code == 200 and before["project_name"] not in shell.text, page
    listed = second.get("/api/projects", params={"size": 100}).json()
    assert all(row["id"] != pid for row in listed["rows"]) and listed["total"] == 0
    assert first.get(f"/api/projects/{pid}").status_code == 200  # the owner still can
    assert H.named(mock, g.name) == [before]  # nothing changed, not even its time stamp


def test_another_pis_plan_and_submit_of_the_same_name_never_touch_the_first(two_pis, mock, tmp_path):
    g, pid, _, _ = two_pis
    [before] = H.named(mock, g.name)
    state = tmp_path / "state"
    site = H.site_args(mock, OTHER_PI["phone"])
    plan = H.run_cli(["plan", str(g.path), "--detailed-exitcode", *site], state=state,
                     password=OTHER_PI["password"])
    assert plan.code == 2, plan.out  # not on the site for this PI
    assert NOT_ON_SITE in plan.out
    run = H.run_cli(["submit", str(g.path), "--no-submit", *site], state=state, password=OTHER_PI["password"])
    assert run.code == 0, run.out
    assert "已新建项目" in run.out
    assert H.named(mock, g.name) == [before]  # the first PI's project, untouched
    [mine] = H.named(mock, g.name, OTHER_PI["phone"])
    assert mine["id"] != pid
    assert H.readback_diff(mine, g.path) == []
    assert len(mock.projects()) == 2
