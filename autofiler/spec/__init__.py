"""What a filing is: the spec's models, YAML loading with positions, cross-field rules, the template.

Public API: `load`, `load_valid`, `load_text`, `LoadResult`, `Finding`, `Spec`, and the `catalog` module.
Names are imported on first use, so that `autofiler.spec.findings` alone does not build the models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from autofiler.spec.findings import Finding
    from autofiler.spec.loader import LoadResult, load, load_text, load_valid
    from autofiler.spec.model import Spec

_WHERE = {
    "load": "loader", "load_valid": "loader", "load_text": "loader", "LoadResult": "loader",
    "Finding": "findings", "Spec": "model",
}

__all__ = ["Finding", "LoadResult", "Spec", "load", "load_text", "load_valid"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"autofiler.spec.{_WHERE[name]}"), name)
    if name == "catalog":
        return importlib.import_module("autofiler.spec.catalog")
    raise AttributeError(f"module 'autofiler.spec' has no attribute {name!r}")
