"""The option groups several commands share (site and browser; which projects and output), each a typed dataclass,
and the decorator that adds a group's options to a command.

A command function declares one parameter of the group's type (`site: SiteOptions`); the decorator replaces it by
the group's options in the signature Typer reads, and hands the function the dataclass built from them.
"""

import dataclasses
import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Any, Literal, TypeVar

import typer

from autofiler.cli import texts

Format = Literal["table", "json", "csv", "xlsx", "html"]
Channel = Literal["chrome", "msedge"]
F = TypeVar("F", bound=Callable[..., Any])


def _opt(help_text: str, panel: str, *decls: str, **kw: Any) -> Any:
    return typer.Option(*decls, help=help_text, rich_help_panel=panel, show_default=False, **kw)


def flag(name: str, help_text: str, panel: str | None = None, *short: str) -> Any:
    """An on/off option as argparse's store_true had it: one name, no --no-… twin, no type shown."""
    return typer.Option(name, *short, help=help_text, rich_help_panel=panel, show_default=False, metavar="")


@dataclasses.dataclass(frozen=True)
class SiteOptions:
    """What every command that talks to the registry accepts (read by config.resolve)."""

    site: str | None = None
    user: str | None = None
    config: str | None = None
    state_dir: str | None = None
    selectors: str | None = None
    browser_path: str | None = None
    channel: str | None = None
    headed: bool = False
    slowmo: int = 0
    captcha_cmd: str | None = None
    verbose: int = 0


def _site_template(
    site: Annotated[str | None, _opt(texts.SITE, texts.P_SITE, metavar="URL|PRESET")] = None,
    user: Annotated[str | None, _opt(texts.USER, texts.P_SITE, metavar="MOBILE")] = None,
    config: Annotated[Path | None, _opt(texts.CONFIG, texts.P_SITE, metavar="FILE")] = None,
    state_dir: Annotated[Path | None, _opt(texts.STATE_DIR, texts.P_SITE, metavar="DIR")] = None,
    selectors: Annotated[Path | None, _opt(texts.SELECTORS, texts.P_SITE, metavar="FILE")] = None,
    browser_path: Annotated[Path | None, _opt(texts.BROWSER_PATH, texts.P_SITE, metavar="FILE")] = None,
    channel: Annotated[Channel | None, _opt(texts.CHANNEL, texts.P_SITE)] = None,
    headed: Annotated[bool, flag("--headed", texts.HEADED, texts.P_SITE)] = False,
    slowmo: Annotated[int, _opt(texts.SLOWMO, texts.P_SITE, metavar="MS")] = 0,
    captcha_cmd: Annotated[str | None, _opt(texts.CAPTCHA_CMD, texts.P_SITE, metavar="CMD")] = None,
    verbose: Annotated[int, _opt(texts.VERBOSE, texts.P_OUTPUT, "-v", "--verbose", count=True, metavar="")] = 0,
) -> None: ...


@dataclasses.dataclass(frozen=True)
class ProgressOptions:
    """Which projects `progress` and `watch` look at, and where their report goes (read by progress.Request)."""

    targets: list[str] = dataclasses.field(default_factory=list)
    all: bool = False
    subcenters: bool = False
    format: str = "table"
    out: str | None = None
    exit_code_on_change: int | None = None
    no_notify: bool = False
    opinions: bool = False


def _progress_template(
    targets: Annotated[list[str] | None, typer.Argument(help=texts.TARGETS, metavar="SPEC_OR_ID",
                                                        show_default=False)] = None,
    all: Annotated[bool, flag("--all", texts.ALL, texts.P_PROJECTS)] = False,
    subcenters: Annotated[bool, flag("--subcenters", texts.SUBCENTERS, texts.P_PROJECTS)] = False,
    opinions: Annotated[bool, flag("--opinions", texts.OPINIONS, texts.P_PROJECTS)] = False,
    format: Annotated[Format, typer.Option(help=texts.FORMAT, rich_help_panel=texts.P_OUTPUT)] = "table",
    out: Annotated[Path | None, _opt(texts.REPORT_OUT, texts.P_OUTPUT, metavar="FILE")] = None,
    exit_code_on_change: Annotated[int | None, _opt(texts.EXIT_ON_CHANGE, texts.P_OUTPUT, metavar="N")] = None,
    no_notify: Annotated[bool, flag("--no-notify", texts.NO_NOTIFY, texts.P_OUTPUT)] = False,
) -> None: ...


GROUPS: dict[type, Callable[..., None]] = {SiteOptions: _site_template, ProgressOptions: _progress_template}


def plain(value: Any) -> Any:
    """Values as the commands read them: paths as text, lists as lists."""
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def with_groups(func: F) -> F:
    """Expand each parameter annotated with an option group into the group's own options (see the module text)."""
    sig = inspect.signature(func, eval_str=True)
    own: list[inspect.Parameter] = []
    groups: dict[str, tuple[type, list[str]]] = {}
    added: list[inspect.Parameter] = []
    for p in sig.parameters.values():
        template = GROUPS.get(p.annotation)
        if template is None:
            own.append(p)
            continue
        params = list(inspect.signature(template, eval_str=True).parameters.values())
        groups[p.name] = (p.annotation, [q.name for q in params])
        added += params
    arguments = [q for q in added if _is_argument(q)]
    options = [q for q in added if not _is_argument(q)]
    # Typer passes everything by name; the order sets the order of the positional arguments and of the help
    params = [q.replace(kind=inspect.Parameter.KEYWORD_ONLY) for q in [*own, *arguments, *options]]

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> Any:
        for name, (cls, names) in groups.items():
            values = {n: kwargs.pop(n) for n in names}
            kwargs[name] = cls(**{k: plain(v) if v is not None else _default(cls, k) for k, v in values.items()})
        return func(**kwargs)

    wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {q.name: q.annotation for q in params}
    del wrapper.__wrapped__  # Typer must read the new signature, not the function's own
    return wrapper  # type: ignore[return-value]


def _is_argument(p: inspect.Parameter) -> bool:
    extras = getattr(p.annotation, "__metadata__", ())
    return any(isinstance(m, typer.models.ArgumentInfo) for m in extras)


def _default(cls: type, name: str) -> Any:
    f = next(f for f in dataclasses.fields(cls) if f.name == name)
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return f.default


def namespace(command: str, *groups: object, **own: Any) -> SimpleNamespace:
    """The object a command's run(args) reads: its own options and those of its groups, by attribute."""
    merged: dict[str, Any] = {"command": command}
    for g in groups:
        merged.update(dataclasses.asdict(g))  # type: ignore[call-overload]
    merged.update({k: plain(v) for k, v in own.items()})
    return SimpleNamespace(**merged)
