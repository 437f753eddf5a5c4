"""Help without the parts of rich it never uses.

Typer's help renderer imports rich's Markdown (the markdown parser) and Traceback (the syntax highlighter) at its
top, about half of what `autofiler --help` costs. The help here is rich markup, not Markdown, and pretty tracebacks
are off, so while that renderer is imported the two names are served by stand-ins that load the real class only if
one is ever built. The stand-in modules are removed again at once: any later import gets the real ones.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_STANDINS = {"rich.markdown": "Markdown", "rich.traceback": "Traceback"}


def _standin(module: str, name: str) -> type:
    def __new__(cls: type, *args: Any, **kwargs: Any) -> Any:
        real = getattr(importlib.import_module(module), name)
        return real(*args, **kwargs)

    return type(name, (), {"__new__": __new__, "__module__": __name__})


def import_help_renderer() -> None:
    """Import typer's help renderer with stand-ins for the unused heavy parts (once; later calls do nothing)."""
    if "typer.rich_utils" in sys.modules:
        return
    placed = []
    for module, name in _STANDINS.items():
        if module not in sys.modules:
            stub = types.ModuleType(module)
            setattr(stub, name, _standin(module, name))
            sys.modules[module] = stub
            placed.append(module)
    try:
        importlib.import_module("typer.rich_utils")
    finally:
        for module in placed:
            sys.modules.pop(module, None)
