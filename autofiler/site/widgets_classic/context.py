"""What every classic strategy works with: the page, the site map's texts and classes, and how a field's
control is found (by its control name when known, else by its label)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import Locator, Page

from autofiler.site.maps.classic_model import Buttons, ClassicUi, SaveAnswer
from autofiler.site.maps.resolve import SiteField

SHORT_MS = 3000
# Widgets whose name is not one control's: a group's rows, a pick's hidden inputs, an upload's result (named
# only once a file is there). Found by their label; a group's item is the outer one.
GROUPS = frozenset({"repeat_group", "table", "modal_pick"})
BY_LABEL = GROUPS | {"pdf", "file", "files"}


# Reveal the element in every scrolling box around it (a dropdown's list, a dialog's body); then, when the page
# scrolls in a box as tall as most of the window (or the window itself), bring it to a third of the band the
# layout's fixed bars leave free (the window without declared bars): clear of a header and a footer, and of a
# message shown in the middle of the window. Answers whether a message pop-up still covers it (a short page
# cannot scroll it clear).
SCROLL_JS = """(e, [bars, message]) => {
  e.scrollIntoView({block: 'nearest', inline: 'nearest'});
  const h = window.innerHeight;
  let top = 0, bottom = h;
  for (const b of bars ? document.querySelectorAll(bars) : []) {
    const r = b.getBoundingClientRect();
    if (!r.height || getComputedStyle(b).position !== 'fixed') continue;
    if (r.top <= 0 && r.bottom < h / 2) top = Math.max(top, r.bottom);
    else if (r.bottom >= h && r.top > h / 2) bottom = Math.min(bottom, r.top);
  }
  let page = null;
  for (let b = e.parentElement; b; b = b.parentElement) {
    const tall = b.clientHeight > h * 0.6;
    if (tall && b.scrollHeight > b.clientHeight && /(auto|scroll)/.test(getComputedStyle(b).overflowY)) page = b;
  }
  const shift = e.getBoundingClientRect().top - (top + (bottom - top) / 3);
  if (page) page.scrollTop += shift; else window.scrollBy(0, shift);
  const r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!(message && hit && !e.contains(hit) && hit.closest(message));
}"""


# A control that Enter activates as a click: a button, or a link with an address.
KEYS_JS = "(e) => !e.disabled && (e.tagName === 'BUTTON' || (e.tagName === 'A' && e.hasAttribute('href')))"

# The same search in the page, in one pass: the shown items under `root` holding the named control (the last, which
# is the innermost) or whose own label reads the text after an optional mark (a group's the first); answers the
# item's position among all items of the page, or -1.
FIND_JS = """(root, a) => {
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  const reads = (t) => {
    t = t.trim();
    return t === a.text || (a.mark !== '' && t.startsWith(a.mark) && t.slice(a.mark.length).trim() === a.text);
  };
  const items = [...root.querySelectorAll(a.item)].filter((it) => a.name ? it.querySelector(a.name)
    : [...it.children].some((c) => c.matches(a.label) && reads(c.textContent)));
  const hits = items.filter(shown);
  const el = a.first ? hits[0] : hits[hits.length - 1];
  return el ? [...document.querySelectorAll(a.item)].indexOf(el) : -1;
}"""


def exact(text: str, mark: str | None = None) -> re.Pattern[str]:
    """The whole trimmed text is `text`, after an optional required mark (`*`)."""
    lead = r"(?:" + re.escape(mark) + r")?\s*" if mark else ""
    return re.compile(r"^\s*" + lead + re.escape(text) + r"\s*$")


def name_selector(name: str) -> str:
    """Controls of this name, also inside a numbered row (`funds.sourceId` matches `funds[2].sourceId`)."""
    sel = f'[name="{name}"]'
    head, _, rest = name.partition(".")
    if rest:
        sel += f', [name^="{head}["][name$="].{rest}"]'
    return sel


@dataclass
class Ctx:
    page: Page
    ui: ClassicUi
    buttons: Buttons
    answer: SaveAnswer = field(default_factory=SaveAnswer)  # how an XHR a widget sends (an upload) answers

    def item(self, scope: Locator | Page, field: SiteField) -> Locator:
        """The form item of a field: the innermost one holding its named control, else the one whose own label
        reads its label. The name wins when both are known.

        Found once in the page (FIND_JS) and given as the n-th item of the page, which later calls reach without
        searching again; a field not shown yet gets the searching locator, which waits for it."""
        ui = self.ui
        by_name = bool(field.name) and field.widget not in BY_LABEL
        args = {"item": ui.form_item, "label": ui.form_item_label, "mark": ui.required_mark or "",
                "name": name_selector(field.name) if by_name and field.name else None,
                "text": field.label, "first": field.widget in GROUPS}
        if isinstance(scope, Page):
            at = scope.evaluate(f"(a) => ({FIND_JS})(document, a)", args)
        else:
            found = scope.evaluate_all(f"(els, a) => els.slice(0, 1).map((e) => ({FIND_JS})(e, a))", args)
            at = found[0] if found else -1
        if at >= 0:
            return self.page.locator(ui.form_item).nth(at)
        return self._searching(scope, field, by_name)

    def _searching(self, scope: Locator | Page, field: SiteField, by_name: bool) -> Locator:
        ui = self.ui
        # two fields may share a name where only one of them is ever shown (是否为…产品 on two routes)
        if by_name and field.name:  # the innermost item holding the control
            return scope.locator(ui.form_item).filter(has=self.page.locator(name_selector(field.name))).filter(
                visible=True).last
        own = f":scope > {ui.form_item_label}"
        items = scope.locator(ui.form_item).filter(
            has=self.page.locator(own).filter(has_text=exact(field.label, ui.required_mark))).filter(visible=True)
        # a group's own item comes before the items of its rows, which may repeat its label
        return items.first if field.widget in GROUPS else items.last

    def control(self, item: Locator, field: SiteField, css: str) -> Locator:
        """The field's own control inside its item: by name when known (an item may hold several), else by kind."""
        if field.name:
            return item.locator(f":is({css}):is({name_selector(field.name)})")
        return item.locator(css)

    def click(self, target: Locator) -> None:
        """Click as a person does, after bringing the control where nothing of the layout covers it (SCROLL_JS).
        A button under a passing message pop-up is pressed from the keyboard, as a person does who does not wait
        for the message to go; any other cover holds the click until it goes."""
        under_message = target.evaluate(SCROLL_JS, [self.ui.fixed_bars, self.ui.message])
        if under_message and target.evaluate(KEYS_JS):
            target.press("Enter")
            return
        target.click()

    def tick(self, box: Locator) -> None:
        """A styled box: sent the library's declared box event, else clicked."""
        if self.ui.events.box:
            box.dispatch_event(self.ui.events.box)
        else:
            self.click(box)

    def button(self, scope: Locator | Page, text: str) -> Locator:
        return scope.locator(self.ui.button).filter(has_text=exact(text)).filter(visible=True).first

    def dialog(self) -> Locator:
        return self.page.locator(self.ui.dialog).filter(visible=True).last

    def dialog_button(self, dialog: Locator, text: str) -> Locator:
        return dialog.locator(self.ui.dialog_button).filter(has_text=exact(text)).first
