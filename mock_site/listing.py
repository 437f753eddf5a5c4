"""Project lists with a filter and Element-style pagination (临床研究项目备案, 分中心项目, 项目审核)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request

from mock_site.catalog import STATES
from mock_site.db import Registry

PAGE_SIZES = (10, 20, 50, 100)
PAGER_COUNT = 7  # Element's default pager-count: page buttons shown at most, "…" jumps between them


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def pager(page: int, pages: int) -> list[int | str]:
    """The page buttons: numbers, and "prev"/"next" for the … that jump five pages."""
    if pages <= PAGER_COUNT:
        return list(range(1, pages + 1))
    half = (PAGER_COUNT - 1) // 2
    more_before = page > PAGER_COUNT - half
    more_after = page < pages - half
    if more_before and not more_after:
        middle = list(range(pages - (PAGER_COUNT - 2), pages))
    elif more_after and not more_before:
        middle = list(range(2, PAGER_COUNT))
    else:
        offset = PAGER_COUNT // 2 - 1
        middle = list(range(page - offset, page + offset + 1))
    out: list[int | str] = [1]
    if more_before:
        out.append("prev")
    out += middle
    if more_after:
        out.append("next")
    out.append(pages)
    return out


def list_context(registry: Registry, request: Request, **filters: Any) -> dict[str, Any]:
    """Everything a list template needs: one page of rows, the filter's values and the pagination."""
    q = request.query_params
    size = _int(q.get("size"), 10)
    size = size if size in PAGE_SIZES else 10
    name = (q.get("name") or "").strip()
    status = q.get("status") or ""
    status = status if status in STATES else ""
    page = max(1, _int(q.get("page"), 1))
    rows, total = registry.list_projects(name=name or None, status=status or None, page=page, size=size, **filters)
    pages = max(1, -(-total // size))
    if page > pages:
        page = pages
        rows, total = registry.list_projects(name=name or None, status=status or None, page=page, size=size,
                                             **filters)

    def href(**change: Any) -> str:
        params = {"page": page, "size": size, "name": name, "status": status, **change}
        return request.url.path + "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})

    return {
        "rows": rows, "total": total, "page": page, "size": size, "pages": pages, "name": name, "status": status,
        "pager": pager(page, pages), "href": href, "size_options": [[str(s), f"{s}条/页"] for s in PAGE_SIZES],
        "status_options": [["", "全部"]] + [[k, v] for k, v in STATES.items()],
    }
