"""A survey of an Element-UI face (the sop-2020 site map): open the named project's editor, walk every tab by
clicking its title, read each pane with one call of element_controls.js; and what that site map expects, joined
with its catalog. Only tab titles are clicked; a click on a saving or finishing button is refused in code."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, expect

from autofiler.forms import Form
from autofiler.site.session.site_session import Site
from autofiler.site.sitemap import SiteMap
from autofiler.site.survey.survey_data import Expected, ExpectedTab, FoundTab, found_tab
from autofiler.site.survey.walk import RefusedClick

JS = Path(__file__).with_name("element_controls.js")
SHOW_MS = 5000


@cache
def controls_js() -> str:
    return JS.read_text(encoding="utf-8")


def forbidden(smap: SiteMap) -> frozenset[str]:
    b = smap.buttons.as_dict()  # a key this map lacks is no button of this site
    return frozenset(str(b[k]) for k in ("save", "submit", "finish", "next") if b.get(k))


def expected(smap: SiteMap, form: Form) -> tuple[ExpectedTab, ...]:
    """The tabs and fields the site map lists (with the catalog's options and conditions), twins after theirs."""
    out = []
    for m in smap.modules:
        fields: list[Expected] = []
        for f in m.fields:
            src = form.find(f.key)
            fields.append(Expected(
                key=f.key, label=f.label, widget=f.widget, options=src.all_options() if src else (),
                dependent=bool(src and (src.widget == "dependent_select" or src.options_by_parent)),
                dictionary=bool(src and src.dictionary), conditional=bool(f.when or (src and src.visible_if)),
                columns=tuple(Expected(c.key, c.label, c.widget) for c in f.columns)))
            if f.en_twin:  # shown only while the project is published on ChiCTR
                twin = src.twin if src else None
                fields.append(Expected(key=twin.key if twin else f"{f.key}_en", label=smap.twin_label(f),
                                       widget="textarea" if f.widget == "textarea" else "text",
                                       conditional=True, twin_of=f.key))
        out.append(ExpectedTab(m.key, m.tab, None, tuple(fields)))
    return tuple(out)


class ElementWalker:
    def __init__(self, site: Site) -> None:
        self.site = site
        self.map: SiteMap = site.map
        self.page = site.page
        self.refused = forbidden(self.map)

    def click(self, target: Locator) -> None:
        text = re.sub(r"\s+", "", target.inner_text() or "")
        if text in self.refused:
            raise RefusedClick(f"调查从不点击“{text}” / the survey never clicks {text!r}")
        target.click()

    def read(self, **args: Any) -> Any:
        return self.page.evaluate(controls_js(), {"ui": self.map.ui.as_dict(), **args})

    def walk(self, project_id: str) -> list[FoundTab]:
        self.site.goto(self.map.project_url.format(id=project_id))
        self.page.locator(self.map.layout["form_ready"]).first.wait_for(state="attached")
        ui = self.map.ui
        active = re.compile(r"(^|\s)" + re.escape(str(ui.tab_active).lstrip(".")) + r"(\s|$)")
        out = []
        for i, title in enumerate(self.read(mode="tabs")):
            head = self.page.locator(ui.tab).nth(i)
            if title["shown"] and not title["active"]:
                self.click(head)
                expect(head).to_have_class(active, timeout=SHOW_MS)
            out.append(found_tab(title["label"], bool(title["shown"]), self.read(mode="pane", index=i)))
        return out
