"""`autofiler submit` (and `plan`, `--dry-run`) for a spec whose site map is of the classic family: the store's
bookkeeping around the classic flow (the project found by the spec's id, the id recorded for the spec file, or
its title; a checkpoint per tab read back equal to the spec), the site checks before anything is written, then
提交 as asked. A failed or interrupted submit ends with the one closing summary every submit ends with.

A project already submitted from this same spec is left alone (exit 0, nothing to do)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from autofiler.filing.classic_common import checked_editor, digests_of, left_alone
from autofiler.filing.submit_step import submit_as_asked
from autofiler.site.filing_display import FilingDisplay, RunState
from autofiler.site.flows_classic.classic_submit import submit, summary
from autofiler.site.flows_classic.flow import ClassicFiler
from autofiler.site.lists.classic_finder import Found, find
from autofiler.site.maps.resolve import ClassicSite
from autofiler.site.session.classic_session import ClassicSession, open_classic


def run_classic(args: Any, result: Any, settings: Any, site: ClassicSite, reporter: FilingDisplay,
                confirm: Callable[[str], bool]) -> int:
    spec = result.spec
    name, values, spec_path = spec.project_name, spec.site_values(), str(getattr(result, "path", ""))
    spec_id = getattr(spec, "site_project_id", None)
    if args.dry_run:
        from autofiler.filing.classic_preview import dry_run_classic

        return dry_run_classic(settings, site, reporter, name, values, spec_path, spec_id)
    return file_classic(settings, site, reporter, name, values, spec_path, yes=args.yes, no_submit=args.no_submit,
                        interactive=sys.stdin.isatty(), confirm=confirm, project_id=spec_id)


def tab_states(store: Any, settings: Any, site: ClassicSite, state: RunState, name: str,
               digests: dict[str, str], values: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Tabs of the spec whose values were read back equal to it (the store's checkpoints), and the others."""
    record = store.filing(settings.site, settings.require_user(), name)
    same = state.project_id is not None and record is not None and record.project_id == state.project_id
    hashes = store.module_hashes(record.id) if same and record is not None else {}
    verified, rest = [], []
    for tab in site.tabs:
        if values.get(tab.key):
            (verified if hashes.get(tab.key) == digests[tab.key] else rest).append(tab.label)
    return verified, rest


def file_classic(settings: Any, site: ClassicSite, reporter: FilingDisplay, name: str,
                 values: dict[str, dict[str, Any]], spec_path: str, *, yes: bool, no_submit: bool,
                 interactive: bool, confirm: Callable[[str], bool], project_id: object = None) -> int:
    """File the values into the spec's project (`project_id`: the spec's own id, when it names one); every
    failure and interruption ends with the closing summary."""
    from autofiler.filing.closing import closing
    from autofiler.store import Store

    user = settings.require_user()
    state = reporter.run
    digests = digests_of(site, values)
    with Store(settings.state_dir) as store, store.lock(f"submit|{settings.site}|{user}|{name}"):
        try:
            reporter.step("登录 / logging in")
            with open_classic(settings, site) as session:
                return _file(session, store, settings, site, reporter, name, values, spec_path, digests, state,
                             yes=yes, no_submit=no_submit, interactive=interactive, confirm=confirm,
                             spec_id=project_id)
        except (Exception, KeyboardInterrupt) as e:
            final = closing(settings, store, reporter, state, name, values, e,
                            states=lambda: tab_states(store, settings, site, state, name, digests, values))
            if final is e:
                raise
            raise final from e


def _adopt(store: Any, settings: Any, name: str, spec_path: str, found: Found) -> Any:
    """The filing record of the found project under the spec's name (a renamed project keeps its checkpoints)."""
    user, base, pid = settings.require_user(), settings.site, found.project_id
    assert pid is not None
    record = store.filing(base, user, name)
    prior = store.filing_of_project(base, user, pid)
    if record is None and prior is not None:
        store.rename_filing(prior.id, name)
        record = store.filing(base, user, name)
    moved = record is not None and record.project_id != pid
    record = store.save_filing(base, user, name, project_id=pid, status=found.state or found.label,
                               spec_path=spec_path)
    if moved:
        store.forget_modules(record.id)  # checkpoints of another project do not count
    if spec_path:  # a re-run of this file finds the project by id, whatever its title then
        store.remember_spec(base, user, spec_path, pid)
    return record


def _file(session: ClassicSession, store: Any, settings: Any, site: ClassicSite, reporter: FilingDisplay, name: str,
          values: dict[str, dict[str, Any]], spec_path: str, digests: dict[str, str], state: RunState, *,
          yes: bool, no_submit: bool, interactive: bool, confirm: Callable[[str], bool], spec_id: object) -> int:
    user, base = settings.require_user(), settings.site
    found = find(session, store, name, spec_path, spec_id)
    if found.note:
        reporter.say(found.note, "yellow")
    box: dict[str, Any] = {"record": None}
    if found.project_id:
        state.project_id = found.project_id
        if found.state not in site.map.editable_states:
            return left_alone(store, settings, site, reporter, name, found, digests, values)
        reporter.say(f"使用已有项目 / using project {found.project_id} ({found.label})")
        state.project_id = found.project_id
        box["record"] = _adopt(store, settings, name, spec_path, found)
    checked_editor(session, site, reporter, values, found.project_id)  # before anything is written

    def created(pid: str) -> None:
        state.project_id, state.created = pid, True
        box["record"] = store.save_filing(base, user, name, project_id=pid, status="draft", spec_path=spec_path)
        store.forget_modules(box["record"].id)
        if spec_path:
            store.remember_spec(base, user, spec_path, pid)
        reporter.say(f"已新建项目 / created project {pid}")

    def checkpoint(tab_key: str, _want: dict[str, Any]) -> None:
        store.record_module(box["record"].id, tab_key, digests[tab_key])

    filer = ClassicFiler(session, site, values, reporter, project_id=found.project_id, created=created,
                         checkpoint=checkpoint)
    filer.run()
    pid = filer.project_id
    assert pid is not None
    return submit_as_asked(
        reporter, state, name, yes=yes, no_submit=no_submit, interactive=interactive, confirm=confirm,
        summary=lambda: summary(values, pid, name, base), click=lambda: submit(filer.editor, pid),
        record=lambda status: store.save_filing(base, user, name, status=status))
