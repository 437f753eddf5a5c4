"""The image captcha (--captcha): a real PNG, checked at login, renewed after every try, readable by tests."""

from __future__ import annotations

import struct
import zlib

import httpx
import pytest

from tests.support import DEMO_PI, MockServer


@pytest.fixture(scope="module")
def captcha_server():
    server = MockServer("--captcha")
    yield server
    server.stop()


def answer(server, c):
    r = httpx.get(f"{server.url}/__mock__/captcha", params={"session": c.cookies["mr_session"]})
    assert r.status_code == 200
    return r.text


def test_the_image_is_a_png(captcha_server):
    with httpx.Client(base_url=captcha_server.url) as c:
        r = c.get("/captcha")
        assert r.status_code == 200 and r.headers["content-type"] == "image/png"
        data = r.content
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        idat_len = struct.unpack(">I", data[33:37])[0]
        assert data[37:41] == b"IDAT"
        pixels = zlib.decompress(data[41:41 + idat_len])
        assert len(pixels) == height * (1 + width * 3)
        assert len(set(pixels)) > 10  # drawn on, not blank
        assert len(answer(captcha_server, c)) == 4


def test_login_needs_the_right_answer(captcha_server):
    with httpx.Client(base_url=captcha_server.url) as c:
        c.get("/captcha")
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": DEMO_PI["password"]})
        assert r.status_code == 400 and r.json() == {"message": "验证码错误"}
        c.get("/captcha")
        text = answer(captcha_server, c)
        assert httpx.get(f"{captcha_server.url}/__mock__/captcha/last").text == text
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": DEMO_PI["password"],
                                       "captcha": text.lower()})
        assert r.status_code == 200 and r.json()["redirect"] == "/quickstart"


def test_a_wrong_try_renews_the_captcha(captcha_server):
    with httpx.Client(base_url=captcha_server.url) as c:
        c.get("/captcha")
        first = answer(captcha_server, c)
        wrong = "2222" if first != "2222" else "3333"
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": DEMO_PI["password"],
                                       "captcha": wrong})
        assert r.status_code == 400 and r.json() == {"message": "验证码错误"}
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": DEMO_PI["password"],
                                       "captcha": first})
        assert r.status_code == 400  # the old answer is spent


def test_a_wrong_password_with_a_right_captcha(captcha_server):
    with httpx.Client(base_url=captcha_server.url) as c:
        c.get("/captcha")
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": "nope",
                                       "captcha": answer(captcha_server, c)})
        assert r.status_code == 400 and r.json() == {"message": "账号或密码错误"}


def test_without_the_flag_no_captcha_is_asked(mock):
    with httpx.Client(base_url=mock.url) as c:
        r = c.post("/api/login", json={"username": DEMO_PI["phone"], "password": DEMO_PI["password"]})
        assert r.status_code == 200
