"""Pop-up widgets: select, multiselect, the institution search and its add dialog, date and date range.

The fast path is the keyboard, as a practised user works: open the select, type the option's text, move the
highlight onto the exact match with the arrow keys, Enter. It never waits for a pop-up's opening animation. The
pop-up in <body> is only read (one call) to know how many arrow presses reach the exact match; the value the
select then shows is checked, and a mismatch falls back to waiting for the pop-ups to settle and clicking.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Response, expect

from autofiler.errors import SessionExpired, SiteError
from autofiler.site import ui as U
from autofiler.site.widgets import SHORT_MS, Ctx, fill_text

# In the visible pop-ups, find the one whose filter has been applied and which shows the exact option; count the
# arrow presses from the highlighted option (Element moves over hidden options and wraps around).
NAV_JS = """
async ([s, want, query, timeout]) => {
  const vis = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const norm = (t) => (t || '').replace(/\\s+/g, ' ').trim();
  const find = () => {
    let best = null;
    for (const dd of document.querySelectorAll(s.dropdown)) {
      if (!vis(dd)) continue;
      const all = [...dd.querySelectorAll(s.option)];
      const shown = all.map(vis);
      const items = all.filter((_, i) => shown[i]);
      if (query !== null) {
        const q = query.toLowerCase();
        if (!items.every((li) => norm(li.textContent).toLowerCase().includes(q))) continue;
      }
      const t = all.findIndex((li, i) => shown[i] && norm(li.textContent) === want);
      if (t < 0) continue;
      const h = all.findIndex((li) => li.matches(s.hover));
      const steps = (dir) => {
        if (h === t) return 0;
        let i = h;
        let n = 0;
        for (let k = 0; k < all.length * 2; k++) {
          i += dir;
          if (i >= all.length) i = 0;
          if (i < 0) i = all.length - 1;
          if (shown[i]) { n++; if (i === t) return n; }
        }
        return 1e9;
      };
      const cand = {down: steps(1), up: steps(-1), count: items.length};
      if (!best || cand.count < best.count) best = cand;
    }
    return best;
  };
  const until = performance.now() + timeout;
  for (;;) {
    const found = find();
    if (found || performance.now() > until) return found;
    await new Promise((r) => requestAnimationFrame(r));
  }
}
"""

NO_POPUP_OPEN_JS = """
(sel) => ![...document.querySelectorAll(sel)].some(
  (el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0)
"""


def _selectors(ctx: Ctx) -> dict[str, str]:
    ui = ctx.ui
    return {"dropdown": ui.dropdown, "option": ui.option, "hover": ui.option_hover}


def _navigate(ctx: Ctx, typer: Locator, want: str, query: str | None) -> bool:
    """Highlight the exact option by keyboard and press Enter; False when it never showed."""
    nav = ctx.page.evaluate(NAV_JS, [_selectors(ctx), want, query, SHORT_MS])
    if not nav:
        return False
    key, n = ("ArrowDown", nav["down"]) if nav["down"] <= nav["up"] else ("ArrowUp", nav["up"])
    for _ in range(n):
        ctx.page.keyboard.press(key)  # the filter input has the focus
    ctx.page.keyboard.press("Enter")
    return True


def _settle(ctx: Ctx) -> None:
    """Wait until no pop-up is open (closing ones still move and take clicks meant for others)."""
    ctx.page.wait_for_function(NO_POPUP_OPEN_JS, arg=ctx.ui.dropdown, timeout=SHORT_MS)


def _click_option(ctx: Ctx, opener: Locator, want: str) -> None:
    """The slow, sure path: let pop-ups settle, open, click the exact option with the mouse."""
    ctx.page.keyboard.press("Escape")
    _settle(ctx)
    opener.click()
    ctx.page.locator(ctx.ui.dropdown).filter(visible=True).locator(ctx.ui.option).filter(
        has_text=U.exact(want)).filter(visible=True).first.click()


def _options_text(ctx: Ctx) -> str:
    texts = ctx.page.locator(ctx.ui.dropdown).filter(visible=True).locator(ctx.ui.option).all_inner_texts()
    return "、".join(t.strip() for t in texts[:40])


def fill_select(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    """Open with ArrowDown, type the option, ArrowDown + Enter; when that picked another option (the exact one is
    not the first match, or the site keeps an old highlight), count the arrow presses, then try the mouse."""
    if value is None:
        return  # Element selects here are not clearable; the read-back reports a leftover value
    want = str(value)
    box = scope.locator(ctx.ui.select_input).first
    keys = ctx.page.keyboard
    box.press("ArrowDown")  # opens the list and focuses its filter, as a keyboard user does
    keys.insert_text(want)
    keys.press("ArrowDown")
    keys.press("Enter")
    if box.input_value() == want:
        return
    keys.press("Escape")
    box.click()
    if _type(box, want) and _navigate(ctx, box, want, want):
        try:
            expect(box).to_have_value(want, timeout=SHORT_MS)
            return
        except AssertionError:
            pass
    try:
        _click_option(ctx, box, want)
        expect(box).to_have_value(want, timeout=SHORT_MS)
    except Exception:  # noqa: BLE001 - report what the page offered instead
        raise SiteError(f"选项无法选择 / option {want!r} could not be chosen; offered: {_options_text(ctx)}") from None


def _type(box: Locator, text: str) -> bool:
    try:
        box.fill(text, timeout=SHORT_MS)
        return True
    except PlaywrightError:
        return False


def _tags(ctx: Ctx, scope: Locator) -> list[str]:
    return [t.strip() for t in scope.locator(ctx.ui.select_tags).all_inner_texts()]


def fill_multiselect(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    """Toggle the options that differ; each pick keeps the list open. Checked against the tags afterwards."""
    want = [str(v) for v in value or []]
    have = [str(v) for v in current or []]
    typer = scope.locator(ctx.ui.select_filter).first
    for careful in (False, True):
        toggle = [v for v in want if v not in have] + [v for v in have if v not in want]
        if not toggle:
            return
        typer.press("ArrowDown")
        for text in toggle:
            typer.fill(text)
            if not careful:
                ctx.page.keyboard.press("ArrowDown")
                ctx.page.keyboard.press("Enter")
            elif not _navigate(ctx, typer, text, text):
                typer.press("Escape")
                raise SiteError(f"选项不存在 / option {text!r} is not offered")
        ctx.page.keyboard.press("Escape")  # the list stays open after each pick
        have = _tags(ctx, scope)
    if sorted(have) != sorted(want):
        raise SiteError(f"选项无法选择 / the tags read {'、'.join(have)}, not {'、'.join(want)}")


def fill_date(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    box = scope.locator(ctx.ui.date_input).first
    text = "" if value is None else str(value)
    box.fill(text)  # focusing opens the calendar; typed text and Enter commit and close it
    # fill left the focus in the field; an impossible date would roll over silently: the spec checks dates first
    ctx.page.keyboard.press("Enter")


def fill_daterange(ctx: Ctx, scope: Locator, value: Any, current: Any = None) -> None:
    start, end = scope.locator(ctx.ui.range_input).first, scope.locator(ctx.ui.range_input).nth(1)
    value = value or {}
    a, b = str(value.get("start") or ""), str(value.get("end") or "")
    start.fill(a)
    end.fill(b)
    ctx.page.keyboard.press("Enter")


# institution: a remote search among registered institutions ------------------------------------------------
def _strings(data: Any) -> set[str]:
    if isinstance(data, str):
        return {data.strip()}
    if isinstance(data, dict):
        return set().union(*(_strings(v) for v in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(_strings(v) for v in data)) if data else set()
    return set()


def _is_search(r: Response) -> bool:
    return r.request.method == "GET" and r.request.resource_type in ("xhr", "fetch")


def _search(ctx: Ctx, box: Locator, name: str) -> bool:
    """Type the name, wait for the site's answer; pick the exact match if the answer names it."""
    box.press("ArrowDown")
    with ctx.page.expect_response(_is_search) as info:
        box.fill(name)
    resp = info.value
    if resp.status == 401:
        raise SessionExpired("登录已过期 / the session expired during the institution search")
    resp.finished()
    try:
        mentioned = name in _strings(resp.json())
    except Exception:  # noqa: BLE001 - not JSON: fall back to looking at the list
        mentioned = name in resp.text()
    return mentioned and _navigate(ctx, box, name, None)


def fill_institution(ctx: Ctx, scope: Locator, value: Any, current: Any = None, *,
                     owner: Locator | None = None) -> None:
    if value is None:
        return
    name = str(value["name"] if isinstance(value, dict) else value).strip()
    box = scope.locator(ctx.ui.select_input).first
    if not _search(ctx, box, name):
        box.press("Escape")
        if not isinstance(value, dict) or owner is None:
            raise SiteError(
                f"机构未在系统中注册 / institution {name!r} is not registered on the site",
                hint="write it as {name, province, city, address} so autofiler adds it through the dialog",
            )
        add_institution(ctx, owner, value)
        if not _search(ctx, box, name):
            raise SiteError(f"新增的机构搜索不到 / the added institution {name!r} is not offered by the search")
    expect(box).to_have_value(name, timeout=SHORT_MS)


def add_institution(ctx: Ctx, owner: Locator, inst: dict[str, Any]) -> None:
    """Register an institution through the 添加未在系统注册的医疗卫生机构 dialog."""
    d, ui, page = ctx.map.institution_dialog, ctx.ui, ctx.page
    opener = owner.locator(f"{ui.link}, {ui.button}").filter(has_text=U.exact(d.open)).filter(visible=True)
    opener.first.click()
    dialog = U.visible_dialog(page, ui, d.title)
    dialog.wait_for(state="visible")
    fill_text(ctx, U.form_item(dialog, ui, d.name), inst.get("name"))
    fill_select(ctx, U.form_item(dialog, ui, d.province), inst.get("province"))
    fill_text(ctx, U.form_item(dialog, ui, d.city), inst.get("city"))
    fill_text(ctx, U.form_item(dialog, ui, d.address), inst.get("address"))
    U.mark_toasts(page, ui)
    with page.expect_response(lambda r: r.request.method == "POST") as info:
        U.activate(U.visible_button(dialog, ui, ctx.map.buttons.confirm))
    resp = info.value
    if not resp.ok:
        reason = U.response_message(resp) or f"HTTP {resp.status}"
        raise SiteError(f"机构无法添加 / the site refused to add {inst.get('name')!r}: {reason}")
    U.wait_toast(page, ui, "success", ctx.map.signals.added)
    # No wait for the dialog's fade-out: the search that follows is typed by keyboard into its own box, which
    # the fading mask does not block, and the box's value is checked afterwards.
