"""File uploads through the upload button's file input; judged by the upload's answer (a refusal is said at once,
a 5xx is sent again), then by the file name the field shows after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Response, expect

from autofiler.errors import SiteError
from autofiler.site.maps.resolve import SiteField
from autofiler.site.policies import SiteBusyError, retry_busy
from autofiler.site.widgets_classic.context import Ctx, exact
from autofiler.site.widgets_classic.reading import collect

UPLOAD_MS = 30_000


class Upload:
    def fill(self, ctx: Ctx, item: Locator, field: SiteField, value: Any) -> None:
        paths = value if isinstance(value, list) else [value] if value else []
        for p in paths:
            name = Path(str(p)).name
            if name in self._names(ctx, item):
                continue
            retry_busy(lambda p=p: self._send(ctx, item, Path(str(p))), spent=SiteError)
            expect(item.locator(ctx.ui.upload_name).filter(has_text=exact(name)).first).to_be_visible(
                timeout=UPLOAD_MS)

    def _send(self, ctx: Ctx, item: Locator, path: Path) -> None:
        with ctx.page.expect_response(_is_post, timeout=UPLOAD_MS) as info:
            item.locator(ctx.ui.upload_input).first.set_input_files(str(path))
        resp = info.value
        body = _json(resp)
        message = str(body.get(ctx.answer.message) or f"HTTP {resp.status}")
        if resp.status >= 500:
            raise SiteBusyError(f"{path.name}: 上传失败 / the upload failed: {message}")
        if not resp.ok or body.get(ctx.answer.code, ctx.answer.ok) != ctx.answer.ok:
            raise SiteError(f"{path.name}: 文件被拒绝 / the site refused the file: {message}")

    def _names(self, ctx: Ctx, item: Locator) -> list[str]:
        return [t.strip() for t in item.locator(ctx.ui.upload_name).all_inner_texts() if t.strip()]

    def collect(self, ctx: Ctx, field: SiteField) -> dict[str, str]:
        return {"how": "texts", "css": ctx.ui.upload_name}

    def read(self, ctx: Ctx, item: Locator, field: SiteField) -> Any:
        return self.shape(field, collect(item, self.collect(ctx, field)))

    def shape(self, field: SiteField, names: list[Any]) -> Any:
        if not names:
            return None
        return names if field.widget == "files" or len(names) > 1 else names[0]


def _is_post(r: Response) -> bool:
    return r.request.method == "POST" and r.request.resource_type in ("xhr", "fetch")


def _json(resp: Response) -> dict[str, Any]:
    try:
        data = resp.json()
    except Exception:  # noqa: BLE001 - an HTML error page or an empty body
        return {}
    return data if isinstance(data, dict) else {}
