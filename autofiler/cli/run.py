"""Calling a command: import its module only now, run it inside the error handler, end with its exit code."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import typer

from autofiler.errors import ConfigError, error_handler


def _module(name: str) -> ModuleType:
    full = f"autofiler.commands.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as e:
        if e.name != full:
            raise  # a module the command itself needs is missing: a real fault
        raise ConfigError(f"此版本没有命令 {name} / this build has no `{name}` command") from None


def call(name: str, args: Any, site: Any = None, *, needs: str | None = None) -> None:
    """Run autofiler.commands.<name>.run(args); `needs` names a function the module must offer for these options
    (an option wired before its implementation landed ends with exit 1 and a message, not a crash)."""
    with error_handler(getattr(site, "state_dir", None)) as code:
        module = _module(name)
        if needs and not hasattr(module, needs):
            raise ConfigError(f"此版本的 {name} 命令不支持所给选项 / this build's `{name}` command cannot do that yet "
                              f"(it lacks {needs})")
        code.append(int(module.run(args) or 0))
    if code and code[0]:
        raise typer.Exit(code[0])


def version_callback(value: bool) -> None:
    if value:
        from autofiler import __version__

        typer.echo(f"autofiler {__version__}")
        raise typer.Exit(0)


def complete_path(incomplete: str) -> list[str]:
    """Shell completion for a text argument that names files or folders."""
    from pathlib import Path

    folder, _, start = incomplete.rpartition("/")
    base = Path(folder or ".")
    if not base.is_dir():
        return []
    prefix = f"{folder}/" if folder else ""
    return sorted(f"{prefix}{p.name}{'/' if p.is_dir() else ''}" for p in base.iterdir()
                  if p.name.startswith(start) and not p.name.startswith("."))
