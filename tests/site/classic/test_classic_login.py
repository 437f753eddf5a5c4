"""Login on the live face judged by its outcome: the logged-in layout, or the site's own refusal."""

from __future__ import annotations

import pytest

from autofiler.config import Settings
from autofiler.errors import CredentialError
from autofiler.site.maps import choose, resolve
from autofiler.site.session.classic_session import open_classic
from tests.support import CHROMIUM, DEMO_PI, MockServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live():
    server = MockServer("--face", "live-2026", "--fast")
    yield server
    server.stop()


def settings(live: MockServer, tmp_path) -> Settings:
    return Settings(site=live.url, user=DEMO_PI["phone"], state_dir=tmp_path, browser_path=CHROMIUM)


def test_login_shows_the_logged_in_layout_and_a_second_run_reuses_the_session(live, tmp_path):
    site = resolve.load(choose.shipped("live-2026"))
    with open_classic(settings(live, tmp_path), site, password=DEMO_PI["password"]) as s:
        assert not s.on_login_page()
        assert s.page.locator(site.map.layout.logged_in).count() == 1
    # no password given: the saved session serves (a password given that did not make it must log in afresh)
    with open_classic(settings(live, tmp_path), site) as s:
        assert s.logged_in()


def test_a_refused_password_reports_the_sites_message(live, tmp_path):
    site = resolve.load(choose.shipped("live-2026"))
    with pytest.raises(CredentialError) as e, open_classic(settings(live, tmp_path), site, password="Wrong@2025"):
        pass
    assert e.value.message.startswith("登录失败")
    assert len(e.value.message) > len("登录失败 / login failed: ")  # the site's own reason follows
