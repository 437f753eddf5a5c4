"""A run's Playwright trace, kept only where a failure asks for it, and paused while a password is typed."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import BrowserContext


class Tracer:
    """Playwright tracing in chunks: begin() before a step, end(path) keeps it, end(None) drops it."""

    def __init__(self, context: BrowserContext, enabled: bool = True) -> None:
        self.context = context
        self.enabled = enabled
        self.started = False
        self.title: str | None = None

    def begin(self, title: str) -> None:
        if not self.enabled:
            return
        self.end(None)
        if not self.started:
            # DOM snapshots replay each step; a screencast would cost CPU on every frame, and the failure
            # screenshot is taken separately.
            self.context.tracing.start(title=title, snapshots=False, screenshots=False)
            self.started = True
        else:
            self.context.tracing.start_chunk(title=title)
        self.title = title

    def end(self, path: Path | None) -> None:
        if self.title is None:
            return
        self.title = None
        self.context.tracing.stop_chunk(path=str(path) if path else None)

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        title = self.title
        self.end(None)
        try:
            yield
        finally:
            if title:
                self.begin(title)

    def close(self) -> None:
        self.end(None)
        if self.started:
            self.context.tracing.stop()
            self.started = False
