"""The login window's guard: a request to another origin started while the password is on the page is stopped,
even when the window closes before Playwright has run the guard's handler for it (the race behind a leak once
seen in CI: the route was removed first, and Playwright then let the paused request go on)."""

from __future__ import annotations

import pytest

from autofiler.site.session.login_form import same_origin_only
from tests.reliability.proxy import Proxy

pytestmark = pytest.mark.e2e

SECRET = "Guarded@2025"


def test_a_request_elsewhere_that_is_still_paused_when_the_window_closes_never_arrives(page, mock):
    with Proxy(upstream=mock.url, cors=True) as other:
        page.goto(mock.url + "/login")
        origin = mock.url.rstrip("/")
        for n in range(20):  # the race is narrow: give it many chances
            with same_origin_only(page, origin), page.expect_request(lambda r: r.url.startswith(other.url)):
                page.evaluate("([u, s]) => { fetch(u, {method: 'POST', body: s}).catch(() => {}) }",
                              [f"{other.url}/api/login?n={n}", SECRET])
            # the window has closed: nothing of it may arrive, even later
        page.evaluate("() => fetch('/api/captcha').catch(() => {})")  # a later round trip through the browser
        page.wait_for_load_state()
        assert [seen.path for seen in other.requests if SECRET.encode() in seen.body] == []
