"""A logged-in browser session on a classic face. Logged in means the logged-in layout shows (a site-map
selector), whatever the addresses look like; the session's machinery (browser, cookies, trace, evidence,
5xx retry of a navigation, one fresh login on a trip to the login form) is the shared Site's."""

from __future__ import annotations

import base64
import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator

from autofiler import credentials, redact
from autofiler.config import Settings, insecure_warning, origin_of
from autofiler.errors import CredentialError, SessionExpired, SiteError
from autofiler.site.maps.resolve import ClassicSite
from autofiler.site.policies import relogin_once
from autofiler.site.session.login_form import FOREIGN_LOGIN, same_origin_only, solve_captcha
from autofiler.site.session.site_session import (
    Site,
    cookie_file,
    open_session,
    save_cookies,
    save_fingerprint,
)
from autofiler.site.widgets_classic.context import exact

LOGIN_MS = 30_000


class ClassicSession(Site):
    """Site, with login and the login check judged on a classic face's layout."""

    def __init__(self, settings: Settings, site: ClassicSite, context: Any, password: str | None = None) -> None:
        super().__init__(settings, site, context, password)  # type: ignore[arg-type]
        self.classic = site

    @property
    def smap(self) -> Any:
        return self.classic.map

    def on_login_page(self) -> bool:
        lay = self.smap.layout
        return self.page.locator(lay.login_form).count() > 0 and self.page.locator(lay.logged_in).count() == 0

    def layout_shows(self) -> Locator:
        """Either layout: the logged-in one or the login form, whichever the page shows."""
        lay = self.smap.layout
        return self.page.locator(lay.logged_in).or_(self.page.locator(lay.login_form)).first

    def goto(self, path: str) -> Any:
        """Open a page and wait for either layout; the login form means one fresh login and one retry."""

        def once() -> Any:
            resp = self._goto(path)
            self.layout_shows().wait_for(state="attached")
            if self.on_login_page():
                raise SessionExpired(f"登录状态无法保持 / the site keeps sending us to its login page ({path})")
            return resp

        return relogin_once(self, once)

    def logged_in(self) -> bool:
        self._goto(self.smap.routes.home)
        self.layout_shows().wait_for(state="attached")
        return not self.on_login_page()

    def menu(self, key: str) -> None:
        text = getattr(self.smap.menu, key)
        self.page.locator(self.smap.layout.menu_item).filter(has_text=exact(text)).first.click()

    def field(self, spec: str) -> Locator:
        """A login control given as `name:x` or as a label text."""
        if spec.startswith("name:"):
            return self.page.locator(f'[name="{spec[5:]}"]').first
        ui = self.smap.ui
        own = self.page.locator(ui.form_item_label).filter(has_text=exact(spec))
        return self.page.locator(ui.form_item).filter(has=own).locator("input").first

    def login(self) -> None:
        with self.trace.paused():
            secret = self.password()
            try:
                self._login(secret)
            except CredentialError as e:
                if e.message.startswith("登录失败"):
                    raise CredentialError(e.message, hint=credentials.refused_hint(self.password_source)) from None
                raise
            save_cookies(self.context, cookie_file(self.settings))
            save_fingerprint(self.settings, secret)  # the password that made this session, to tell another one

    def _login(self, password: str) -> None:
        user = self.settings.require_user()
        redact.register(password)
        m, page = self.smap, self.page
        self._goto(m.routes.login or m.routes.home)
        if origin_of(page.url) != self.settings.origin:
            raise SiteError(f"登录页面不在所配置的站点上 / the login page is at {origin_of(page.url)}, not "
                            f"{self.settings.origin}: {FOREIGN_LOGIN}")
        self.layout_shows().wait_for(state="attached")
        if not self.on_login_page():
            return  # the session is still valid
        warning = insecure_warning(self.settings.site)
        if warning:
            print(warning, file=sys.stderr)
        captcha = m.login.captcha and self.field(m.login.captcha).count() and self.field(m.login.captcha).is_visible()
        if captcha and not self.settings.captcha_cmd:
            raise CredentialError("登录页面要求验证码 / the login page asks for a captcha",
                                  hint="give --captcha-cmd (a command that reads the image and prints its text)")
        with same_origin_only(page, self.settings.origin):
            self.field(m.login.username).fill(user)
            self.field(m.login.password).fill(password)
            if captcha:
                self.field(m.login.captcha).fill(solve_captcha(self.settings.captcha_cmd or "", self._captcha_png()))
            page.locator(m.ui.button).filter(has_text=exact(m.login.button)).filter(visible=True).first.click()
            refusal = page.locator(m.login.error or m.ui.message).filter(visible=True)
            outcome = page.locator(m.layout.logged_in).or_(refusal.first)
            if m.login.profile_page:
                outcome = outcome.or_(page.get_by_text(m.login.profile_page).filter(visible=True).first)
            try:  # the layout may be a zero-height frame around fixed parts: present is enough
                outcome.first.wait_for(state="attached", timeout=LOGIN_MS)
            except PlaywrightError:
                raise SiteError("登录后既没有进入系统也没有提示 / after 登录 the site showed neither its "
                                "logged-in layout nor a message") from None
        if page.locator(m.layout.logged_in).count():
            return
        if m.login.profile_page and page.get_by_text(m.login.profile_page).count():
            raise CredentialError(f"该账号需要先完善个人信息 / this account must complete its profile "
                                  f"({m.login.profile_page}) first",
                                  hint="log in once in a browser, complete the profile, then run autofiler again")
        reason = re.sub(r"\s+", " ", refusal.first.inner_text()).strip()
        raise CredentialError(f"登录失败 / login failed: {reason}", hint="check the password with `autofiler login`")


    def _captcha_png(self) -> bytes:
        """The captcha image fetched again with the page's cookies: the server keeps the newest answer."""
        sel = self.smap.login.captcha_image
        if not sel:
            raise SiteError("站点地图没有给出验证码图片 / the site map names no captcha image (login.captcha_image)")
        src = self.page.locator(sel).first.get_attribute("src") or ""
        if src.startswith("data:"):
            return base64.b64decode(src.split(",", 1)[1])
        resp = self.page.context.request.get(urljoin(self.page.url, src))
        if not resp.ok:
            raise SiteError(f"验证码图片无法获取 / the captcha image could not be fetched (HTTP {resp.status})")
        return resp.body()


@contextlib.contextmanager
def open_classic(settings: Settings, site: ClassicSite, *, password: str | None = None) -> Iterator[ClassicSession]:
    """A classic-family session on the site, opened the one way every family's is (`open_session`)."""
    with open_session(settings, lambda context: ClassicSession(settings, site, context, password),
                      password=password) as session:
        yield session
