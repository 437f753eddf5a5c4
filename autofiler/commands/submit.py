"""autofiler submit SPEC: validate offline, find or create the project, file every module, then 提交 after a yes.

Exit codes: 0 done (filed; stopped before 提交 as asked with --no-submit; a dry run; or already filed from this very
spec and submitted), 1 a user-facing error, 3 a crash, 4 the site did not answer, 5 saved but stopped before 提交
because no terminal could confirm, 130 interrupted. Every failure and interruption ends with one summary
(`closing`): the modules saved and verified, the rest, whether 提交 happened, and what to do next.

A new project's id (and the spec file it belongs to) is recorded the moment 新增 returns it. Its title is saved
with 基本信息, the first module filed: the site refuses a save of 基本信息 without its other required fields, so a
title alone cannot be saved earlier; a run that dies before that save is found again by the recorded id.
"""

from __future__ import annotations

import sys
from typing import Any

from playwright.sync_api import Error as PlaywrightError

from autofiler import config
from autofiler.errors import (
    EXIT_NOT_SUBMITTED,
    AutofilerError,
    Interrupted,
    SiteError,
    SiteUnreachable,
    details_log,
)
from autofiler.site.report import SUBMIT_CLICKED, SUBMIT_DONE, Reporter, RunState, closing_lines


def load_spec(path: str) -> Any:
    """The validated spec (raises SpecError before any browser starts)."""
    from autofiler.spec import load_valid

    return load_valid(path)


def spec_parts(result: Any) -> tuple[str, dict[str, dict[str, Any]], str, Any]:
    """Project name, site values, spec path and the position lookup of a loaded spec."""
    spec = result.spec
    values = spec.site_values()
    # site_values names every institution by its name; an unregistered one keeps its details so that the
    # driver can add it through the site's dialog when the search does not find it.
    rows = (values.get("implementation") or {}).get("participating_units") or []
    units = getattr(spec.implementation, "participating_units", None) or []
    for row, unit in zip(rows, units, strict=False):
        inst = getattr(unit, "institution", None)
        if inst is not None and not isinstance(inst, str) and hasattr(inst, "model_dump"):
            row["institution"] = inst.model_dump(exclude_none=True)
    position = getattr(result, "position", None)
    return spec.project_name, values, str(getattr(result, "path", "")), position


def confirm(prompt: str) -> bool:
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是", "确定")


def run(args: Any) -> int:
    from autofiler.site.maps.choose import for_spec

    result = load_spec(args.spec)
    # The site map of the spec's form generation (or --selectors, which must be of it) names the UI family.
    map_path, family = for_spec(getattr(result.spec, "form", "sop-2020"), getattr(args, "selectors", None))
    if family == "classic":
        from autofiler.site.flows_classic.service import run_classic

        return run_classic(args, result, map_path, confirm)
    settings = config.resolve(args)
    name, values, spec_path, position = spec_parts(result)
    user = settings.require_user()
    reporter = Reporter(settings.verbosity)
    return file_spec(settings, reporter, name, values, spec_path, position, yes=args.yes,
                     dry_run=args.dry_run, no_submit=args.no_submit, interactive=sys.stdin.isatty(), user=user,
                     site_project_id=getattr(result.spec, "site_project_id", None))


def file_spec(settings: config.Settings, reporter: Reporter, name: str, values: dict[str, dict[str, Any]],
              spec_path: str, position: Any, *, yes: bool, dry_run: bool, no_submit: bool, interactive: bool,
              user: str, site_project_id: object = None) -> int:
    from autofiler.site.session import open_site
    from autofiler.store import Store

    lock = f"submit|{settings.site}|{user}|{name}"
    state = RunState()
    with Store(settings.state_dir) as store, store.lock(lock):
        try:
            with open_site(settings) as site:
                state.modules = list(site.map.modules)
                try:
                    return file_on_site(site, store, reporter, name, values, spec_path, position, yes=yes,
                                        dry_run=dry_run, no_submit=no_submit, interactive=interactive,
                                        state=state, site_project_id=site_project_id)
                except PlaywrightError as e:
                    # The page did not behave as the site map says (outside a module, which keeps its own
                    # evidence).
                    raise page_failure(site, reporter, e) from e
        except (Exception, KeyboardInterrupt) as e:
            final = closing(settings, store, reporter, state, name, values, e)
            if final is e:
                raise
            raise final from e


def _playwright_cause(e: BaseException) -> BaseException | None:
    """The browser's own error behind `e`, unless the code that raised `e` set it aside (`from None`)."""
    seen: BaseException | None = e
    while seen is not None:
        if isinstance(seen, PlaywrightError):
            return seen
        seen = seen.__cause__ if seen.__cause__ is not None else (
            None if seen.__suppress_context__ else seen.__context__)
    return None


def _site_map_problem(e: BaseException, cause: BaseException | None) -> bool:
    """A label, tab or widget of the site map was not found on the page: the case for `autofiler doctor`."""
    text = str(cause or "")
    said = getattr(e, "message", "")
    return ("waiting for locator" in text or "waiting for get_by" in text
            or "the page does not show the field" in said or "the editor has no tab" in said
            or "doctor" in (getattr(e, "hint", None) or ""))


def module_states(settings: config.Settings, store: Any, state: RunState, name: str,
                  values: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Tabs whose saved values were read back equal to the spec (the store's checkpoints), and the others."""
    from autofiler.site import sitemap
    from autofiler.site.filing import spec_module

    modules = state.modules or list(sitemap.load(settings.selectors).modules)
    record = store.filing(settings.site, settings.require_user(), name)
    same = state.project_id is not None and record is not None and record.project_id == state.project_id
    hashes = store.module_hashes(record.id) if same and record is not None else {}
    verified, rest = [], []
    for module in modules:
        try:
            ok = module.key in hashes and hashes[module.key] == spec_module(module, values)[1]
        except OSError:
            ok = False
        (verified if ok else rest).append(module.tab)
    return verified, rest


def closing(settings: config.Settings, store: Any, reporter: Reporter, state: RunState, name: str,
            values: dict[str, dict[str, Any]], e: BaseException) -> BaseException:
    """The one way a failed or interrupted submit ends: the error in plain words (a browser's own message goes
    to a details log), followed by what was saved and verified, what was not, whether 提交 happened, and what
    to do next. Returns the exception to raise."""
    try:
        verified, rest = module_states(settings, store, state, name, values)
    except Exception:  # noqa: BLE001 - the summary must not hide the failure
        verified, rest = [], []
    cause = _playwright_cause(e)
    if isinstance(e, SiteUnreachable):
        why = "site_down"
    elif isinstance(e, KeyboardInterrupt):
        why = "interrupted"
    elif _site_map_problem(e, cause):
        why = "site_map"
    else:
        why = "error"
    unverified = [tab for tab in reporter.saved_tabs if tab not in verified]
    summary = "\n".join(closing_lines(state, verified, rest, why, unverified))
    if isinstance(e, KeyboardInterrupt):
        return Interrupted(f"已中断 / interrupted\n{summary}")
    if not isinstance(e, AutofilerError):
        print(summary, file=sys.stderr)  # a crash: its bug report follows
        return e
    if cause is not None and not isinstance(e, SiteUnreachable):
        where = details_log(cause, str(settings.state_dir))
        tab = reporter.failed
        e.message = (f"{tab}：页面没有按预期回应 / {tab}: the page did not respond as expected" if tab else
                     "页面没有按预期回应 / the page did not respond as expected")
        if where:
            e.message += f"\n技术细节 / details: {where}"
    if why == "site_map" or cause is not None:
        e.hint = None  # the summary's next step says what to do
    e.message = f"{e.message}\n{summary}"
    return e


def already_filed(site: Any, store: Any, user: str, name: str, values: dict[str, dict[str, Any]],
                  project_id: str) -> bool:
    """Whether a locked project is this spec's own, filed and submitted by us: the store knows it under this name,
    and every module's checkpoint equals the spec as it is now. A re-run then has nothing to do."""
    from autofiler.site.filing import spec_module

    record = store.filing(site.base_url, user, name)
    if record is None or record.project_id != project_id:
        return False
    saved = store.module_hashes(record.id)
    return all(saved.get(m.key) == spec_module(m, values)[1] for m in site.map.modules)


def page_failure(site: Any, reporter: Reporter, e: Exception) -> SiteError:
    from autofiler.site.report import new_run_dir

    try:
        shot = site.screenshot(new_run_dir(site.settings.state_dir) / "page.png")
        reporter.say(f"  证据 / evidence: {shot.parent}", "red")
    except Exception as shot_error:  # noqa: BLE001 - evidence must not hide the real error
        reporter.say(f"  (no screenshot: {type(shot_error).__name__})", "red")
    # The browser's own words stay in the details log that `closing` writes.
    return SiteError(f"页面操作失败 / a page action failed at {site.page.url}")


def file_on_site(site: Any, store: Any, reporter: Reporter, name: str, values: dict[str, dict[str, Any]],
                 spec_path: str, position: Any, *, yes: bool, dry_run: bool, no_submit: bool,
                 interactive: bool, state: RunState | None = None, site_project_id: object = None) -> int:
    """The filing itself, on an open site: find or create, fill every module, then 提交 as asked."""
    from autofiler.site import locate, projects, submission
    from autofiler.site.filing import Filer

    user = site.settings.require_user()
    state = state or RunState()
    try:
        target = projects.find_for_spec(site, store, name, spec_path, site_project_id)
    except locate.Locked as e:
        if not already_filed(site, store, user, name, values, e.row.id):
            raise
        reporter.say(f"已提交过，规格未变，无需操作 / already filed from this spec and submitted: {name} → "
                     f"{e.row.status_label} (project {e.row.id}); nothing to do", "green")
        return 0
    if target.note:
        reporter.say(target.note, "yellow")
    if target.project_id is None:
        if dry_run:
            reporter.say(f"站点上没有“{name}”：提交时将新建项目并填写全部模块 / no such project on the "
                         "site: submit would create it and fill every module (dry run: nothing done)")
            return 0
        target = locate.create(site, store, name, spec_path)
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
    if no_submit:
        reporter.say("已保存，未提交（--no-submit） / saved; not submitted (--no-submit)")
        return 0
    if not yes and not interactive:
        reporter.say("已保存，未提交：没有终端可确认，请加 --yes / saved; stopped before 提交 because "
                     f"there is no terminal to confirm on (use --yes; exit {EXIT_NOT_SUBMITTED})")
        return EXIT_NOT_SUBMITTED
    for line in submission.summary(site, target.project_id, name, values, outcomes):
        reporter.say(line)
    if not yes and not confirm("现在提交备案？/ Submit now? [y/N] "):
        reporter.say("未提交 / not submitted")
        return 0
    state.submit = SUBMIT_CLICKED
    key, label = submission.submit(site, target.project_id, reporter)
    state.submit = SUBMIT_DONE
    store.save_filing(site.base_url, user, name, status=key or label)
    reporter.say(f"已提交 / submitted: {name} → {label or key}", "green")
    return 0
