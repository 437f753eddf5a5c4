"""Logging in on the site's login page: account and password, an optional image captcha, the profile trap.

Where a page stands is judged by what it shows, never by its address (on hash routes every path is `/`): the
logged-in layout (the site map's `layout.logged_in`), or the login form (the password item), or the page that
asks to complete the profile. A single-page app shows none of them until it has asked who is logged in, so
`settle` waits for the first. The caller keeps this outside any Playwright trace (a trace records the text typed
into fields).
"""

from __future__ import annotations

import base64
import contextlib
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from typing import Literal
from urllib.parse import urljoin

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, Request, Response

from autofiler import credentials, redact
from autofiler.config import Settings, insecure_warning, origin_of
from autofiler.errors import ConfigError, CredentialError, SiteError
from autofiler.site import page_actions
from autofiler.site.sitemap import SiteMap

# A login page away from the configured origin never gets the password (its message says so in these words).
FOREIGN_LOGIN = "refusing to type the password there"
HUMAN_WAIT_MS = 5 * 60 * 1000
CAPTCHA_TRIES = 3


Where = Literal["in", "login", "profile"]


def layout(page: Page, site_map: SiteMap) -> Locator:
    return page.locator(site_map.layout.logged_in).filter(visible=True)


def login_form(page: Page, site_map: SiteMap) -> Locator:
    return page_actions.form_item(page, site_map.ui, site_map.login.password).filter(visible=True)


def profile_page(page: Page, site_map: SiteMap) -> Locator | None:
    marker = site_map.login.profile_page
    return page.get_by_text(marker, exact=True).filter(visible=True) if marker else None


def on_login_page(page: Page, site_map: SiteMap) -> bool:
    """The page shows the login form and not the logged-in layout (checked now, not waited for)."""
    return login_form(page, site_map).count() > 0 and layout(page, site_map).count() == 0


def settle(page: Page, site_map: SiteMap, *, login: bool = True, timeout: float | None = None) -> Where:
    """Wait until the page shows the logged-in layout, the profile page or (with `login`) the login form, and
    say which. A page that shows none of them in time is a SiteError naming its address."""
    shown = layout(page, site_map)
    profile = profile_page(page, site_map)
    if profile is not None:
        shown = shown.or_(profile)
    if login:
        shown = shown.or_(login_form(page, site_map))
    try:
        shown.first.wait_for(state="visible", timeout=timeout)
    except PlaywrightError:
        raise SiteError(f"页面既不是登录页也没有登录后的菜单 / the page shows neither the login form nor the "
                        f"logged-in layout ({page.url})", hint="check layout.logged_in in the site map") from None
    if layout(page, site_map).count():
        return "in"
    if profile is not None and profile.count():
        return "profile"
    return "login"


def captcha_image(page: Page, site_map: SiteMap) -> bytes:
    """The captcha's PNG bytes, fetched with the page's cookies (the server keeps the answer in the session)."""
    sel = site_map.login.captcha_image
    # without its own selector, the image is the one inside the captcha's form item
    img = (page.locator(sel) if sel else page_actions.form_item(page, site_map.ui, site_map.login.captcha).locator("img")).first
    src = img.get_attribute("src") or ""
    if src.startswith("data:"):
        return base64.b64decode(src.split(",", 1)[1])
    resp = page.context.request.get(urljoin(page.url, src))
    if not resp.ok:
        raise SiteError(f"验证码图片无法获取 / the captcha image could not be fetched (HTTP {resp.status})")
    return resp.body()


def solve_captcha(cmd: str, image: bytes) -> str:
    try:
        done = subprocess.run(shlex.split(cmd, posix=os.name != "nt"), input=image, capture_output=True,
                              timeout=120, check=False, env=credentials.scrubbed_env())
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ConfigError(f"验证码命令无法运行 / --captcha-cmd failed: {e}") from None
    answer = done.stdout.decode(errors="replace").strip()
    if done.returncode != 0 or not answer:
        err = done.stderr.decode(errors="replace").strip()[:200]
        raise ConfigError(f"验证码命令没有给出答案 / --captcha-cmd gave no answer (exit {done.returncode}) {err}")
    return answer


def _fill_credentials(page: Page, site_map: SiteMap, user: str, password: str) -> None:
    ui, texts = site_map.ui, site_map.login
    page_actions.form_item(page, ui, texts.username).locator("input").first.fill(user)
    page_actions.form_item(page, ui, texts.password).locator("input").first.fill(password)


def _after_login(page: Page, site_map: SiteMap, where: Where) -> None:
    marker = site_map.login.profile_page
    if where == "profile":
        raise CredentialError(
            f"该账号需要先完善个人信息 / this account must complete its profile ({marker}) first",
            hint="log in once in a browser, complete the profile, then run autofiler again",
        )


@contextlib.contextmanager
def same_origin_only(page: Page, origin: str) -> Iterator[None]:
    """While the password is on the page, every request to another origin is stopped: a script of the page
    (or a redirect) cannot carry it elsewhere.

    Playwright lets a stopped request go on if its route is removed before the handler ran, so the route
    stays until every request to another origin seen meanwhile has ended (aborted ones end at once)."""

    def elsewhere(url: str) -> bool:
        return origin_of(url) != origin

    seen: list[Request] = []

    def note(request: Request) -> None:
        if elsewhere(request.url):
            seen.append(request)

    page.on("request", note)
    page.route(elsewhere, lambda route: route.abort())
    try:
        yield
    finally:
        with contextlib.suppress(PlaywrightError):
            while seen:
                seen.pop().response()  # returns once the request has ended: here, once aborted
        page.remove_listener("request", note)
        with contextlib.suppress(PlaywrightError):
            page.unroute(elsewhere)


def login(page: Page, settings: Settings, site_map: SiteMap, password: str) -> None:
    """Log in from wherever the page is; raises CredentialError or SiteError with the site's own reason."""
    user = settings.require_user()
    redact.register(password)
    ui, texts = site_map.ui, site_map.login
    if page.goto(settings.site + site_map.login_path) is None:
        page.reload()  # only the fragment changed: the app may still show the page it had
    if origin_of(page.url) != settings.origin:
        raise SiteError(
            f"登录页面不在所配置的站点上 / the login page is at {origin_of(page.url)}, not {settings.origin}: "
            f"{FOREIGN_LOGIN}",
            hint="check --site; a redirect to another host or port is never followed with credentials",
        )
    if settle(page, site_map) != "login":
        return  # the site shows the logged-in layout (or the profile page): the session is still valid
    warning = insecure_warning(settings.site)
    if warning:
        print(warning, file=sys.stderr)
    captcha = page_actions.form_item(page, ui, texts.captcha) if texts.captcha else page.locator(":not(*)")
    has_captcha = captcha.count() > 0 and captcha.first.is_visible()
    if has_captcha and not settings.captcha_cmd and not settings.headed:
        raise CredentialError(
            "登录页面要求验证码 / the login page asks for a captcha",
            hint="run with --headed and type it yourself, or give --captcha-cmd",
        )
    with same_origin_only(page, settings.origin):
        if has_captcha and not settings.captcha_cmd:
            _fill_credentials(page, site_map, user, password)
            print("请在浏览器中输入验证码并登录 / type the captcha in the browser window and log in", file=sys.stderr)
            _after_login(page, site_map, settle(page, site_map, login=False, timeout=HUMAN_WAIT_MS))
            return
        for attempt in range(CAPTCHA_TRIES if has_captcha else 1):
            _fill_credentials(page, site_map, user, password)
            if has_captcha:
                answer = solve_captcha(settings.captcha_cmd or "", captcha_image(page, site_map))
                captcha.first.locator("input").first.fill(answer)
            resp = _post_form(page, settings, site_map)
            if resp.ok:
                break
            reason = page_actions.response_message(resp) or page_actions.seen_toast(page, "error") or f"HTTP {resp.status}"
            if has_captcha and attempt + 1 < CAPTCHA_TRIES and texts.captcha in reason:
                continue  # a misread captcha: the page shows a new one
            raise CredentialError(f"登录失败 / login failed: {reason}",
                                  hint="check the password with `autofiler login`")
    try:
        where = settle(page, site_map, login=False)
    except SiteError:
        raise SiteError("站点接受了登录，却仍停在登录页 / the site accepted the login but stays on its login page "
                        "(no session was kept)", hint="check --site (a proxy or a blocked cookie?)") from None
    _after_login(page, site_map, where)


def _post_form(page: Page, settings: Settings, site_map: SiteMap) -> Response:
    """Click 登录 and return the answer to the login request, after checking where that request went."""
    page_actions.mark_toasts(page, site_map.ui)
    with page.expect_request(lambda r: r.method == "POST") as info:
        page_actions.activate(page_actions.visible_button(page, site_map.ui, site_map.login.button))
    request = info.value
    if origin_of(request.url) != settings.origin:
        raise SiteError(
            f"登录表单把密码发往 {origin_of(request.url)} / the login form sends the password to another origin: "
            "the request was stopped", hint="this is not the configured site's own login; check --site")
    resp = request.response()
    if resp is None:
        raise SiteError("登录请求没有得到回答 / the login request got no answer")
    return resp

