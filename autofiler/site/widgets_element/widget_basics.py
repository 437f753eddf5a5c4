"""What every Element-family widget driver shares (the page and site map it works in, how a value is typed, the
one reader of chosen states) and the simple kinds: text, number and radio. The dispatch over kinds is
widgets.py; the pickers, the institution search, tables and uploads have their own modules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from autofiler.errors import SiteError
from autofiler.site import page_actions
from autofiler.site.sitemap import Section, SiteMap

READER_JS = Path(__file__).with_name("reader.js")
PLAIN_JS = Path(__file__).with_name("plain_fill.js")
SHORT_MS = 3000
PLAIN_KINDS = ("text", "textarea", "number", "radio")


@cache
def reader_js() -> str:
    return READER_JS.read_text(encoding="utf-8")


@cache
def plain_js() -> str:
    return PLAIN_JS.read_text(encoding="utf-8")


@dataclass
class Ctx:
    """What every driver needs: the page and the site map."""

    page: Page
    map: SiteMap

    @property
    def ui(self) -> Section:
        return self.map.ui


def ui_args(site_map: SiteMap) -> dict[str, Any]:
    return site_map.ui.as_dict()


def as_text(value: Any) -> str:
    """The text a value is typed as (YAML gives dates as date objects, whole floats as floats)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read(ctx: Ctx, kind: str, scope: Locator, columns: tuple = ()) -> Any:
    """The value one widget's chosen state shows, in spec form (None when empty)."""
    cols = [{"key": c.key, "label": c.label, "widget": c.widget} for c in columns]
    handle = scope.element_handle()
    return ctx.page.evaluate(reader_js(), {"ui": ui_args(ctx.map), "scope": handle, "kind": kind, "columns": cols})


def fill_plain(ctx: Ctx, scope: Locator, items: list[tuple[str | int, str, Any]]) -> int | None:
    """Fill a run of plain widgets (label, kind, value) of the form items in `scope` in one page call, each
    confirmed by the value the page shows; the index of the first one that did not take (to be driven step by
    step, which names the reason), or None. In a table row (`scope`), a cell's index stands for the label."""
    arg = {"ui": ui_args(ctx.map), "ms": SHORT_MS,
           "items": [{"cell" if isinstance(where, int) else "label": where, "kind": kind, "text": as_text(value)}
                     for where, kind, value in items]}
    left = scope.evaluate(plain_js(), arg)
    return None if left is None else int(left["index"])


def fill_text(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    box = scope.locator(f"{ctx.ui.input}, {ctx.ui.textarea}").first
    text = as_text(value)
    box.fill(text)
    if box.input_value().strip() != text:  # a length limit cuts longer text silently
        shown = box.input_value()
        raise SiteError(f"文字被截断 / the site kept only {len(shown)} of {len(text)} characters",
                        hint="shorten the text in the spec")


# The committed value is the spin button's aria-valuenow ("undefined" while empty); .value may be pending text.
NUMBER_COMMITTED_JS = """
(el, want) => {
  const v = el.getAttribute('aria-valuenow');
  if (want === '') return v === null || v === '' || v === 'undefined' || v === 'null';
  return v !== null && v !== '' && Number(v) === Number(want);
}
"""


def fill_number(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    box = scope.locator(ctx.ui.number_input).first
    text = as_text(value)
    box.fill(text)
    box.press("Enter")  # typed text commits on change only
    if not page_actions.until_on(box, NUMBER_COMMITTED_JS, text, SHORT_MS):
        raise SiteError(f"数字未被接受 / the number {text!r} was not accepted (it shows {box.input_value()!r})")


def fill_radio(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    if value is None:
        return  # a radio group cannot be emptied; the read-back reports it
    ui = ctx.ui
    option = scope.locator(ui.radio).filter(has=ctx.page.locator(ui.radio_text).filter(has_text=page_actions.exact(str(value))))
    try:
        option.first.press("Space", timeout=SHORT_MS)  # a radio takes Space, as from the keyboard
        expect(option.first).to_have_class(page_actions.class_pattern(ui.radio_checked), timeout=SHORT_MS)
    except (PlaywrightError, AssertionError):
        shown = [t.strip() for t in scope.locator(ui.radio_text).all_inner_texts()]
        raise SiteError(f"选项无法选择 / option {value!r} could not be chosen (offered: {', '.join(shown)})") from None
