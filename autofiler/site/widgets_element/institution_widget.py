"""The institution widget: a remote search among registered institutions, and the dialog that adds one.

The search answers only after the library's debounce and the server's reply; the pick waits for that reply, then
for the list to show the exact name, and clicks it. An unregistered institution is added through the
添加未在系统注册的医疗卫生机构 dialog, opened by the button of the row being filled when each row has one (the site
then puts the new institution into that row itself), else by the table's one button, after which the driver
picks the new institution in the row's own search. Everything is done within the row.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Response

from autofiler.errors import SessionExpired, SiteError
from autofiler.site import page_actions
from autofiler.site.widgets_element import pickers
from autofiler.site.widgets_element.widget_basics import SHORT_MS, Ctx, as_text, fill_text


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


def search(ctx: Ctx, box: Locator, name: str) -> bool:
    """Type the name, wait for the site's answer and pick the exact match; False (list closed) when the answer
    does not name it."""
    pickers.open_list(ctx, box)  # nothing is listed before typing
    with ctx.page.expect_response(_is_search) as info:
        box.fill(name)
    resp = info.value
    if resp.status == 401:
        raise SessionExpired("登录已过期 / the session expired during the institution search")
    try:
        mentioned = name in _strings(resp.json())
    except Exception:  # noqa: BLE001 - not JSON: look at the list instead
        mentioned = name in resp.text()
    if not mentioned:
        box.press("Escape")
        return False
    # Registered: a failed pick is an error, never a reason to add the institution a second time.
    if not pickers.pick(ctx, name, None):
        shown = pickers.offered(ctx)
        box.press("Escape")
        raise SiteError(f"机构无法选择 / {name!r} could not be picked from the search; offered: {shown or '—'}")
    if not pickers.shows(ctx, box, name):
        raise SiteError(f"机构未选中 / the search shows {box.input_value()!r}, not {name!r}")
    return True


def opener(ctx: Ctx, row: Locator | None, owner: Locator) -> tuple[Locator, bool]:
    """The add button for this row: the row's own (True: the site fills the row), else the owner's one."""
    d, ui = ctx.map.institution_dialog, ctx.ui
    kinds = f"{ui.link}, {ui.button}"
    if row is not None:
        own = row.locator(kinds).filter(has_text=page_actions.exact(d.open)).filter(visible=True)
        if own.count():
            return own.first, True
    shared = owner.locator(kinds).filter(has_text=page_actions.exact(d.open)).filter(visible=True)
    if not shared.count():
        raise SiteError(f"页面上没有按钮 {d.open} / the page offers no {d.open} button")
    return shared.first, False


def fill_institution(ctx: Ctx, scope: Locator, value: Any, *, owner: Locator, row: Locator | None = None) -> None:
    """`scope`: the widget's cell or form item; `row`: its table row; `owner`: where a shared add button is."""
    if value is None:
        return
    name = as_text(value["name"] if isinstance(value, dict) else value)
    box = scope.locator(ctx.ui.select_input).first
    if pickers.chosen(box) == name or search(ctx, box, name):
        return
    if not isinstance(value, dict):
        raise SiteError(f"机构未在系统中注册 / institution {name!r} is not registered on the site",
                        hint="write it as {name, province, city, address} so autofiler adds it through the dialog")
    button, fills_row = opener(ctx, row, owner)
    add_institution(ctx, button, value)
    if fills_row and pickers.shows(ctx, box, name):
        return  # the row's own button put it into the row
    if not search(ctx, box, name):
        raise SiteError(f"新增的机构搜索不到 / the added institution {name!r} is not offered by the search")


def add_institution(ctx: Ctx, button: Locator, inst: dict[str, Any]) -> None:
    """Register an institution through the 添加未在系统注册的医疗卫生机构 dialog that `button` opens."""
    d, ui, page = ctx.map.institution_dialog, ctx.ui, ctx.page
    button.click()
    dialog = page_actions.visible_dialog(page, ui, d.title)
    dialog.wait_for(state="visible")
    fill_text(ctx, page_actions.form_item(dialog, ui, d.name), inst.get("name"))
    pickers.fill_select(ctx, page_actions.form_item(dialog, ui, d.province), inst.get("province"))
    fill_text(ctx, page_actions.form_item(dialog, ui, d.city), inst.get("city"))
    fill_text(ctx, page_actions.form_item(dialog, ui, d.address), inst.get("address"))
    with page.expect_response(lambda r: r.request.method == "POST") as info:
        page_actions.click(page_actions.visible_button(dialog, ui, ctx.map.buttons.confirm), ui)
    resp = info.value
    if resp.status == 401:
        raise SessionExpired("登录已过期 / the session expired while adding an institution")
    if not resp.ok:
        reason = page_actions.response_message(resp) or f"HTTP {resp.status}"
        raise SiteError(f"机构无法添加 / the site refused to add {inst.get('name')!r}: {reason}")
    page_actions.wait_toast(page, ui, "success", ctx.map.signals.added, timeout=SHORT_MS * 3)
    # No wait for the dialog's fade-out: the row's search is driven by keyboard, which the fading mask does
    # not block, and its chosen state is checked afterwards.
