"""File uploads through the upload button's file input; judged by the file name the field shows after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, expect

from autofiler.site.maps.resolve import SiteField
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
            item.locator(ctx.ui.upload_input).first.set_input_files(str(p))
            expect(item.locator(ctx.ui.upload_name).filter(has_text=exact(name)).first).to_be_visible(
                timeout=UPLOAD_MS)

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
