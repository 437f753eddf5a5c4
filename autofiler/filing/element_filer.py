"""Filing a spec's values into one project, module by module: fill what differs, save, read back, checkpoint.

Per module: the values the page shows are compared with the spec; a module whose values match and whose
checkpoint (the hash of the values last saved and verified) is current is skipped. Otherwise the differing fields
are filled, 保存 is clicked and its answer judged (a 5xx is retried, a refusal's field errors are mapped back to
the spec's lines, a trip to the login page means one fresh login and the module again), and the next module's tab
is opened. Read-back: once every module is saved, the editor is reloaded from the server (a real reload, then a
wait until the form shows the project's data, never the page's memory) and every value of every saved
module is compared with the spec (one re-fill is allowed before a difference is an error); only then is a module's
checkpoint recorded. One reload for all modules instead of one per module; a run that fails part-way still reads
back the modules it saved, so that the next run skips them.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError

from autofiler.errors import AutofilerError, SiteError
from autofiler.site.compare import Diff, diff_module, expected, field_of, show
from autofiler.site.filing_display import STORED_OTHERWISE, FilingDisplay, Outcome
from autofiler.site.flows_element.element_editor import Editor, Pane, SaveRejected
from autofiler.site.policies import keep_evidence, relogin_once, retry_busy
from autofiler.site.session.site_session import Site
from autofiler.site.sitemap import Module
from autofiler.store import Store, content_hash

Position = Callable[[str], "tuple[int, int] | None"]


def file_digest(path: str) -> dict[str, str]:
    data = Path(path).read_bytes()
    return {"name": Path(path).name, "sha256": hashlib.sha256(data).hexdigest()}


def module_digest(module: Module, want: dict[str, Any]) -> str:
    """The checkpoint hash: the values, with each uploaded file's content hash instead of its path."""
    value = dict(want)
    for f in module.fields:
        if f.widget == "file" and value.get(f.key):
            value[f.key] = file_digest(value[f.key])
        elif f.widget == "files" and value.get(f.key):
            value[f.key] = [file_digest(p) for p in value[f.key]]
    return content_hash(value)


def spec_module(module: Module, values: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], str]:
    """A module's values as the spec wants them shown on the site, and their checkpoint hash."""
    want = expected(module, values.get(module.key) or {})
    return want, module_digest(module, want)


class Filer:
    def __init__(self, site: Site, project_id: str, values: dict[str, dict[str, Any]], store: Store,
                 filing_id: int, reporter: FilingDisplay, *, dry_run: bool = False, spec_path: str = "",
                 position: Position | None = None, opened: bool = False) -> None:
        self.site = site
        self.opened = opened  # the page shows this project's editor, freshly loaded (a project just created)
        self.map = site.map
        self.values = values
        self.store = store
        self.filing_id = filing_id
        self.reporter = reporter
        self.dry_run = dry_run
        self.spec_path = spec_path
        self.position = position or (lambda _path: None)
        self.editor = Editor(site, project_id)
        self.panes: dict[str, Pane] = {}
        self.run_dir: Path | None = None

    # the whole run -----------------------------------------------------------------------------------------
    def run(self) -> list[Outcome]:
        self.reload(opened=self.opened)
        if not self.editor.editable():
            raise SiteError(f"项目 {self.editor.project_id} 的表单不可编辑 / the project's form is read-only now",
                            hint="a project under review cannot be changed")
        done = self.store.module_hashes(self.filing_id)
        outcomes: list[Outcome] = []
        saved: list[tuple[Module, Outcome]] = []  # saved, not yet read back
        for module in self.map.modules:
            started = time.monotonic()
            self.reporter.step(f"正在填写 {module.tab} / filling {module.tab}")
            with self.step(module, started, on_failure=lambda: self.keep(saved)):
                outcome = self.module(module, done.get(module.key))
            outcome.seconds = time.monotonic() - started
            if outcome.state == "saved":
                saved.append((module, outcome))
            else:
                self.reporter.module(outcome)
            outcomes.append(outcome)
        if saved:
            self.read_back(saved)
        return outcomes

    @contextlib.contextmanager
    def step(self, module: Module, started: float, on_failure: Callable[[], None] = lambda: None, *,
             traced: bool = True) -> Iterator[None]:
        """One module's work inside its own trace (`traced`; else inside the trace the caller began). A failure is
        reported with its evidence, `on_failure` runs, and a page action that failed becomes a SiteError."""
        if traced:
            self.site.trace.begin(module.key)
        try:
            yield
        except (AutofilerError, PlaywrightError) as e:
            self.reporter.module(Outcome(module.key, module.tab, "failed", time.monotonic() - started))
            # the module's screenshot and trace, in one folder for the whole run
            self.run_dir = keep_evidence(self.site, module.key, lambda t: self.reporter.say(t, "red"), self.run_dir)
            on_failure()
            if isinstance(e, PlaywrightError):
                first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                raise SiteError(f"{module.tab}：页面操作失败 / a page action failed: {first}") from e
            raise
        if traced:
            self.site.trace.end(None)

    def read_back(self, saved: list[tuple[Module, Outcome]]) -> None:
        """Reload once, compare every saved module with the spec, re-fill a difference once, then checkpoint.
        One trace holds the whole read-back (a failing module keeps it as its evidence)."""
        self.reporter.step("核对 / reading back")
        self.site.trace.begin("read_back")
        self.reload()
        for module, outcome in saved:
            started = time.monotonic()
            with self.step(module, started, traced=False):
                outcome.notes += self.verify(module)
            outcome.state = "verified"
            outcome.seconds += time.monotonic() - started
            self.reporter.module(outcome)
        self.site.trace.end(None)

    def verify(self, module: Module) -> list[str]:
        want, digest = spec_module(module, self.values)
        notes = []
        left = self.diffs(module, want)
        if left:
            notes.append("回读发现差异，已重填 / the read-back differed; filled again: "
                         + "、".join(d.label for d in left))
            self.fill_and_save(module, left)
            self.reload(module)
            left = self.diffs(module, want)
            if left:
                raise SiteError(
                    f"{module.tab}：{STORED_OTHERWISE}:\n"
                    + "\n".join(f"  {d.label}: 发送 / sent {show(d.want)}, 保存 / stored {show(d.have)}"
                                for d in left))
        self.store.record_module(self.filing_id, module.key, digest)
        return notes

    def keep(self, saved: list[tuple[Module, Outcome]]) -> None:
        """After a failure: read back what was saved before it, and checkpoint what the site holds as the spec
        says, so that the next run skips it. Best effort: the failure being reported matters more."""
        if not saved:
            return
        with contextlib.suppress(Exception):
            self.reload()
            for module, _ in saved:
                want, digest = spec_module(module, self.values)
                if not self.diffs(module, want):
                    self.store.record_module(self.filing_id, module.key, digest)

    def reload(self, tab: Module | None = None, *, opened: bool = False) -> None:
        self.editor.load(tab, opened=opened)
        self.panes = self.editor.read()

    # one module ------------------------------------------------------------------------------------------
    def module(self, module: Module, checkpoint: str | None) -> Outcome:
        """One module; a trip to the login page means one fresh login and the module again from a reload."""
        return relogin_once(self.site, lambda: self._module(module, checkpoint), again=lambda: self.reload(module),
                            say=lambda t: self.reporter.say(f"  {module.tab}: {t}", "yellow"))

    def _module(self, module: Module, checkpoint: str | None) -> Outcome:
        want, digest = spec_module(module, self.values)
        diffs = self.diffs(module, want)
        if not diffs and checkpoint == digest:
            return Outcome(module.key, module.tab, "skipped")
        if self.dry_run:
            if diffs:
                self.editor.open(module, discard=True)
                self.editor.fill(module, diffs)
            return Outcome(module.key, module.tab, "filled" if diffs else "unchanged", diffs=diffs)
        files_stale = checkpoint != digest and any(f.widget in ("file", "files") for f in module.fields)
        if files_stale:  # same names, maybe new content: upload them again
            diffs = diffs + [Diff(f.key, f.label, want[f.key], self.panes[module.key].values.get(f.key))
                             for f in module.fields if f.widget in ("file", "files") and want.get(f.key)
                             and f.key not in {d.key for d in diffs}]
        self.fill_and_save(module, diffs, force_files=files_stale)
        self.reporter.saved(module.tab)  # for the closing summary of a run that fails before its read-back
        return Outcome(module.key, module.tab, "saved")

    def diffs(self, module: Module, want: dict[str, Any]) -> list[Diff]:
        pane = self.panes[module.key]
        if not pane.found:
            raise SiteError(f"页面上没有模块 {module.tab} / the editor has no tab {module.tab}")
        if pane.errors:
            raise SiteError(f"{module.tab}: " + "; ".join(f"{k}: {v}" for k, v in pane.errors.items()))
        out = diff_module(module, want, pane.values, pane.absent, self.map.en_twin_suffix)
        for d in out:
            if field_of(module, d.key)[0].readonly:
                raise SiteError(
                    f"{module.tab} › {d.label} 由站点填写为 {show(d.have)}，规格写的是 {show(d.want)} / the site "
                    "fills this field itself and it differs from the spec",
                    hint="correct the spec, or ask the research office to correct your account's institution")
        return out

    def fill_and_save(self, module: Module, diffs: list[Diff], *, force_files: bool = False) -> None:
        files = {f.key for f in module.fields if f.widget in ("file", "files")}
        uploads = [Path(str(v)).name for d in diffs if d.key in files
                   for v in (d.want if isinstance(d.want, list) else [d.want]) if v]
        if uploads:
            self.reporter.step(f"上传 {'、'.join(uploads)} / uploading")
        self.editor.open(module)
        self.editor.fill(module, diffs, force_files=force_files)
        try:
            retry_busy(lambda: self.editor.save(module))
        except SaveRejected as e:
            raise SiteError(self.rejected(module, e)) from None

    def rejected(self, module: Module, e: SaveRejected) -> str:
        """The site's field errors, each with its spec path, Chinese label and YAML line."""
        lines = [f"{module.tab} 保存被拒绝 / the site refused the save: {e.message}"]
        for err in e.errors:
            where = str(err.get("field", ""))
            m = re.match(r"^(\w+)(?:\[(\d+)\](?:\.(\w+))?)?", where)
            label = where
            if m:
                try:
                    f, twin = field_of(module, m.group(1))
                    label = self.map.twin_label(f) if twin else f.label
                    if m.group(2) is not None:
                        label += f" 第{int(m.group(2)) + 1}行"
                        if m.group(3):
                            label += " " + f.column(m.group(3)).label
                except KeyError:
                    pass
            path = f"{module.key}.{where}"
            pos = self._pos(path)
            at = f"{self.spec_path}:{pos[0]}:{pos[1]} " if pos else ""
            lines.append(f"  {at}{path} {label}: {err.get('message', '')}")
        return "\n".join(lines)

    def _pos(self, path: str) -> tuple[int, int] | None:
        while path:
            try:
                pos = self.position(path)
            except Exception:  # noqa: BLE001 - a path the spec does not hold
                pos = None
            if pos:
                return pos
            path = re.sub(r"(\.\w+|\[\d+\])$", "", path) if re.search(r"(\.\w+|\[\d+\])$", path) else ""
        return None

