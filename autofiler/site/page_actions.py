"""Element-UI page primitives shared by the driver: form items by label, buttons by text, tabs, toasts, boxes.

Every class name and text comes from the site map; this module only knows how Element pages behave (pop-ups in
<body>, stacked toasts, fading dialogs, panes that all stay in the DOM).
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, Response, expect

from autofiler.errors import SiteError
from autofiler.site.sitemap import Section

# Marks the toasts that existed before an action, so that only a newer one can count as its answer.
SEEN_ATTR = "data-autofiler-seen"


def until(page: Page, js: str, arg: Any, timeout: float) -> bool:
    """Wait (each animation frame) until `js(arg)` holds in the page; False when it did not within `timeout`."""
    try:
        page.wait_for_function(js, arg=arg, timeout=timeout, polling="raf")
        return True
    except PlaywrightError:
        return False


# The next animation frame, or a timer where frames are paused (a page in the background).
FRAME_JS = "() => new Promise((ok) => { requestAnimationFrame(ok); setTimeout(ok, 50); })"


def until_on(target: Locator, js: str, arg: Any, timeout: float) -> Any:
    """Wait inside the page, in one call, each animation frame, until `js(element, arg)` returns something
    truthy; that value, or None when it did not within `timeout` ms."""
    return target.evaluate(
        f"async (el, [arg, ms]) => {{ const test = {js}; const frame = {FRAME_JS}; const end = performance.now() + ms;"
        " for (;;) { const r = test(el, arg); if (r) return r; if (performance.now() > end) return null;"
        " await frame(); } }", [arg, timeout])


def exact(text: str) -> re.Pattern[str]:
    """A pattern matching an element whose whole (trimmed) text is `text`."""
    return re.compile(r"^\s*" + re.escape(text) + r"\s*$")


def class_pattern(selector: str) -> re.Pattern[str]:
    """A class-attribute pattern for the last class of a selector (label.el-radio.is-checked -> is-checked)."""
    last = selector.split(".")[-1].split("[")[0].split(":")[0]
    return re.compile(r"(^|\s)" + re.escape(last) + r"(\s|$)")


def form_item(scope: Locator | Page, ui: Section, label: str) -> Locator:
    """The form item whose own label reads `label` (not one nested inside it, such as a dialog's)."""
    own = f":scope > {ui.form_item_label}, :scope > * > {ui.form_item_label}"
    page = scope if isinstance(scope, Page) else scope.page
    return scope.locator(ui.form_item).filter(has=page.locator(own).filter(has_text=exact(label)))


def button(scope: Locator | Page, ui: Section, text: str) -> Locator:
    """Buttons whose text is `text`; the icon glyph is CSS, so the text match is exact once trimmed."""
    return scope.locator(ui.button).filter(has_text=exact(text))


def visible_button(scope: Locator | Page, ui: Section, text: str) -> Locator:
    return button(scope, ui, text).filter(visible=True).first


def activate(control: Locator) -> None:
    """Press a button as a keyboard user does (Enter on the focused button): the browser fires a real click,
    with no wait for the mouse to find a still target, and a toast sliding over it cannot take the click."""
    control.press("Enter")


def active_pane(page: Page, ui: Section) -> Locator:
    return page.locator(ui.active_pane).first


def tab(page: Page, ui: Section, label: str) -> Locator:
    return page.locator(ui.tab).filter(has_text=exact(label)).first


# Records every toast added to <body> after the call: a toast lasts about 3 s, and a slow machine may look
# only after it is gone, so the record (not the live DOM) is what a wait checks.
WATCH_JS = """
([sel, ok, bad, attr]) => {
  document.querySelectorAll(sel).forEach((e) => e.setAttribute(attr, '1'));
  window.__autofilerToasts = [];
  if (window.__autofilerObserver) window.__autofilerObserver.disconnect();
  const seen = (n) => n.nodeType === 1 && n.matches(sel) && window.__autofilerToasts.push(
    {success: n.matches(ok), error: n.matches(bad), text: (n.textContent || '').trim()});
  window.__autofilerObserver = new MutationObserver((muts) => muts.forEach((m) => m.addedNodes.forEach(seen)));
  window.__autofilerObserver.observe(document.body, {childList: true});
}
"""


def mark_toasts(page: Page, ui: Section) -> None:
    """Start recording new toasts (and mark the ones shown now as old)."""
    page.evaluate(WATCH_JS, [ui.message, ui.message_success, ui.message_error, SEEN_ATTR])


# The button takes the focus (so that what leaving the last input does happens first), then its own click event:
# no pointer, so a toast sliding over it cannot take the click. With `watch`, toasts are recorded from then on.
CLICK_JS = "(el, watch) => { if (watch) (WATCH)(watch); el.focus(); el.click(); }".replace("WATCH", WATCH_JS.strip())


def click(control: Locator, watch: Section | None = None) -> None:
    """Press a button in one page call; `watch` (the ui section) starts recording toasts first, as mark_toasts."""
    arg = [watch.message, watch.message_success, watch.message_error, SEEN_ATTR] if watch is not None else None
    control.evaluate(CLICK_JS, arg)


def wait_toast(page: Page, ui: Section, kind: str, text: str, timeout: float | None = None) -> None:
    """Wait for a toast of this kind ("success" or "error") holding `text`, shown since mark_toasts."""
    page.wait_for_function(
        "([kind, text]) => (window.__autofilerToasts || []).some((t) => t[kind] && t.text.includes(text))",
        arg=[kind, text], timeout=timeout)


def seen_toast(page: Page, kind: str) -> str | None:
    """The text of the newest toast of this kind recorded since mark_toasts, if any."""
    return page.evaluate(
        "(kind) => { const t = (window.__autofilerToasts || []).filter((x) => x[kind]); "
        "return t.length ? t[t.length - 1].text : null; }", kind)


def new_toast(page: Page, ui: Section, kind: str | None = None, text: str | None = None) -> Locator:
    """Toasts that appeared after the last mark_toasts call; `kind` is message_success or message_error."""
    sel = f"{ui.message}:not([{SEEN_ATTR}])"
    if kind:
        sel += ui[kind]
    loc = page.locator(sel)
    return loc.filter(has_text=text) if text else loc


def toast_text(page: Page, ui: Section, kind: str) -> str | None:
    """The text of the newest fresh toast of this kind, if one is shown."""
    loc = new_toast(page, ui, kind)
    if loc.count() == 0:
        return None
    return loc.last.locator(ui.message_text).inner_text().strip()


# The tab's own click event, then each frame until it is active, or until a message box asks first.
TAB_JS = """
async (el, [active, box, ms]) => {
  const frame = FRAME;
  const end = performance.now() + ms;
  const asked = () => [...document.querySelectorAll(box)].some(
    (b) => getComputedStyle(b).display !== 'none' && b.getClientRects().length > 0);
  el.click();
  for (;;) {
    if (el.matches(active)) return 'active';
    if (asked()) return 'asked';
    if (performance.now() > end) return null;
    await frame();
  }
}
""".replace("FRAME", FRAME_JS)


def open_tab(page: Page, ui: Section, label: str, *, confirm_text: str | None = None) -> None:
    """Open the tab and confirm it became active. First its own click event, waited on in the same call (no
    pointer, so a toast sliding over the tab bar cannot take it); then, if it did not take, real clicks.

    When leaving a tab with unsaved edits opens a message box, `confirm_text` (确定) answers it.
    """
    target = tab(page, ui, label)
    active_cls = class_pattern(ui.tab_active)
    key = ui.as_dict().get("tab_key")
    state = None if key else target.evaluate(TAB_JS, [ui.tab_active, ui.message_box, 2000])
    if state == "active":
        return
    if state == "asked" and confirm_text:
        visible_button(page.locator(ui.message_box).filter(visible=True).first, ui, confirm_text).click()
        try:
            expect(target).to_have_class(active_cls, timeout=2000)
            return
        except AssertionError:
            pass  # a click the box did not take: the clicks below
    for attempt in range(3):
        if key and attempt == 0:
            target.press(str(key))
            # Some tab bars only move the focus on that key: then click at once rather than wait for it.
            asked = page.locator(ui.message_box).filter(visible=True).count() > 0
            if not asked and not active_cls.search(target.get_attribute("class") or ""):
                target.click()
        else:
            target.click()
        if confirm_text:
            box = page.locator(ui.message_box).filter(visible=True)
            if box.count():
                visible_button(box.first, ui, confirm_text).click()
        try:
            expect(target).to_have_class(active_cls, timeout=2000)
            return
        except AssertionError:
            pass  # the click was swallowed: click again
    raise SiteError(f"标签页无法打开 / the tab {label} did not become active")


def visible_dialog(page: Page, ui: Section, title: str) -> Locator:
    return page.locator(ui.dialog).filter(has_text=title).filter(visible=True).first


def response_message(resp: Response) -> str | None:
    """The `message` of a JSON answer, if it has one."""
    try:
        data = resp.json()
    except Exception:  # noqa: BLE001 - not JSON
        return None
    return str(data["message"]) if isinstance(data, dict) and data.get("message") else None
