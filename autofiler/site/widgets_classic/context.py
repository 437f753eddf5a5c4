"""What every classic strategy works with: the page, the site map's texts and classes, and how a field's
control is found (by its control name when known, else by its label)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page

from autofiler.site.maps.model import Buttons, ClassicUi
from autofiler.site.maps.resolve import SiteField

SHORT_MS = 3000
# Widgets whose name is not one control's: a group's rows, a pick's hidden inputs, an upload's result (named
# only once a file is there). Found by their label; a group's item is the outer one.
GROUPS = frozenset({"repeat_group", "table", "modal_pick"})
BY_LABEL = GROUPS | {"pdf", "file", "files"}


# Reveal the element in every scrolling box around it (a dropdown's list, a dialog's body); then, when the page
# scrolls in a box as tall as most of the window (or the window itself), bring it to a third of the window's
# height: clear of a fixed header and footer and of a message shown in the middle of the window.
SCROLL_JS = """(e) => {
  e.scrollIntoView({block: 'nearest', inline: 'nearest'});
  let page = null;
  for (let b = e.parentElement; b; b = b.parentElement) {
    const tall = b.clientHeight > window.innerHeight * 0.6;
    if (tall && b.scrollHeight > b.clientHeight && /(auto|scroll)/.test(getComputedStyle(b).overflowY)) page = b;
  }
  const shift = e.getBoundingClientRect().top - window.innerHeight / 3;
  if (page) page.scrollTop += shift; else window.scrollBy(0, shift);
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

    def item(self, scope: Locator | Page, field: SiteField) -> Locator:
        """The form item of a field: the innermost one holding its named control, else the one whose own label
        reads its label. The name wins when both are known."""
        ui = self.ui
        # two fields may share a name where only one of them is ever shown (是否为…产品 on two routes)
        if field.name and field.widget not in BY_LABEL:  # the innermost item holding the control
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
        """Click as a person does, after bringing the control where nothing of the layout covers it (SCROLL_JS):
        a covered control holds the click until its cover goes."""
        target.evaluate(SCROLL_JS)
        target.click()

    def button(self, scope: Locator | Page, text: str) -> Locator:
        return scope.locator(self.ui.button).filter(has_text=exact(text)).filter(visible=True).first

    def dialog(self) -> Locator:
        return self.page.locator(self.ui.dialog).filter(visible=True).last

    def dialog_button(self, dialog: Locator, text: str) -> Locator:
        return dialog.locator(self.ui.dialog_button).filter(has_text=exact(text)).first
