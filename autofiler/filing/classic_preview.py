"""`autofiler plan` and `submit --dry-run` on a classic face: the project found by the same rules as submit,
the same site checks, and every tab read (plan) or filled without saving (dry run). Nothing is sent."""

from __future__ import annotations

from typing import Any

from autofiler.filing.classic_common import checked_editor, digests_of, left_alone, tab_digest
from autofiler.site.filing_display import NOT_ON_SITE, FilingDisplay, Outcome
from autofiler.site.flows_classic import dry
from autofiler.site.flows_classic.flow import FILE_KINDS
from autofiler.site.lists.classic_finder import find
from autofiler.site.maps.resolve import ClassicSite
from autofiler.site.session.classic_session import open_classic


def dry_run_classic(settings: Any, site: ClassicSite, reporter: FilingDisplay, name: str,
                    values: dict[str, dict[str, Any]], spec_path: str, spec_id: object = None) -> int:
    from autofiler.store import Store

    with Store(settings.state_dir) as store, open_classic(settings, site) as session:
        found = find(session, store, name, spec_path, spec_id)
        if found.project_id and found.state not in site.map.editable_states:
            return left_alone(store, settings, site, reporter, name, found, digests_of(site, values), values)
        if found.note:
            reporter.say(found.note, "yellow")
        reporter.run.project_id = found.project_id
        if found.project_id:
            reporter.say(f"演练：使用已有项目 / dry run on project {found.project_id} ({found.label})")
        else:
            reporter.say(f"站点上没有“{name}”：演练新项目，不保存 / {NOT_ON_SITE}: a new project's editor is "
                         "filled, never saved")
        editor = checked_editor(session, site, reporter, values, found.project_id)
        problems = dry.fill_all(editor, site, values, reporter, existing=found.project_id is not None)
        dry.stop_on_fill(problems)
    reporter.say("演练结束：未保存、未提交 / dry run: nothing was saved or submitted")
    return 0


def plan_classic(settings: Any, site: ClassicSite, reporter: FilingDisplay, name: str,
                 values: dict[str, dict[str, Any]], spec_path: str, spec_id: object = None) -> bool:
    """Print per tab what submit would change; True when anything would. Changes nothing on the site."""
    from autofiler.store import Store

    user = settings.require_user()
    with Store(settings.state_dir) as store, open_classic(settings, site) as session:
        found = find(session, store, name, spec_path, spec_id)
        if found.note:
            reporter.say(found.note, "yellow")
        if found.project_id is None:
            reporter.say(f"站点上没有“{name}”：submit 将新建项目并填写全部页签 / {NOT_ON_SITE}: submit would "
                         "create the project and fill every tab")
            checked_editor(session, site, reporter, values, None)
            return True
        reporter.run.project_id = found.project_id
        if found.state not in site.map.editable_states:
            left_alone(store, settings, site, reporter, name, found, digests_of(site, values), values)
            return False
        reporter.say(f"项目 / project {found.project_id} ({found.label}): {name}")
        editor = checked_editor(session, site, reporter, values, found.project_id)
        record = store.filing_of_project(settings.site, user, found.project_id)
        hashes = store.module_hashes(record.id) if record else {}
        pending = False
        for tab in site.tabs:
            want = values.get(tab.key) or {}
            if not editor.shown(tab):
                if want:
                    pending = True
                    reporter.module(Outcome(tab.key, tab.label, "pending", notes=[dry.NOT_SHOWN]))
                continue
            diffs = dry.plan_tab(editor, tab, want)
            notes = []
            has_files = any(f.key in want and f.widget in FILE_KINDS for f in tab.fields)
            if not diffs and has_files and hashes.get(tab.key) not in (None, tab_digest(tab, want)):
                notes.append("文件内容在上次上传后有改动 / a file's content changed since it was uploaded")
            changed = bool(diffs or notes)
            pending = pending or changed
            reporter.module(Outcome(tab.key, tab.label, "pending" if changed else "unchanged", notes=notes))
            dry.say_changes(reporter, diffs)
        if not pending:
            reporter.say("站点上的内容与规格一致 / the site matches the spec", "green")
        return pending
