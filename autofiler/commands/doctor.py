"""autofiler doctor: is this machine ready, and does the site still look like the site map says?

Checks the browser (path, version), CJK fonts, the keyring, that the site answers, and, when a password is
available, logs in and compares each module's labels and widgets with the site map inside an existing editable
project (it never creates one). Exit 0 when everything is fine, 1 otherwise.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from typing import Any

from autofiler import config, credentials
from autofiler.errors import AutofilerError
from autofiler.site.filing_display import FilingDisplay


class Checks:
    def __init__(self, reporter: FilingDisplay) -> None:
        self.reporter = reporter
        self.failed = 0
        self.warned = 0

    def ok(self, text: str) -> None:
        self.reporter.say(f"✓ {text}", "green")

    def bad(self, text: str, hint: str = "") -> None:
        self.failed += 1
        self.reporter.say(f"✗ {text}" + (f"\n    {hint}" if hint else ""), "red")

    def warn(self, text: str, hint: str = "") -> None:
        self.warned += 1
        self.reporter.say(f"! {text}" + (f"\n    {hint}" if hint else ""), "yellow")

    def note(self, text: str) -> None:
        self.reporter.say(f"· {text}", "yellow")


def check_browser(c: Checks, settings: config.Settings) -> None:
    from playwright.sync_api import sync_playwright

    from autofiler.site.session import browser

    try:
        choice = browser.choose(settings)
        with contextlib.ExitStack() as stack:
            with credentials.env_hidden():  # the driver and its browser never see the password
                pw = stack.enter_context(sync_playwright())
            b = browser.launch(pw, settings)
            version = b.version
            b.close()
        where = choice.executable or choice.channel or "playwright"
        c.ok(f"浏览器 / browser: {where} ({choice.how}), version {version}")
    except AutofilerError as e:
        c.bad(f"浏览器 / browser: {e.message}", e.hint or "")


def check_fonts(c: Checks) -> None:
    if not sys.platform.startswith("linux"):
        c.note("中文字体 / CJK fonts: not checked on this system (Windows and macOS ship them)")
        return
    if not shutil.which("fc-list"):
        c.bad("中文字体 / CJK fonts: fc-list is missing", "install fontconfig and fonts-noto-cjk")
        return
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    families = sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})
    if families:
        c.ok(f"中文字体 / CJK fonts: {', '.join(families[:3])}")
    else:
        c.bad("中文字体 / CJK fonts: none; screenshots show boxes instead of Chinese", "apt install fonts-noto-cjk")


def check_keyring(c: Checks) -> None:
    name = credentials.backend_name()
    if credentials.backend_usable() and credentials.plain_file():
        c.warn(f"钥匙串 / keyring: {credentials.store_description()}", credentials.PLAIN_FILE_ADVICE)
    elif credentials.backend_usable():
        c.ok(f"钥匙串 / keyring: {credentials.store_description()}")
    elif os.environ.get(credentials.ENV_PASSWORD):
        c.note(f"钥匙串 / keyring: {name} cannot keep passwords; AUTOFILER_PASSWORD is used instead")
    else:
        c.bad(f"钥匙串 / keyring: {name} cannot keep passwords",
              "install a keyring backend, or set AUTOFILER_PASSWORD for unattended runs")


def check_site(c: Checks, settings: config.Settings, login_path: str) -> bool:
    url = settings.site + login_path
    try:
        with urllib.request.urlopen(url, timeout=15) as resp:
            c.ok(f"站点 / site: {url} answers HTTP {resp.status}")
            return True
    except urllib.error.HTTPError as e:
        c.bad(f"站点 / site: {url} answers HTTP {e.code}")
    except (urllib.error.URLError, OSError) as e:
        c.bad(f"站点 / site: {url} does not answer ({getattr(e, 'reason', e)})", "check --site and the network")
    return False


def check_forms(c: Checks, settings: config.Settings) -> None:
    """Log in and compare every module's labels and widgets with the site map in an editable project."""
    from autofiler.site.flows_element.element_editor import Editor
    from autofiler.site.lists import element_projects
    from autofiler.site.session.site_session import open_site

    with open_site(settings) as site:
        c.ok(f"登录 / login as {settings.user}")
        rows = element_projects.list_projects(site)
        c.ok(f"项目列表 / project list: {len(rows)} project(s)")
        editable = [r for r in rows if r.state in ("draft", "returned")]
        if not editable:
            c.note("没有可编辑的项目，跳过表单检查 / no draft or returned project: the form check is skipped "
                   "(doctor never creates one)")
            return
        editor = Editor(site, editable[0].id)
        editor.load()
        panes = editor.read(detect=True)
        for module in site.map.modules:
            pane = panes[module.key]
            if not pane.found:
                c.bad(f"{module.tab}: 没有这个标签页 / no such tab")
                continue
            wrong = [f"{f.label} ({pane.widgets.get(f.key)} ≠ {f.widget})" for f in module.fields
                     if f.key in pane.widgets and pane.widgets[f.key] not in _same_kind(f.widget)]
            missing = [f.label for f in module.fields if f.key in pane.absent and not f.when and not f.readonly]
            hidden = [f.label for f in module.fields if f.key in pane.absent and f.when]
            found = sum(1 for f in module.fields if f.key not in pane.absent)
            if wrong or missing:
                c.bad(f"{module.tab}: " + "; ".join(
                    (["控件不符 / widget differs: " + "、".join(wrong)] if wrong else [])
                    + (["找不到 / not found: " + "、".join(missing)] if missing else [])))
            else:
                extra = f"（{len(hidden)} 个条件字段未显示 / conditional fields not shown: " \
                        f"{'、'.join(hidden)}）" if hidden else ""
                c.ok(f"{module.tab}: {found}/{len(module.fields)} 字段与站点地图一致 / fields match {extra}")


def _same_kind(widget: str) -> tuple[str, ...]:
    # A table cell's institution search looks like a select; a files list like a file when empty.
    return {"institution": ("select", "institution"), "files": ("files",), "file": ("file",)}.get(widget, (widget,))


def run(args: Any) -> int:
    from autofiler.site import sitemap

    if getattr(args, "survey", False):
        from autofiler.commands import doctor_survey

        return doctor_survey.run(args)
    c = Checks(FilingDisplay(getattr(args, "verbose", 0)))
    settings = config.resolve(args)
    site_map = sitemap.load(settings.selectors)
    c.ok(f"站点地图 / site map: {site_map.source} ({len(site_map.modules)} modules)")
    check_browser(c, settings)
    check_fonts(c)
    check_keyring(c)
    if check_site(c, settings, site_map.login_path):
        has_password = bool(os.environ.get(credentials.ENV_PASSWORD)) or (
            bool(settings.user) and bool(credentials.from_keyring(settings)))
        if not settings.user or not has_password:
            c.note("没有账号或密码，跳过登录检查 / no user or password: the login and form checks are skipped")
        else:
            try:
                check_forms(c, settings)
            except AutofilerError as e:
                c.bad(e.message, e.hint or "")
    if c.failed:
        c.reporter.say(f"{c.failed} 个问题 / problem(s)", "red")
    elif c.warned:
        c.reporter.say(f"可以使用，{c.warned} 个警告 / usable, {c.warned} warning(s)", "yellow")
    else:
        c.reporter.say("一切正常 / all fine", "green")
    return 0 if not c.failed else 1
