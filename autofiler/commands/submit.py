"""autofiler submit SPEC: validate offline, find or create the project, file every module, then 提交 after a yes.

Exit codes: 0 done (filed; stopped before 提交 as asked; or already filed from this very spec and submitted),
1 a user-facing error, 3 a crash, 130 interrupted.
"""

from __future__ import annotations

import sys
from typing import Any

from playwright.sync_api import Error as PlaywrightError

from autofiler import config
from autofiler.errors import SiteError
from autofiler.site.report import Reporter


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
    settings = config.resolve(args)
    result = load_spec(args.spec)
    name, values, spec_path, position = spec_parts(result)
    user = settings.require_user()
    reporter = Reporter(settings.verbosity)
    return file_spec(settings, reporter, name, values, spec_path, position, yes=args.yes,
                     dry_run=args.dry_run, no_submit=args.no_submit, interactive=sys.stdin.isatty(), user=user)


def file_spec(settings: config.Settings, reporter: Reporter, name: str, values: dict[str, dict[str, Any]],
              spec_path: str, position: Any, *, yes: bool, dry_run: bool, no_submit: bool, interactive: bool,
              user: str) -> int:
    from autofiler.site.session import open_site
    from autofiler.store import Store

    lock = f"submit|{settings.site}|{user}|{name}"
    with Store(settings.state_dir) as store, store.lock(lock), open_site(settings) as site:
        try:
            return file_on_site(site, store, reporter, name, values, spec_path, position, yes=yes,
                                dry_run=dry_run, no_submit=no_submit, interactive=interactive)
        except PlaywrightError as e:
            # The page did not behave as the site map says (outside a module, which keeps its own evidence).
            raise page_failure(site, reporter, e) from e


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

    first = (str(e).strip().splitlines() or [type(e).__name__])[0]
    try:
        shot = site.screenshot(new_run_dir(site.settings.state_dir) / "page.png")
        reporter.say(f"  证据 / evidence: {shot.parent}", "red")
    except Exception as shot_error:  # noqa: BLE001 - evidence must not hide the real error
        reporter.say(f"  (no screenshot: {type(shot_error).__name__})", "red")
    return SiteError(f"页面操作失败 / a page action failed at {site.page.url}: {first}",
                     hint="run `autofiler doctor` to compare the site with the site map")


def file_on_site(site: Any, store: Any, reporter: Reporter, name: str, values: dict[str, dict[str, Any]],
                 spec_path: str, position: Any, *, yes: bool, dry_run: bool, no_submit: bool,
                 interactive: bool) -> int:
    """The filing itself, on an open site: find or create, fill every module, then 提交 as asked."""
    from autofiler.site import locate, submission
    from autofiler.site.filing import Filer

    user = site.settings.require_user()
    try:
        target = locate.find(site, store, name)
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
    old = store.filing(site.base_url, user, name)
    record = store.save_filing(site.base_url, user, name, project_id=target.project_id,
                               status=target.state, spec_path=spec_path)
    if old and old.project_id != target.project_id:
        store.forget_modules(record.id)  # checkpoints of another project do not count
    assert target.project_id is not None
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
                     "there is no terminal to confirm on (use --yes)")
        return 0
    for line in submission.summary(site, target.project_id, name, values, outcomes):
        reporter.say(line)
    if not yes and not confirm("现在提交备案？/ Submit now? [y/N] "):
        reporter.say("未提交 / not submitted")
        return 0
    state, label = submission.submit(site, target.project_id, reporter)
    store.save_filing(site.base_url, user, name, status=state or label)
    reporter.say(f"已提交 / submitted: {name} → {label or state}", "green")
    return 0
