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
from autofiler.site.widgets_classic.reading import collect, control_css

OPTIONS_MS = 10_000  # a dependent select's options arrive after its parent's choice

# The native select's state, and with a declared option event, the choice made through the chooser's own
# option (the library's handler sets the select and tells the page): `done` once the select holds the text.
PICK_JS = """(s, [optionSel, text, event]) => {
  const norm = (t) => (t || '').trim();
  const chosen = () => s.selectedIndex >= 0 && s.value !== '' ? norm(s.options[s.selectedIndex].text) : null;
  if (![...s.options].some((o) => norm(o.text) === text)) {
    return {state: 'missing', offered: [...s.options].map((o) => norm(o.text)).filter(Boolean)};
  }
  if (chosen() === text) return {state: 'done'};
  const chooser = s.nextElementSibling;
  const option = event && chooser ? [...chooser.querySelectorAll(optionSel)].find((d) => norm(d.textContent) === text)
    : null;
  if (!option) return {state: 'pointer'};
  option.dispatchEvent(new MouseEvent(event, {bubbles: true, cancelable: true, view: window}));
  return {state: chosen() === text ? 'done' : 'pointer'};
}"""

# The chooser's list has finished appearing: no animation of it is still running.
SETTLED_JS = "(e) => e.getAnimations({subtree: true}).every((a) => a.playState !== 'running')"


class Select:
    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        native = ctx.control(item, field, "select").first
        if value in (None, ""):
            return  # a select cannot be emptied by a person; the read-back reports a difference
        text = str(value)
        args = [ctx.ui.select_option, text, ctx.ui.events.option]
        got = native.evaluate(PICK_JS, args)
        if got["state"] == "missing":
            try:  # the options of the parent's choice: wait until the wanted one is there
                expect(native.locator("option").filter(has_text=exact(text))).to_have_count(1, timeout=OPTIONS_MS)
            except AssertionError:
                raise SiteError(f"{field.label}: 没有选项 {text} / no option {text!r} "
                                f"(offered: {', '.join(got['offered'])})") from None
            got = native.evaluate(PICK_JS, args)
        if got["state"] == "done":  # the select itself holds the text
            return
        self._pointer(ctx, native, text)
        expect(native.locator("option:checked")).to_have_text(exact(text), timeout=SHORT_MS)

    def _pointer(self, ctx: Ctx, native: Locator, text: str) -> None:
        """As a person: open the chooser, let its list finish appearing, click the option."""
        ui = ctx.ui
        chooser = native.locator("xpath=following-sibling::*[1]")
        ctx.click(chooser.locator(ui.select_title))
        expect(chooser).to_have_class(_class(ui.select_open), timeout=SHORT_MS)
        ctx.page.wait_for_function(SETTLED_JS, arg=chooser.element_handle(), timeout=SHORT_MS)
        ctx.click(chooser.locator(ui.select_option).filter(has_text=exact(text)).first)

    def collect(self, ctx: Ctx, field: SiteField) -> dict[str, str]:
        return {"how": "select", "css": control_css(field, "select")}

    def shape(self, field: SiteField, raw: list[Any]) -> Any:
        return (raw[0] if raw else None) or None

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        return self.shape(field, collect(item, self.collect(ctx, field)))


def _class(name: str) -> re.Pattern[str]:
    return re.compile(r"(^|\s)" + re.escape(name.lstrip(".")) + r"(\s|$)")


# Every input's title and checked state; with a declared box event, first each box whose input is not as
# wanted gets it (ticks first, then clears, since a pair may clear its other half by itself).
TOGGLE_JS = """(els, [boxSel, wanted, event, radio]) => {
  const title = (e) => (e.title || e.value).trim();
  const missing = wanted.filter((w) => !els.some((e) => title(e) === w));
  if (event && !missing.length) {
    const send = (e) => {
      const box = e.nextElementSibling;
      if (box && box.matches(boxSel)) box.dispatchEvent(new MouseEvent(event, {bubbles: true, cancelable: true, view: window}));
    };
    els.filter((e) => wanted.includes(title(e)) && !e.checked).forEach(send);
    if (!radio) els.filter((e) => !wanted.includes(title(e)) && e.checked).forEach(send);
  }
  return {missing, titles: els.map(title), checked: els.map((e) => e.checked)};
}"""


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

    def _set(self, ctx: Ctx, inp: Locator, on: bool) -> None:
        if inp.is_checked() == on:
            return
        try:
            ctx.click(self._box(ctx, inp))
            expect(inp).to_be_checked(checked=on, timeout=SHORT_MS)
        except (PlaywrightError, AssertionError):
            raise SiteError(f"选项无法选择 / {inp.get_attribute('title')!r} could not be "
                            f"{'ticked' if on else 'cleared'}") from None

    def _as_wanted(self, got: dict[str, Any], wanted: list[str]) -> bool:
        on = [t for t, c in zip(got["titles"], got["checked"], strict=True) if c]
        return on == wanted[:1] if self.kind == "radio" else sorted(on) == sorted(wanted)

    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        wanted = [str(v) for v in (value if isinstance(value, list) else [value] if value not in (None, "") else [])]
        if self.kind == "radio":
            wanted = wanted[:1]
            if not wanted:
                return
        box = ctx.ui.radio_box if self.kind == "radio" else ctx.ui.checkbox_box
        inputs = self._inputs(ctx, item, field)
        got = inputs.evaluate_all(TOGGLE_JS, [box, wanted, ctx.ui.events.box, self.kind == "radio"])
        if got["missing"]:
            text = got["missing"][0]
            raise SiteError(f"{field.label}: 没有选项 {text} / no option {text!r} "
                            f"(offered: {', '.join(got['titles'])})")
        if self._as_wanted(got, wanted):
            return
        titles = got["titles"]  # as a person: each box clicked in turn, ticks first
        for i, t in enumerate(titles):
            if t in wanted:
                self._set(ctx, inputs.nth(i), True)
        if self.kind != "radio":
            for i, t in enumerate(titles):
                if t not in wanted:
                    self._set(ctx, inputs.nth(i), False)

    def collect(self, ctx: Ctx, field: SiteField) -> dict[str, str]:
        return {"how": "checked", "css": control_css(field, f"input[type={self.kind}]")}

    def shape(self, field: SiteField, raw: list[Any]) -> Any:
        if self.many:
            return raw or None
        return raw[0] if raw else None

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        return self.shape(field, collect(item, self.collect(ctx, field)))
