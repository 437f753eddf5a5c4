"""Login, session expiry, the profile gate and who may touch whose project."""

from __future__ import annotations

import time

import httpx

from tests.mock_site.api_support import client, complete, fill_project, new_project, save
from tests.support import ADMIN, DEMO_PI

EXPIRED = {"message": "登录已过期，请重新登录"}


def test_login_answers_where_to_go(mock):
    with httpx.Client(base_url=mock.url) as c:
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": DEMO_PI["password"]})
        assert r.status_code == 200
        assert r.json()["redirect"] == "/quickstart"
        cookie = r.headers["set-cookie"]
        assert cookie.startswith("mr_session=") and "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    with httpx.Client(base_url=mock.url) as c:
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": DEMO_PI["password"],
                                       "next": "/projects?page=2"})
        assert r.json()["redirect"] == "/projects?page=2"
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": DEMO_PI["password"],
                                       "next": "//evil.example/x"})
        assert r.json()["redirect"] == "/quickstart"


def test_login_by_email_and_wrong_password(mock):
    with httpx.Client(base_url=mock.url) as c:
        r = c.post("/api/login", json={"username": "zhang.demo@example.org", "password": DEMO_PI["password"]})
        assert r.status_code == 200
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": "wrong"})
        assert r.status_code == 400
        assert r.json() == {"message": "账号或密码错误"}


def test_first_login_goes_to_the_profile_form_until_it_is_saved(mock):
    with httpx.Client(base_url=mock.url) as c:
        r = c.post("/api/login", json={"username": "13800000009", "password": "123456"})
        assert r.json()["redirect"] == "/profile/complete"
        assert c.get("/api/me").json()["profile_complete"] is False  # the app opens 完善个人信息 from this
        bad = c.post("/api/profile", json={"name": "刘医生", "email": "not-an-email"})
        assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "email"
        ok = c.post("/api/profile", json={"name": "刘医生", "email": "liu@example.org", "password": "New@2025"})
        assert ok.status_code == 200
    with httpx.Client(base_url=mock.url) as c:
        r = c.post("/api/login", json={"username": "13800000009", "password": "New@2025"})
        assert r.json()["redirect"] == "/quickstart"


def test_admin_lands_on_review(mock):
    with httpx.Client(base_url=mock.url) as c:
        r = c.post("/api/login", json={"username": ADMIN["phone"], "password": ADMIN["password"]})
        assert r.json()["redirect"] == "/admin/review"


def test_no_session_means_401_for_every_xhr(mock):
    with httpx.Client(base_url=mock.url) as c:
        for method, path in (("POST", "/api/projects"), ("GET", "/api/projects"), ("GET", "/api/me"),
                             ("GET", "/api/catalog")):
            r = c.request(method, path)
            assert r.status_code == 401 and r.json() == EXPIRED, path


def test_an_idle_session_expires(mock):
    c = client(mock)
    project_id = new_project(c)
    mock.control("POST", "faults", {"session_ttl_s": 0.01})
    assert mock.control("GET", "faults")["session_ttl_s"] == 0.01
    time.sleep(0.1)  # idle past the lifetime: expiry is about elapsed time, so time must pass
    r = save(c, project_id, "basic_info", complete()["basic_info"])
    assert r.status_code == 401 and r.json() == EXPIRED
    assert c.get(f"/api/projects/{project_id}").status_code == 401  # what the editor reads to show the project
    assert "basic_info" not in mock.projects()[0]["modules"]
    c.close()


def test_activity_keeps_a_session_alive(mock):
    mock.control("POST", "faults", {"session_ttl_s": 5})
    c = client(mock)
    for _ in range(3):
        assert c.get("/api/projects").status_code == 200
    c.close()


def test_logout_ends_the_session(mock):
    c = client(mock)
    assert c.post("/api/logout").status_code == 200
    assert c.post("/api/projects").status_code == 401
    c.close()


def test_another_pi_gets_403_everywhere(mock):
    owner = client(mock)
    project_id = new_project(owner)
    fill_project(owner, project_id, {"basic_info": complete()["basic_info"]})
    mock.control("POST", "users", {"phone": "13900000055", "password": "Other@2025", "name": "赵医生",
                                   "institution": "四川大学华西医院"})
    other = client(mock, "13900000055", "Other@2025")
    base = f"/api/projects/{project_id}"
    assert other.get(base).status_code == 403
    assert save(other, project_id, "basic_info", complete()["basic_info"]).status_code == 403
    assert other.post(base + "/attachments/protocol", files={"file": ("a.pdf", b"%PDF-", "application/pdf")}
                      ).status_code == 403
    assert other.delete(base + "/attachments/protocol/1").status_code == 403
    assert other.get(base + "/attachments/protocol/1").status_code == 403
    assert other.post(base + "/submit").status_code == 403
    assert other.post(f"/api/admin/projects/{project_id}/review", json={"decision": "approve"}).status_code == 403
    owner.close()
    other.close()


def test_the_institution_admin_may_view_but_not_edit(mock):
    owner = client(mock)
    project_id = new_project(owner)
    admin = client(mock, ADMIN["phone"], ADMIN["password"])
    assert admin.get(f"/api/projects/{project_id}").status_code == 200
    assert save(admin, project_id, "basic_info", complete()["basic_info"]).status_code == 403
    owner.close()
    admin.close()


def test_a_participating_unit_sees_the_project_read_only(mock):
    owner = client(mock)
    project_id = new_project(owner)
    fill_project(owner, project_id, {"implementation": complete()["implementation"]}, files=False)
    mock.control("POST", "users", {"phone": "13900000066", "password": "Unit@2025", "name": "李四",
                                   "institution": "北京大学第一医院"})
    unit = client(mock, "13900000066", "Unit@2025")
    assert unit.get(f"/api/projects/{project_id}").status_code == 200
    assert save(unit, project_id, "basic_info", complete()["basic_info"]).status_code == 403
    owner.close()
    unit.close()


def test_a_missing_project_is_404(mock):
    c = client(mock)
    assert c.get("/api/projects/999").status_code == 404
    c.close()
