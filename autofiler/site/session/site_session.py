"""A logged-in browser session on the registry: the API every site-facing command builds on.

    from autofiler.site.session.site_session import open_site

    with open_site(settings) as site:        # launches the browser, restores or makes a login
        site.goto("/projects")               # waits for the logged-in layout; re-logs in once if shown login
        site.menu("projects")                # click a left-menu entry by its site-map key
        site.page, site.context, site.map    # Playwright page and context, the SiteMap
        site.url("/x"), site.base_url        # addresses
        site.login()                         # log in again (after SessionExpired, say)
        site.on_login_page()                 # did the site send us to its login page?
        site.screenshot(path)                # password inputs masked; site.trace: chunks kept only with a path

Cookies are kept in `<state>/sessions/<hash>.json` (mode 0600) and checked before use, beside a salted hash of
the password that made them (never the password): a command given another password logs in afresh with it.
Logging in happens with tracing paused, so a trace never holds the password. When a step fails and the site
does not answer at all, the failure becomes SiteUnreachable (its own exit code, no bug report).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol, TypeVar

from playwright.sync_api import BrowserContext, Page, Response, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from autofiler import credentials
from autofiler.config import Settings
from autofiler.errors import ConfigError, CredentialError, SessionExpired, SiteError, SiteUnreachable
from autofiler.site import page_actions, sitemap
from autofiler.site.policies import SiteBusyError, relogin_once, retry_busy
from autofiler.site.session import login_form
from autofiler.site.session.browser import LOCALE, launch
from autofiler.site.session.trace_recorder import Tracer

PASSWORD_INPUTS = "input[type=password]"
NAV_TIMEOUT_MS = 30_000
ACTION_TIMEOUT_MS = 15_000
PROBE_TIMEOUT_S = 10
DOWN_STATUSES = (502, 503, 504)  # a gateway or maintenance page: the site itself is not there


class Site:
    def __init__(self, settings: Settings, site_map: sitemap.SiteMap, context: BrowserContext,
                 password: str | None = None) -> None:
        self.settings = settings
        self.map = site_map
        self.context = context
        self.page: Page = context.pages[0] if context.pages else context.new_page()
        self.base_url = settings.site
        self.trace = Tracer(context)
        self._password = password
        self.password_source = credentials.PROMPT if password is not None else ""

    # addresses -------------------------------------------------------------------------------------------
    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.base_url + "/" + path.lstrip("/")

    def on_login_page(self) -> bool:
        """The page shows the login form, not the logged-in layout (judged now, by what the page shows)."""
        return login_form.on_login_page(self.page, self.map)

    def goto(self, path: str) -> Response | None:
        """Open a page of the site and wait until it shows the logged-in layout; the login form instead means one
        fresh login and one retry. The address is never the judge: on hash routes every path is `/`."""
        def once() -> Response | None:
            resp = self._goto(path)
            if login_form.settle(self.page, self.map) == "login":
                raise SessionExpired(f"登录状态无法保持 / the site keeps sending us to its login page ({path})")
            return resp

        return relogin_once(self, once)

    def _goto(self, path: str) -> Response | None:
        def once() -> Response | None:
            resp = self.page.goto(self.url(path))
            if resp is None:  # only the fragment changed: the app kept its memory, so load it afresh
                resp = self.page.reload()
            if resp is not None and resp.status >= 500:
                raise SiteBusyError(f"站点返回错误 / the site answered HTTP {resp.status} for {path}")
            return resp

        return retry_busy(once, spent=SiteError)

    def menu(self, key: str) -> None:
        """Open a left-menu entry (a key of the site map's `menu`), re-logging in once if needed."""
        text = self.map.menu[key]
        if not text:
            raise ConfigError(f"site map: menu.{key} is missing")

        def once() -> None:
            item = self.page.locator(self.map.ui.menu_item).filter(has_text=page_actions.exact(text)).first
            current = self.map.ui.menu_item_current
            logged_in = login_form.settle(self.page, self.map) == "in"
            if logged_in and current and self.page.locator(current).filter(has_text=page_actions.exact(text)).count():
                return  # already on that page: a single-page app would not navigate again
            if logged_in and item.count():
                # a server-rendered menu loads a page, a single-page app changes its address in place
                with self.page.expect_navigation() as nav:
                    item.click()
                resp = nav.value
                if resp is not None and resp.status >= 500:
                    raise SiteError(f"站点返回错误 / the site answered HTTP {resp.status} for {text}")
                if login_form.settle(self.page, self.map) != "login":
                    return
            raise SessionExpired(f"无法打开菜单 {text} / could not open the menu entry {text}")

        relogin_once(self, once)

    def wait_list(self) -> None:
        """Wait until the page's table is there and no loading overlay shows (a single-page app fetches a
        list's rows after the table renders)."""
        self.page.locator(self.map.ui.table).first.wait_for(state="attached")
        busy = self.map.layout.busy
        if busy:
            self.page.locator(busy).filter(visible=True).first.wait_for(state="hidden")

    # login -----------------------------------------------------------------------------------------------
    def password(self) -> str:
        if self._password is None:
            self._password, self.password_source = credentials.password_and_source(self.settings)
        return self._password

    def login(self) -> None:
        with self.trace.paused():
            secret = self.password()
            try:
                login_form.login(self.page, self.settings, self.map, secret)
            except CredentialError as e:
                if e.message.startswith("登录失败"):  # the site refused the password: say which one it was
                    raise CredentialError(e.message, hint=credentials.refused_hint(self.password_source)) from None
                raise
            save_cookies(self.context, cookie_file(self.settings))
            save_fingerprint(self.settings, secret)

    def logged_in(self) -> bool:
        """Whether the restored cookies still hold a session: the start page shows the logged-in layout."""
        self._goto("/")
        return login_form.settle(self.page, self.map) == "in"

    # evidence --------------------------------------------------------------------------------------------
    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True, mask=[self.page.locator(PASSWORD_INPUTS)])
        return path


def cookie_file(settings: Settings) -> Path:
    who = hashlib.sha256(f"{settings.site}|{settings.user}".encode()).hexdigest()[:16]
    folder = settings.state_dir / "sessions"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder / f"{who}.json"


def save_cookies(context: BrowserContext, path: Path) -> None:
    data = json.dumps(context.storage_state(), ensure_ascii=False)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(data)
    path.chmod(0o600)


def forget_cookies(settings: Settings) -> None:
    cookie_file(settings).unlink(missing_ok=True)
    fingerprint_file(settings).unlink(missing_ok=True)


def fingerprint_file(settings: Settings) -> Path:
    return cookie_file(settings).with_suffix(".password")


def save_fingerprint(settings: Settings, secret: str) -> None:
    """Keep a salted hash of the password that made the saved session beside it."""
    credentials.write_fingerprint(fingerprint_file(settings), secret)


def made_with(settings: Settings, secret: str) -> bool:
    """Whether the saved session was made with this password (False when that is not known)."""
    return credentials.matches_fingerprint(fingerprint_file(settings), secret)


def given_password(password: str | None) -> str | None:
    """The password this command was given (typed, or in the environment), which beats a saved session."""
    return password if password is not None else os.environ.get(credentials.ENV_PASSWORD) or None


def unreachable(url: str, timeout: float = PROBE_TIMEOUT_S) -> str | None:
    """Why the site at `url` does not answer (refused, no such host, timed out, a 502/503/504 page), in words
    for the user; None when it answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout):
            return None
    except urllib.error.HTTPError as e:
        return f"HTTP {e.code}" if e.code in DOWN_STATUSES else None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        if isinstance(reason, ConnectionRefusedError):
            return "连接被拒绝 / connection refused"
        if isinstance(reason, socket.gaierror):
            return "域名无法解析 / the host name does not resolve"
        if isinstance(reason, TimeoutError):
            return "没有响应 / no answer in time"
        if isinstance(reason, ssl.SSLError) or not isinstance(reason, OSError):
            return None  # it answers, but not as expected: not a matter of reaching it
        return f"连接失败 / the connection failed: {type(reason).__name__}"


@contextlib.contextmanager
def down_means_unreachable(settings: Settings) -> Iterator[None]:
    """A failed step on a site that does not answer at all is SiteUnreachable, not a page or driver problem."""
    try:
        yield
    except (PlaywrightError, SiteError) as e:
        reason = unreachable(settings.site + "/")
        if reason:
            raise SiteUnreachable(settings.site, reason) from e
        raise


class Opened(Protocol):
    """What a UI family's session offers `open_session`."""

    trace: Tracer

    def logged_in(self) -> bool: ...
    def login(self) -> None: ...
    def on_login_page(self) -> bool: ...


OpenedT = TypeVar("OpenedT", bound=Opened)


@contextlib.contextmanager
def open_session(settings: Settings, make: Callable[[BrowserContext], OpenedT], *, password: str | None = None,
                 fresh_login: bool = False) -> Iterator[OpenedT]:
    """The one way a session is opened, for every UI family: launch the browser, restore the saved cookies or log
    in, yield the family's session (`make` builds it on the browser context), keep the cookies at the end.
    A password this command was given (typed or in the environment) that did not make the saved session must
    prove itself by a fresh login; `fresh_login` ignores saved cookies anyway."""
    settings.require_user()
    saved = cookie_file(settings)
    given = given_password(password)
    if given is not None and saved.is_file() and not made_with(settings, given):
        fresh_login = True  # the saved session was made with another password: this one must prove itself
    with contextlib.ExitStack() as stack:
        with credentials.env_hidden():  # the driver and the browser it starts never see the password
            pw = stack.enter_context(sync_playwright())
        browser = launch(pw, settings)
        try:
            with down_means_unreachable(settings):
                state = str(saved) if saved.is_file() and not fresh_login else None
                context = browser.new_context(locale=LOCALE, storage_state=state, accept_downloads=False)
                context.set_default_timeout(ACTION_TIMEOUT_MS)
                context.set_default_navigation_timeout(NAV_TIMEOUT_MS)
                session = make(context)
                if state is None or not session.logged_in():
                    if state is None:
                        forget_cookies(settings)  # a refused password leaves no session behind
                    session.login()
                try:
                    yield session
                finally:
                    with contextlib.suppress(Exception):
                        session.trace.close()
                    with contextlib.suppress(Exception):
                        if not session.on_login_page():
                            save_cookies(context, saved)
        finally:
            browser.close()


@contextlib.contextmanager
def open_site(settings: Settings, *, password: str | None = None, fresh_login: bool = False,
              site_map: sitemap.SiteMap | None = None) -> Iterator[Site]:
    """An Element-family session on the site (`open_session`). `password` overrides the keyring (autofiler login
    checks a new one); `fresh_login` ignores saved cookies."""
    chosen = site_map or sitemap.load(settings.selectors)
    with open_session(settings, lambda context: Site(settings, chosen, context, password), password=password,
                      fresh_login=fresh_login) as site:
        yield site
