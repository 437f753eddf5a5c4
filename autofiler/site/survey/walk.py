"""The browser side of a survey on a classic face: open a new project's editor (or a named draft) without saving,
walk every tab, and read each pane's controls with one call of controls.js. It clicks only the new-project entry
and tab titles; a click on anything whose text is a saving or finishing action is refused in code."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

from playwright.sync_api import Locator, expect

from autofiler.errors import SessionExpired, SiteError
from autofiler.site.flows_classic.classic_editor import ClassicEditor
from autofiler.site.maps.classic_model import ClassicSiteMap
from autofiler.site.maps.resolve import ClassicSite
from autofiler.site.session.classic_session import ClassicSession
from autofiler.site.survey.survey_data import FoundTab, found_tab
from autofiler.site.widgets_classic.context import SHORT_MS, exact

CONTROLS_JS = Path(__file__).with_name("controls.js")


@cache
def controls_js() -> str:
    return CONTROLS_JS.read_text(encoding="utf-8")


class RefusedClick(SiteError):
    """The survey was about to click a button that saves or finishes: it never does."""


def forbidden(m: ClassicSiteMap) -> frozenset[str]:
    """Texts the survey never clicks: 保存, 提交, 完成, and 下一步 (which saves before it moves on)."""
    b = m.buttons
    return frozenset(t for t in (b.save, b.submit, b.finish, b.next) if t)


def guarded_click(target: Locator, refused: frozenset[str], editor: ClassicEditor) -> None:
    text = re.sub(r"\s+", "", target.inner_text() or target.get_attribute("value") or "")
    if text in {re.sub(r"\s+", "", t) for t in refused}:
        raise RefusedClick(f"调查从不点击“{text}” / the survey never clicks {text!r}")
    editor.ctx.click(target)


class Walker:
    def __init__(self, session: ClassicSession, site: ClassicSite) -> None:
        self.session = session
        self.site = site
        self.map = site.map
        self.page = session.page
        self.editor = ClassicEditor(session)
        self.refused = forbidden(self.map)

    def click(self, target: Locator) -> None:
        guarded_click(target, self.refused, self.editor)

    def visit(self, path: str) -> None:
        """Open a page; the login form instead means one fresh login and one retry."""
        for attempt in range(2):
            self.page.goto(self.session.url(path))
            self.session.layout_shows().wait_for(state="attached")
            if not self.session.on_login_page():
                return
            if attempt == 0:
                self.session.login()
        raise SessionExpired(f"登录状态无法保持 / the site keeps sending us to its login page ({path})")

    def open(self, project_id: str | None) -> None:
        """The editor of a new, unsaved project (as a person starts one), or of the project named."""
        if project_id:
            self.visit(self.map.routes.project.format(id=project_id))
            self.editor.wait_ready()
            return
        self.visit(self.map.routes.home)
        entry = self.page.locator("a, button").filter(has_text=exact(self.map.menu.new_project)).filter(
            visible=True)
        if entry.count() == 0:  # not offered yet: 快速开始 opens it
            quick = self.page.locator(self.map.layout.menu_item).filter(has_text=exact(self.map.menu.quick_start))
            self.click(quick.first)
        self.click(entry.first)
        self.page.locator(self.map.ui.tab_title).first.wait_for(state="attached")
        self.editor.wait_ready()

    def read(self, **args: Any) -> Any:
        return self.page.evaluate(controls_js(), {"ui": self.map.ui.model_dump(), **args})

    def show(self, index: int, title: dict[str, Any]) -> bool:
        """Open the index-th tab: by its title when shown, else by its address. False when it cannot be shown."""
        ui = self.map.ui
        head = self.page.locator(ui.tab_title).nth(index)
        active = re.compile(r"(^|\s)" + re.escape(ui.tab_active.lstrip(".")) + r"(\s|$)")
        if title["active"]:
            return True
        if title["shown"]:
            self.click(head)
        else:
            address = next((t.address for t in self.site.tabs if t.label == title["label"]), None)
            if not address:
                return False
            self.page.goto(urldefrag(self.page.url).url + address)  # the address shows a hidden tab's pane
        expect(head).to_have_class(active, timeout=SHORT_MS)
        return True

    def walk(self) -> list[FoundTab]:
        titles = self.read(mode="tabs")
        out = []
        for i, title in enumerate(titles):
            shown = self.show(i, title)
            raw = self.read(mode="pane", index=i)
            out.append(found_tab(title["label"], bool(title["shown"]) and shown, raw))
        return out


def survey_site(session: ClassicSession, site: ClassicSite, project_id: str | None) -> list[FoundTab]:
    walker = Walker(session, site)
    walker.open(project_id)
    return walker.walk()
