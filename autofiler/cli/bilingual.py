"""Help in Chinese and English for the options the libraries add themselves (--help, shell completion), whose
own texts are English only: each command and group puts the project's texts on them when its help is built."""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand, TyperGroup

from autofiler.cli import texts


class _Bilingual:
    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            said = next((texts.BUILT_IN[opt] for opt in getattr(param, "opts", ()) if opt in texts.BUILT_IN), None)
            if said:
                param.help = said
        return params


class BilingualGroup(_Bilingual, TyperGroup):
    """A command group whose built-in options speak both languages."""


class BilingualCommand(_Bilingual, TyperCommand):
    """A command whose built-in options speak both languages."""
