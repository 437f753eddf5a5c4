"""--captcha on the live face over HTTP: the login page asks for it and /api/login checks it."""

from __future__ import annotations

import httpx

from tests.support import DEMO_PI, MockServer


def test_login_needs_the_captcha_of_the_session() -> None:
    server = MockServer("--face", "live-2026", "--fast", "--captcha")
    try:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            page = c.get("/login").text
            assert 'name="captcha"' in page and 'class="live-captcha" src="/captcha"' in page
            image = c.get("/captcha")
            assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
            body = {"username": DEMO_PI["phone"], "password": DEMO_PI["password"], "captcha": "????"}
            wrong = c.post("/api/login", json=body)
            assert wrong.status_code == 400 and wrong.json()["message"] == "验证码错误"
            c.get("/captcha")
            answer = httpx.get(f"{server.url}/__mock__/captcha", params={"session": c.cookies["mr_session"]}).text
            right = c.post("/api/login", json={**body, "captcha": answer})
            assert right.status_code == 200, right.text
    finally:
        server.stop()


def test_without_the_flag_there_is_no_captcha() -> None:
    server = MockServer("--face", "live-2026", "--fast")
    try:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            assert 'name="captcha"' not in c.get("/login").text
            r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": DEMO_PI["password"]})
            assert r.status_code == 200
    finally:
        server.stop()
