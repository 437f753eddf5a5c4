"""What a filing is: a spec of one form generation, loaded from YAML with positions and checked against that
generation's catalog (autofiler/forms) by one engine; the template and the JSON Schema come from it too.

Public API: `load`, `load_valid`, `load_text`, `LoadResult`, `Finding`, `Spec` (the checked spec).
Names are imported on first use, so that `autofiler.spec.findings` alone does not build the catalog index.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from autofiler.spec.catalog_spec import CatalogSpec as Spec
    from autofiler.spec.findings import Finding
    from autofiler.spec.load_result import LoadResult
    from autofiler.spec.loader import load, load_text, load_valid

_WHERE = {
    "load": ("loader", "load"), "load_valid": ("loader", "load_valid"), "load_text": ("loader", "load_text"),
    "LoadResult": ("load_result", "LoadResult"), "Finding": ("findings", "Finding"), "Spec": ("catalog_spec", "CatalogSpec"),
}

__all__ = ["Finding", "LoadResult", "Spec", "load", "load_text", "load_valid"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        module, attr = _WHERE[name]
        return getattr(importlib.import_module(f"autofiler.spec.{module}"), attr)
    raise AttributeError(f"module 'autofiler.spec' has no attribute {name!r}")
