"""Which drafts a run that died right after creating a project may have left: the account's drafts that no
filing of this machine knows, newest first. Both UI families' finders look among them for one without a title."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Protocol, TypeVar

ADOPT_CANDIDATES = 5  # the newest unknown drafts looked at; a nameless one left by a dead run is among them


class Listed(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def state(self) -> str | None: ...


R = TypeVar("R", bound=Listed)


def unknown_drafts(rows: Iterable[R], known: Collection[str]) -> list[R]:
    """The drafts no filing of this store knows, newest few only (the site lists its newest first): where a
    run that died right after creating a project left it."""
    return [r for r in rows if r.state == "draft" and r.id not in known][:ADOPT_CANDIDATES]
