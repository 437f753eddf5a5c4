"""Choices: a native select under the library's chooser (also dependent, country, province), styled radios,
checkbox pairs and checkbox groups. Each is judged by the native control's state, not by what the chooser shows."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, expect

from autofiler.errors import SiteError
from autofiler.site.maps.resolve import SiteField
from autofiler.site.widgets_classic.context import SHORT_MS, Ctx, exact

OPTIONS_MS = 10_000  # a dependent select's options arrive after its parent's choice


class Select:
    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        ui = ctx.ui
        native = ctx.control(item, field, "select").first
        if value in (None, ""):
            return  # a select cannot be emptied by a person; the read-back reports a difference
        text = str(value)
        if self.read(ctx, item, field) == text:
            return
        option = native.locator("option").filter(has_text=exact(text))
        try:  # the options of the parent's choice: wait until the wanted one is there
            expect(option).to_have_count(1, timeout=OPTIONS_MS)
        except AssertionError:
            offered = [t.strip() for t in native.locator("option").all_inner_texts() if t.strip()]
            raise SiteError(f"{field.label}: 没有选项 {text} / no option {text!r} (offered: {', '.join(offered)})") from None
        chooser = native.locator("xpath=following-sibling::*[1]")
        ctx.click(chooser.locator(ui.select_title))
        expect(chooser).to_have_class(_class(ui.select_open), timeout=SHORT_MS)
        ctx.click(chooser.locator(ui.select_option).filter(has_text=exact(text)).first)
        expect(native.locator("option:checked")).to_have_text(exact(text), timeout=SHORT_MS)

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        native = ctx.control(item, field, "select").first
        if native.count() == 0:
            return None
        got = native.evaluate("(s) => s.selectedIndex >= 0 && s.value !== '' ? "
                              "s.options[s.selectedIndex].text.trim() : null")
        return got or None


def _class(name: str) -> re.Pattern[str]:
    return re.compile(r"(^|\s)" + re.escape(name.lstrip(".")) + r"(\s|$)")


CHECKED_TITLES = "(els) => els.filter((e) => e.checked).map((e) => (e.title || e.value).trim())"


class Checks:
    """Radios, checkbox pairs and checkbox groups: the native inputs, each followed by its styled box."""

    def __init__(self, kind: str, many: bool) -> None:
        self.kind = kind
        self.many = many

    def _inputs(self, ctx: Ctx, item: Locator, field: SiteField) -> Locator:
        return ctx.control(item, field, f"input[type={self.kind}]")

    def _box(self, ctx: Ctx, inp: Locator) -> Locator:
        box = ctx.ui.radio_box if self.kind == "radio" else ctx.ui.checkbox_box
        return inp.locator("xpath=following-sibling::*[1]").and_(inp.page.locator(box))

    def _find(self, ctx: Ctx, item: Locator, field: SiteField, text: str) -> Locator:
        inputs = self._inputs(ctx, item, field)
        for i in range(inputs.count()):
            inp = inputs.nth(i)
            if ((inp.get_attribute("title") or inp.get_attribute("value") or "").strip()) == text:
                return inp
        shown = inputs.evaluate_all("(els) => els.map((e) => e.title || e.value)")
        raise SiteError(f"{field.label}: 没有选项 {text} / no option {text!r} (offered: {', '.join(shown)})")

    def _set(self, ctx: Ctx, inp: Locator, on: bool) -> None:
        if inp.is_checked() == on:
            return
        try:
            ctx.click(self._box(ctx, inp))
            expect(inp).to_be_checked(checked=on, timeout=SHORT_MS)
        except (PlaywrightError, AssertionError):
            raise SiteError(f"选项无法选择 / {inp.get_attribute('title')!r} could not be "
                            f"{'ticked' if on else 'cleared'}") from None

    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        wanted = [str(v) for v in (value if isinstance(value, list) else [value] if value not in (None, "") else [])]
        if self.kind == "radio":
            if wanted:
                self._set(ctx, self._find(ctx, item, field, wanted[0]), True)
            return
        targets = [self._find(ctx, item, field, w) for w in wanted]
        for t in targets:
            self._set(ctx, t, True)
        inputs = self._inputs(ctx, item, field)
        for i in range(inputs.count()):  # after the ticks: a pair may clear its other half by itself
            inp = inputs.nth(i)
            if ((inp.get_attribute("title") or inp.get_attribute("value") or "").strip()) not in wanted:
                self._set(ctx, inp, False)

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        titles = self._inputs(ctx, item, field).evaluate_all(CHECKED_TITLES)
        if self.many:
            return titles or None
        return titles[0] if titles else None
