"""What `submit` would change on an Element-family site, module by module; changes nothing on the site."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Error as PlaywrightError

from autofiler import config
from autofiler.errors import details_log
from autofiler.filing.closing import page_failure
from autofiler.filing.element_service import check_units
from autofiler.site.filing_display import NOT_ON_SITE, FilingDisplay, Outcome


def plan(settings: config.Settings, reporter: FilingDisplay, name: str, values: dict[str, dict[str, Any]],
         user: str, *, spec_path: str = "", site_project_id: object = None) -> bool:
    """Print the per-module diff; True when anything would change."""
    from autofiler.site.session.site_session import open_site
    from autofiler.store import Store

    with Store(settings.state_dir) as store, open_site(settings) as site:
        try:
            return _plan(site, store, reporter, name, values, user, spec_path, site_project_id)
        except PlaywrightError as e:
            err = page_failure(site, reporter, e)
            where = details_log(e, str(settings.state_dir))
            if where:
                err.message += f"\n技术细节 / details: {where}"
            if "waiting for locator" in str(e):
                err.hint = "run `autofiler doctor` to compare the site with the site map"
            raise err from e


def _plan(site: Any, store: Any, reporter: FilingDisplay, name: str, values: dict[str, dict[str, Any]],
          user: str, spec_path: str = "", site_project_id: object = None) -> bool:
    from autofiler.filing import project_identity
    from autofiler.filing.element_filer import module_digest
    from autofiler.site.compare import diff_module, expected
    from autofiler.site.flows_element.element_editor import Editor

    target = project_identity.find_for_spec(site, store, name, spec_path, site_project_id)
    check_units(site, reporter, values)
    if target.project_id is None:
        reporter.say(f"站点上没有“{name}”：submit 将新建项目并填写全部模块 / {NOT_ON_SITE}: submit "
                     "would create the project and fill every module")
        return True
    if target.note:
        reporter.say(target.note, "yellow")
    reporter.run.project_id = target.project_id
    reporter.say(f"项目 / project {target.project_id} ({target.status_label}): {name}")
    record = store.filing(site.base_url, user, name) or store.filing_of_project(site.base_url, user,
                                                                              target.project_id)
    same_project = record is not None and record.project_id == target.project_id
    hashes = store.module_hashes(record.id) if record is not None and same_project else {}
    editor = Editor(site, target.project_id)
    editor.load()
    panes = editor.read()
    pending = False
    for module in site.map.modules:
        pane = panes[module.key]
        want = expected(module, values.get(module.key) or {})
        diffs = diff_module(module, want, pane.values, pane.absent, site.map.en_twin_suffix)
        notes = []
        has_files = any(f.widget in ("file", "files") for f in module.fields)
        if not diffs and has_files and hashes.get(module.key) not in (None, module_digest(module, want)):
            notes.append("文件内容在上次上传后有改动 / a file's content changed since it was uploaded")
        changed = bool(diffs or notes)
        pending = pending or changed
        reporter.module(Outcome(module.key, module.tab, "pending" if changed else "unchanged", notes=notes,
                                diffs=diffs))
    if not pending:
        reporter.say("站点上的内容与规格一致 / the site matches the spec", "green")
    return pending
