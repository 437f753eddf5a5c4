"""Upload widgets: files are set on the hidden file input, one at a time, and each upload is confirmed by the
site's answer and by the list item turning to success with the expected name. Stale files are deleted."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Response

from autofiler.errors import SessionExpired, SiteError
from autofiler.site import page_actions
from autofiler.site.policies import SiteBusyError, retry_busy
from autofiler.site.widgets_element.widget_basics import Ctx

UPLOAD_MS = 60_000


def _is_post(r: Response) -> bool:
    return r.request.method == "POST" and r.request.resource_type in ("xhr", "fetch")


def _is_delete(r: Response) -> bool:
    return r.request.method == "DELETE"


def done_item(ctx: Ctx, item: Locator, name: str) -> Locator:
    ui = ctx.ui
    return item.locator(ui.upload_item_done).filter(has=ctx.page.locator(ui.upload_item_name).filter(
        has_text=page_actions.exact(name)))


def upload(ctx: Ctx, item: Locator, path: str) -> None:
    p = Path(path)

    def send() -> Response:
        with ctx.page.expect_response(_is_post, timeout=UPLOAD_MS) as info:
            item.locator(ctx.ui.upload_input).first.set_input_files(str(p))
        resp = info.value
        if resp.status >= 500:
            raise SiteBusyError(_refused(p, resp))
        return resp

    # a busy answer's file leaves the list, so it is simply sent again
    resp = retry_busy(send, spent=SiteError)
    if resp.status == 401:
        raise SessionExpired(f"登录已过期 / the session expired while uploading {p.name}")
    if not resp.ok:
        raise SiteError(_refused(p, resp))
    done_item(ctx, item, p.name).first.wait_for(state="attached", timeout=UPLOAD_MS)


def _refused(p: Path, resp: Response) -> str:
    reason = page_actions.response_message(resp) or f"HTTP {resp.status}"
    return f"文件被拒绝 / the site refused {p.name}: {reason}"


def delete(ctx: Ctx, item: Locator, name: str) -> None:
    row = done_item(ctx, item, name).first
    with ctx.page.expect_response(_is_delete) as info:
        # The list item takes Delete (its hidden "按 delete 键可删除"): no pointer on an icon shown only on hover,
        # which a list shifting under it (another item fading out) would turn into a click on the next item.
        row.press("Delete")
        box = ctx.page.locator(ctx.ui.message_box).filter(visible=True)
        if box.count():
            page_actions.activate(page_actions.visible_button(box.first, ctx.ui, ctx.map.buttons.confirm))
    if not info.value.ok:
        raise SiteError(f"文件无法删除 / the site refused to delete {name}: HTTP {info.value.status}")
    # The item fades out (about 1 s) before it leaves the list; until then it still reads as uploaded.
    row.wait_for(state="detached", timeout=UPLOAD_MS)


def fill_file(ctx: Ctx, item: Locator, path: str | None, current: list[str], *, force: bool = False) -> None:
    """One file. A stale one is deleted first: a site that replaces it on upload lets the old list item fade out
    for a while, and that item must not be taken for one still to delete."""
    name = Path(path).name if path is not None else None
    stale = [n for n in current if n != name or force]
    for other in stale:
        delete(ctx, item, other)
    if name is not None and (name not in current or force):
        upload(ctx, item, str(path))


def fill_files(ctx: Ctx, item: Locator, paths: list[str], current: list[str], *, force: bool = False) -> None:
    want = [Path(p).name for p in paths]
    stale = [n for n in current if n not in want or force]
    for name in stale:
        delete(ctx, item, name)
    kept = [n for n in current if n not in stale]
    for path in paths:
        if Path(path).name not in kept:
            upload(ctx, item, path)
