"""Filing a spec whose site map is of the Element family (the SOP's form): find or create the project, file
every module through filing.element_filer.Filer, then 提交 after a yes; the store's bookkeeping around it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Error as PlaywrightError

from autofiler import config
from autofiler.filing.closing import closing, page_failure
from autofiler.filing.submit_step import submit_as_asked
from autofiler.site.filing_display import FilingDisplay, RunState


def file_spec(settings: config.Settings, reporter: FilingDisplay, name: str, values: dict[str, dict[str, Any]],
              spec_path: str, position: Any, *, yes: bool, dry_run: bool, no_submit: bool, interactive: bool,
              user: str, site_project_id: object = None,
              confirm: Callable[[str], bool] = lambda _q: False) -> int:
    from autofiler.site.session.site_session import open_site
    from autofiler.store import Store

    lock = f"submit|{settings.site}|{user}|{name}"
    state = reporter.run
    with Store(settings.state_dir) as store, store.lock(lock):
        try:
            reporter.step("登录 / logging in")
            with open_site(settings) as site:
                state.modules = list(site.map.modules)
                try:
                    return file_on_site(site, store, reporter, name, values, spec_path, position, yes=yes,
                                        dry_run=dry_run, no_submit=no_submit, interactive=interactive,
                                        state=state, site_project_id=site_project_id, confirm=confirm)
                except PlaywrightError as e:
                    # The page did not behave as the site map says (outside a module, which keeps its own
                    # evidence).
                    raise page_failure(site, reporter, e) from e
        except (Exception, KeyboardInterrupt) as e:
            final = closing(settings, store, reporter, state, name, values, e)
            if final is e:
                raise
            raise final from e


def already_filed(site: Any, store: Any, user: str, name: str, values: dict[str, dict[str, Any]],
                  project_id: str) -> bool:
    """Whether a locked project is this spec's own, filed and submitted by us: the store knows it under this name,
    and every module's checkpoint equals the spec as it is now. A re-run then has nothing to do."""
    from autofiler.filing.element_filer import spec_module

    record = store.filing(site.base_url, user, name)
    if record is None or record.project_id != project_id:
        return False
    saved = store.module_hashes(record.id)
    return all(saved.get(m.key) == spec_module(m, values)[1] for m in site.map.modules)


def check_units(site: Any, reporter: FilingDisplay, values: dict[str, dict[str, Any]]) -> None:
    """Every participating unit written as a plain name looked up on the site; an unregistered one without
    its details stops the run (exit 1) before a project is created or changed."""
    from autofiler.site.lists.institution_lookup import sop_unit_problems
    from autofiler.site.prewrite import report, stop_on

    problems = sop_unit_problems(site, values)
    report(reporter, problems)
    stop_on(problems)


def file_on_site(site: Any, store: Any, reporter: FilingDisplay, name: str, values: dict[str, dict[str, Any]],
                 spec_path: str, position: Any, *, yes: bool, dry_run: bool, no_submit: bool,
                 interactive: bool, state: RunState | None = None, site_project_id: object = None,
                 confirm: Callable[[str], bool] = lambda _q: False) -> int:
    """The filing itself, on an open site: find or create, fill every module, then 提交 as asked."""
    from autofiler.filing import project_identity
    from autofiler.filing.element_filer import Filer
    from autofiler.site.flows_element import element_submission

    user = site.settings.require_user()
    state = state or reporter.run
    reporter.step("查找项目 / finding the project")
    try:
        target = project_identity.find_for_spec(site, store, name, spec_path, site_project_id)
    except project_identity.Locked as e:
        if not already_filed(site, store, user, name, values, e.row.id):
            raise
        state.project_id = e.row.id
        reporter.say(f"已提交过，规格未变，无需操作 / already filed from this spec and submitted: {name} → "
                     f"{e.row.status_label} (project {e.row.id}); nothing to do", "green")
        return 0
    if target.note:
        reporter.say(target.note, "yellow")
    check_units(site, reporter, values)  # before anything is written
    if target.project_id is None:
        if dry_run:
            reporter.say(f"站点上没有“{name}”：提交时将新建项目并填写全部模块 / no such project on the "
                         "site: submit would create it and fill every module (dry run: nothing done)")
            return 0
        target = project_identity.create(site, store, name, spec_path)
        reporter.say(f"已新建项目 / created project {target.project_id}")
    else:
        reporter.say(f"使用已有项目 / using project {target.project_id} ({target.status_label})")
    assert target.project_id is not None
    state.project_id, state.created = target.project_id, target.created
    if spec_path:  # a re-run of this file finds the project by id, whatever its title then
        store.remember_spec(site.base_url, user, spec_path, target.project_id)
    old = store.filing(site.base_url, user, name)
    prior = store.filing_of_project(site.base_url, user, target.project_id)
    if old is None and prior is not None:
        store.rename_filing(prior.id, name)  # renamed: its checkpoints still describe the same project
        old = store.filing(site.base_url, user, name)
    record = store.save_filing(site.base_url, user, name, project_id=target.project_id,
                               status=target.state, spec_path=spec_path)
    if old and old.project_id != target.project_id:
        store.forget_modules(record.id)  # checkpoints of another project do not count
    filer = Filer(site, target.project_id, values, store, record.id, reporter, dry_run=dry_run,
                  spec_path=spec_path, position=position, opened=target.created)
    outcomes = filer.run()
    if dry_run:
        reporter.say("演练结束：未保存、未提交 / dry run: nothing was saved or submitted")
        return 0
    return submit_as_asked(
        reporter, state, name, yes=yes, no_submit=no_submit, interactive=interactive, confirm=confirm,
        summary=lambda: element_submission.summary(site, target.project_id, name, values, outcomes),
        click=lambda: element_submission.submit(site, target.project_id, reporter),
        record=lambda status: store.save_filing(site.base_url, user, name, status=status))
