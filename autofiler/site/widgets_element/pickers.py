"""Pop-up widgets: select, multiselect, date and date range.

A select counts as filled only by its chosen state: the option's text in the input once the list has closed (the
input is read-only again), or the tags of a multiselect; never the text typed to filter. A pick waits until the
list opened last has settled (the filter applied to the typed text, which a library does a tick after each
keystroke and which resets the highlighted option) and then clicks the option whose text is exactly the wanted
one. A select without a filter is picked from its whole list.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator

from autofiler.errors import SiteError
from autofiler.site import page_actions
from autofiler.site.widgets_element.widget_basics import SHORT_MS, Ctx, as_text

MARK = "data-autofiler-pick"
OLD = "data-autofiler-old"

# Marks the lists shown before a select is opened: they are closing (a fade of about 0.3 s), and one of them may
# hold the same options as the list about to open.
MARK_OLD_JS = """
([s, old]) => {
  const vis = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  document.querySelectorAll('[' + old + ']').forEach((e) => e.removeAttribute(old));
  [...document.querySelectorAll(s.dropdown)].filter(vis).forEach((e) => e.setAttribute(old, '1'));
}
"""

# True once the list just opened has settled: its shown options all contain `query` (the filter has run; null
# for a server's answer) and exactly one of them reads `want` (the option itself or an element inside it, as when
# an option shows a second text beside its label). A list still closing counts only once it is the only one
# shown (the same select opened again). The option found is marked for the click.
SETTLED_JS = """
([s, want, query, mark, old]) => {
  const vis = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const norm = (t) => (t || '').replace(/\\s+/g, ' ').trim();
  const named = (li) => [li, ...li.querySelectorAll('*')].some((e) => norm(e.textContent) === want);
  const open = [...document.querySelectorAll(s.dropdown)].filter(vis);
  const fresh = open.filter((d) => !d.hasAttribute(old));
  const lists = fresh.length ? fresh : open.length === 1 ? open : [];
  const found = [];
  for (const d of lists) {
    const items = [...d.querySelectorAll(s.option)].filter(vis);
    const q = query === null ? null : query.toLowerCase();
    if (q !== null && !items.every((li) => norm(li.textContent).toLowerCase().includes(q))) continue;
    found.push(...items.filter(named));
  }
  if (found.length !== 1) return false;
  document.querySelectorAll('[' + mark + ']').forEach((e) => e.removeAttribute(mark));
  found[0].setAttribute(mark, '1');
  return true;
}
"""

# The list has opened: a filterable single select's input takes text now, or a list not closing is shown.
OPENED_JS = """
([el, s, old]) => !el.readOnly || [...document.querySelectorAll(s.dropdown)].some(
  (d) => getComputedStyle(d).display !== 'none' && d.getClientRects().length > 0 && !d.hasAttribute(old))
"""

# One call per pick. With `key`: its chosen option already `want` ('already'); else the lists shown now are marked
# as closing, the select is focused and sent the ArrowDown that opens it ('unopened' if no list opened within a
# second, or it never offered `want`: the caller then presses the real key and calls again without `key`). Then each frame until the list has
# opened; the wanted text typed into its filter (the browser's editing command, as a keyboard would); each frame
# until the list has settled on the exact option, its click; each frame until the select shows it chosen. The
# stage reached is returned.
CHOOSE_JS = """
async (el, [s, want, mark, old, ms, key]) => {
  const frame = FRAME;
  const end = performance.now() + ms;
  const opened = OPENED;
  const settled = SETTLED;
  const chosen = () => el.readOnly && (el.value || '').replace(/\\s+/g, ' ').trim() === want;
  const until = async (test, by = end) => { for (;;) { if (test()) return true; if (performance.now() > by) return false;
    await frame(); } };
  // opened, or the one list shown is this select's own, closing and opened again
  const shown = () => opened([el, s, old]) || [...document.querySelectorAll(s.dropdown)].filter(
    (d) => getComputedStyle(d).display !== 'none' && d.getClientRects().length > 0).length === 1;
  if (key) {
    if (chosen()) return 'already';
    (MARK_OLD)([s, old]);
    el.focus();
    el.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', code: 'ArrowDown', bubbles: true, cancelable: true}));
    if (!await until(shown, performance.now() + Math.min(ms, 1000))) return 'unopened';
  }
  if (!await until(shown)) return 'closed';
  let query = null;
  if (!el.readOnly) {
    el.focus();
    el.select();
    document.execCommand('insertText', false, want);
    query = want;
  }
  if (!await until(() => settled([s, want, query, mark, old]))) return key ? 'unopened' : 'offered';
  document.querySelector('[' + mark + ']').dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));
  return await until(chosen) ? 'chosen' : 'shown';
}
"""

OFFERED_JS = """
([s]) => {
  const vis = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const open = [...document.querySelectorAll(s.dropdown)].filter(vis);
  return open.flatMap((d) => [...d.querySelectorAll(s.option)].filter(vis))
    .map((li) => (li.textContent || '').replace(/\\s+/g, ' ').trim()).slice(0, 40);
}
"""

# A single select shows its chosen option once its list has closed: the input is read-only again.
CHOSEN_JS = "(el, want) => el.readOnly && (el.value || '').replace(/\\s+/g, ' ').trim() === want"

TAGS_JS = """
(scope, [sel, want, present]) => {
  const tags = [...scope.querySelectorAll(sel)].map((t) => (t.textContent || '').replace(/\\s+/g, ' ').trim());
  return tags.includes(want) === present;
}
"""


CHOOSE_JS = CHOOSE_JS.replace("FRAME", page_actions.FRAME_JS).replace("OPENED", OPENED_JS.strip()).replace(
    "SETTLED", SETTLED_JS.strip()).replace("MARK_OLD", MARK_OLD_JS.strip())


def _selectors(ctx: Ctx) -> dict[str, str]:
    return {"dropdown": ctx.ui.dropdown, "option": ctx.ui.option}


def offered(ctx: Ctx) -> str:
    return "、".join(ctx.page.evaluate(OFFERED_JS, [_selectors(ctx)]))


def open_list(ctx: Ctx, box: Locator) -> None:
    """Open a select's list from the keyboard (ArrowDown focuses it, and focus opens it), after marking the lists
    still closing."""
    ctx.page.evaluate(MARK_OLD_JS, [_selectors(ctx), OLD])
    box.press("ArrowDown")


def _typed(ctx: Ctx, box: Locator, text: str) -> str | None:
    """Type `text` into the open select's filter, if it has one: the query its list must then show."""
    page_actions.until_on(box, f"(el, [s, old]) => ({OPENED_JS.strip()})([el, s, old])", [_selectors(ctx), OLD],
                          SHORT_MS)
    if box.evaluate("(el) => el.readOnly"):
        return None  # no filter: the option is picked from the whole list
    box.fill(text)
    return text


def pick(ctx: Ctx, want: str, query: str | None, timeout: float = SHORT_MS) -> bool:
    """Wait until the list opened last has settled and shows `want`, then click that option; False when it
    never did. The click is the option's own click event: a pop-up still zooming in takes it as well."""
    if not page_actions.until(ctx.page, SETTLED_JS, [_selectors(ctx), want, query, MARK, OLD], timeout):
        return False
    try:
        ctx.page.locator(f"[{MARK}]").first.dispatch_event("click", timeout=SHORT_MS)
    except PlaywrightError:
        return False
    return True


def chosen(box: Locator) -> str | None:
    """The option a single select shows as chosen; None while its list is open (the input then holds typed text)."""
    return box.evaluate("(el) => el.readOnly ? (el.value || '').replace(/\\s+/g, ' ').trim() : null")


def shows(ctx: Ctx, box: Locator, want: str, timeout: float = SHORT_MS) -> bool:
    """Wait until the select's list has closed and its input shows `want`."""
    return bool(page_actions.until_on(box, CHOSEN_JS, want, timeout))


def fill_select(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    """Open the list from the keyboard, type the option's text to filter, click the exact option once the filter
    has run, and check the chosen state: all in one page call, where each step waits for the page's state."""
    if value is None:
        return  # the selects here are not clearable; the read-back reports a leftover value
    want = as_text(value)
    box = scope.locator(ctx.ui.select_input).first
    sel = _selectors(ctx)
    stage = box.evaluate(CHOOSE_JS, [sel, want, MARK, OLD, SHORT_MS, True])
    if stage == "already":
        return
    if stage == "unopened":  # a page that opens its list on a real key only
        box.press("ArrowDown")
        stage = box.evaluate(CHOOSE_JS, [sel, want, MARK, OLD, SHORT_MS, False])
    if stage in ("closed", "offered"):
        shown = offered(ctx)
        box.press("Escape")
        raise SiteError(f"选项无法选择 / option {want!r} could not be chosen; offered: {shown or '—'}")
    if stage != "chosen":
        raise SiteError(f"选项未选中 / the select shows {box.input_value()!r}, not {want!r}")


def tags(ctx: Ctx, scope: Locator) -> list[str]:
    return [" ".join(t.split()) for t in scope.locator(ctx.ui.select_tags).all_inner_texts()]


def fill_multiselect(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    """Toggle the options whose tag is missing or extra, each by a click in the filtered list (the list stays
    open), each confirmed by its tag; Escape closes the list. Done when the tags are exactly the wanted ones."""
    want = [as_text(v) for v in value or []]
    typer = scope.locator(ctx.ui.select_filter).first
    if not typer.count():  # a multiselect without a filter opens from its input
        typer = scope.locator(ctx.ui.select_input).first
    for _ in range(2):
        have = tags(ctx, scope)
        toggle = [v for v in want if v not in have] + [v for v in dict.fromkeys(have) if v not in want]
        if not toggle:
            break
        open_list(ctx, typer)
        for text in toggle:
            if not pick(ctx, text, _typed(ctx, typer, text)):
                shown = offered(ctx)
                typer.press("Escape")
                raise SiteError(f"选项无法选择 / option {text!r} could not be chosen; offered: {shown or '—'}")
            if not page_actions.until_on(scope, TAGS_JS, [ctx.ui.select_tags, text, text in want], SHORT_MS):
                break  # the click did not take: the next round starts from the tags shown
        typer.press("Escape")  # the list stays open after each pick
    have = tags(ctx, scope)
    if sorted(have) != sorted(want):
        raise SiteError(f"选项无法选择 / the tags read {'、'.join(have) or '—'}, not {'、'.join(want)}")


# dates: typed as yyyy-MM-dd, Enter commits, closes the panel and leaves the input ------------------------------
# The inputs (`sel` inside the item) show the wanted texts and none has the focus (the panel has closed).
DATE_SHOWN_JS = "(item, [sel, want]) => { const els = [...item.querySelectorAll(sel)].slice(0, want.length); " \
                "return els.length === want.length && els.every((e, i) => (e.value || '').trim() === want[i]) " \
                "&& !els.includes(document.activeElement); }"


def fill_date(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    box = scope.locator(ctx.ui.date_input).first
    text = as_text(value)
    if not text and not box.input_value():
        return
    # An impossible date would roll over silently: the spec's dates are checked before a browser opens.
    box.fill(text)
    box.press("Enter")
    if not page_actions.until_on(scope, DATE_SHOWN_JS, [ctx.ui.date_input, [text]], SHORT_MS):
        raise SiteError(f"日期未被接受 / the date {text!r} was not accepted (it shows {box.input_value()!r})")


def fill_daterange(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    start, end = scope.locator(ctx.ui.range_input).first, scope.locator(ctx.ui.range_input).nth(1)
    value = value or {}
    a, b = as_text(value.get("start")), as_text(value.get("end"))
    if not a and not b:
        return  # a range is cleared by its clear icon only; the read-back reports a leftover value
    start.fill(a)
    end.fill(b)
    end.press("Enter")
    if not page_actions.until_on(scope, DATE_SHOWN_JS, [ctx.ui.range_input, [a, b]], SHORT_MS):
        raise SiteError(f"日期范围未被接受 / the range {a} – {b} was not accepted "
                        f"(it shows {start.input_value()!r} – {end.input_value()!r})")
