"""Filing a spec's values on a classic face: tab by tab in catalog order (only the tabs the site shows), fill,
save and judge the answer; then one real reload and a read-back of every saved tab, compared with the spec.

The store is not known here: `checkpoint(tab_key, values)` is called for every tab read back equal to the spec,
`created(project_id)` as soon as a new draft has its id."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from playwright.sync_api import Error as PlaywrightError

from autofiler.errors import AutofilerError, SiteError
from autofiler.site.filing_display import STORED_OTHERWISE, FilingDisplay, Outcome
from autofiler.site.flows_classic.classic_compare import differences, show
from autofiler.site.flows_classic.classic_editor import ClassicEditor, SaveRefused, label_of
from autofiler.site.maps.resolve import ClassicSite, SiteTab
from autofiler.site.policies import keep_evidence, relogin_once, retry_busy
from autofiler.site.session.classic_session import ClassicSession

FILE_KINDS = ("pdf", "file", "files")


def _has_files(tab: SiteTab, values: dict[str, Any]) -> bool:
    for f in tab.fields:
        if f.key in values and (f.widget in FILE_KINDS or any(c.widget in FILE_KINDS for c in f.columns)):
            return True
    return False


class Refused(SiteError):
    """The site refused a save and said why: the cause is known, nothing to read back."""


class StoredOtherwise(SiteError):
    """The read-back found values the site stored other than sent."""


class ClassicFiler:
    def __init__(self, session: ClassicSession, site: ClassicSite, values: dict[str, dict[str, Any]],
                 reporter: FilingDisplay, *, project_id: str | None = None,
                 created: Callable[[str], None] = lambda _id: None,
                 checkpoint: Callable[[str, dict[str, Any]], None] = lambda _k, _v: None) -> None:
        self.session = session
        self.site = site
        self.values = values
        self.reporter = reporter
        self.project_id = project_id
        self.created = created
        self.checkpoint = checkpoint
        self.editor = ClassicEditor(session)

    def say(self, text: str) -> None:
        self.reporter.say(text, "red")

    def reopen(self) -> None:
        if self.project_id:
            self.editor.open(self.project_id)
        else:
            self.editor.open_new()

    def run(self) -> list[Outcome]:
        relogin_once(self.session, self.reopen)
        saved: list[tuple[SiteTab, Outcome]] = []
        try:
            for tab in self.site.tabs:
                values = self.values.get(tab.key) or {}
                started = time.monotonic()
                with self.step(tab, started):
                    if not self.editor.shown(tab):
                        if values:
                            raise SiteError(f"{tab.label}: 站点没有显示这个页签 / the site does not show this tab",
                                            hint="the tab depends on 研究类别; check the spec's research_type_l2")
                        continue
                    self.reporter.step(f"正在填写 {tab.label} / filling {tab.label}")
                    self.file_with_login(tab, values)
                saved.append((tab, Outcome(tab.key, tab.label, "saved", time.monotonic() - started)))
        except Refused:
            raise
        except AutofilerError as failed:
            self.explain(failed, saved)
            raise
        self.read_back(saved)
        return [o for _, o in saved]

    def explain(self, failed: AutofilerError, saved: list[tuple[SiteTab, Outcome]]) -> None:
        """A later tab failed where the page did not match the spec: a value stored other than sent (a condition
        of a later tab reads it) is the likelier cause, so the saved tabs are read back and, if so, named."""
        if not saved:
            return
        try:
            self.read_back(saved)
        except StoredOtherwise as e:
            raise e from failed
        except (AutofilerError, PlaywrightError):
            return  # the read-back cannot tell more: the first failure stands

    @contextlib.contextmanager
    def step(self, tab: SiteTab, started: float) -> Iterator[None]:
        """One tab's work inside its own trace; a failure is reported with its evidence."""
        self.session.trace.begin(tab.key)
        try:
            yield
        except (AutofilerError, PlaywrightError) as e:
            self.reporter.module(Outcome(tab.key, tab.label, "failed", time.monotonic() - started))
            keep_evidence(self.session, tab.key, self.say)
            if isinstance(e, PlaywrightError):
                first = (str(e).strip().splitlines() or [type(e).__name__])[0]
                raise SiteError(f"{tab.label}：页面操作失败 / a page action failed: {first}") from e
            raise
        self.session.trace.end(None)

    def file_with_login(self, tab: SiteTab, values: dict[str, Any]) -> None:
        relogin_once(self.session, lambda: self.file_tab(tab, values), again=self.reopen,
                     say=lambda t: self.reporter.say(f"  {tab.label}: {t}", "yellow"))

    def file_tab(self, tab: SiteTab, values: dict[str, Any]) -> None:
        ed = self.editor
        ed.open_tab(tab)
        new = ed.project_id is None
        ed.fill(tab, values, files=not new)  # an upload needs the draft's id
        self.save(tab)
        if new:
            ed.page.wait_for_url(lambda u: re.search(self.site.map.routes.project_id_pattern, u) is not None)
            ed.wait_ready()
            self.project_id = ed.project_id
            assert self.project_id is not None
            self.created(self.project_id)
            if _has_files(tab, values):
                ed.open_tab(tab)
                ed.fill(tab, values)
                self.save(tab)

    def save(self, tab: SiteTab) -> None:
        try:
            retry_busy(lambda: self.editor.save(tab))
        except SaveRefused as e:
            lines = [e.message] + [f"  {tab.label} › {label_of(tab, x)}: {x.message}" for x in e.errors]
            raise Refused("\n".join(lines), hint="correct the spec and run submit again") from None
        self.reporter.saved(tab.label)  # for the closing summary of a run that fails before its read-back

    def read_back(self, saved: list[tuple[SiteTab, Outcome]]) -> None:
        """One real reload, then every saved tab opened and read, and compared with the spec."""
        self.reporter.step("核对 / reading back")
        relogin_once(self.session, self.editor.reload, again=self.reopen)
        problems: list[str] = []
        for tab, outcome in saved:
            want = self.values.get(tab.key) or {}
            started = time.monotonic()
            with self.step(tab, started):
                self.editor.open_tab(tab)
                have = self.editor.read(tab, list(want))
            diffs = differences(tab, want, have)
            outcome.seconds += time.monotonic() - started
            if diffs:
                outcome.state = "failed"
                problems += [f"  {tab.label} › {d.label}: 发送 / sent {show(d.want)}, 保存 / stored {show(d.have)}"
                             for d in diffs]
            else:
                outcome.state = "verified"
                self.checkpoint(tab.key, want)
            self.reporter.module(outcome)
        if problems:
            raise StoredOtherwise(f"{STORED_OTHERWISE}:\n" + "\n".join(problems),
                            hint="run submit again; if it persists, the site changed: run `autofiler doctor`")
