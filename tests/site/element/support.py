"""Driving the editor of a mock face through the driver's own widget strategies, and reading what the mock stored
through its control API (never through the driver's reader)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Browser, Locator, Page

from autofiler.site import page_actions, sitemap
from autofiler.site.sitemap import Field, Module
from autofiler.site.widgets_element import element_widgets
from autofiler.site.widgets_element.element_family import FAMILY
from mock_site.launcher import DEMO_PI, RunningMock

MAP = sitemap.load()


@dataclass
class Editing:
    page: Page
    mock: RunningMock
    project_id: int

    @property
    def ctx(self) -> element_widgets.Ctx:
        return element_widgets.Ctx(self.page, MAP)

    def module(self, key: str) -> Module:
        return MAP.module(key)

    def item(self, module: str, key: str) -> Locator:
        """The form item of a field (or of an English twin, `<key>_en`) in its module's pane, opened."""
        f = self.field(module, key)
        label = f.label if key == f.key else MAP.twin_label(f)
        self.open(module)
        item = page_actions.form_item(page_actions.active_pane(self.page, MAP.ui), MAP.ui, label).first
        item.wait_for(state="attached")
        return item

    def open(self, module: str) -> None:
        """Make the module's tab active (a click on the active one would be wasted)."""
        tab = self.module(module).tab
        if not page_actions.class_pattern(MAP.ui.tab_active).search(page_actions.tab(self.page, MAP.ui, tab).get_attribute("class") or ""):
            page_actions.open_tab(self.page, MAP.ui, tab)

    def field(self, module: str, key: str) -> Field:
        return self.module(module).field(key.removesuffix("_en"))

    def fill(self, module: str, key: str, value: Any) -> None:
        """Fill one field through the Element family's strategy for its widget kind."""
        f = self.field(module, key)
        FAMILY[f.widget].fill(self.ctx, self.item(module, key), f, value)

    def read(self, module: str, key: str) -> Any:
        """What the Element family's strategy reads from the field's chosen state."""
        f = self.field(module, key)
        return FAMILY[f.widget].read(self.ctx, self.item(module, key), f)

    def fill_module(self, module: str, values: dict[str, Any]) -> None:
        """Every value of a module in site-map order, then the English twins (shown once 是否需在中国临床试验注册中心网站公开
        has its value)."""
        fields = [f for f in self.module(module).fields if not f.readonly]
        for key in [f.key for f in fields] + [f.key + "_en" for f in fields if f.en_twin]:
            if key in values:
                self.fill(module, key, values[key])

    def save(self, module: str) -> None:
        """保存 in the module's pane; the save must be accepted (200 and no field errors)."""
        self.open(module)
        pane = page_actions.active_pane(self.page, MAP.ui)
        with self.page.expect_response(lambda r: r.request.method == "POST" and "/modules/" in r.url) as info:
            page_actions.visible_button(pane, MAP.ui, MAP.buttons.save).click()
        answer = info.value
        body = answer.json()
        assert answer.status == 200 and not body.get("errors"), f"{module} refused: {answer.status} {body}"

    def stored(self, module: str | None = None) -> dict[str, Any]:
        """What the mock stored for this project: one module's values, or the whole project."""
        project = next(p for p in self.mock.projects() if p["id"] == self.project_id)
        return project if module is None else project["modules"].get(module) or {}


@contextmanager
def open_editor(browser: Browser, mock: RunningMock) -> Iterator[Editing]:
    """Log in with the login API's cookie, create a project through the site's API, open its editor and wait for
    the project's data (the tab bar renders only once the app has it)."""
    context = browser.new_context(base_url=mock.url, viewport={"width": 1400, "height": 900})
    try:
        login = context.request.post("/api/login", data={"username": DEMO_PI["phone"],
                                                         "password": DEMO_PI["password"]})
        assert login.ok, login.text()
        created = context.request.post("/api/projects", data={})
        assert created.ok, created.text()
        project_id = int(created.json()["id"])
        page = context.new_page()
        page.goto(f"/projects/{project_id}/edit")
        page.locator(MAP.ui.tab).first.wait_for()
        yield Editing(page, mock, project_id)
    finally:
        context.close()
