"""What the classic family's submit, plan and dry run share: the run's settings and site map, a tab's
checkpoint, a project left alone because it was already submitted from this spec, and an editor opened only
after the site checks passed."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from autofiler.errors import SiteError
from autofiler.filing.element_filer import file_digest
from autofiler.site import prewrite
from autofiler.site.filing_display import FilingDisplay
from autofiler.site.flows_classic import checks
from autofiler.site.flows_classic.classic_editor import ClassicEditor
from autofiler.site.flows_classic.flow import FILE_KINDS
from autofiler.site.lists.classic_finder import Found
from autofiler.site.maps import resolve
from autofiler.site.maps.resolve import ClassicSite, SiteTab
from autofiler.site.session.classic_session import ClassicSession


def tab_digest(tab: SiteTab, want: dict[str, Any]) -> str:
    """The checkpoint of a tab: its values, with each file's content hash instead of its path."""
    from autofiler.store import content_hash

    def files(v: Any) -> Any:
        if isinstance(v, list):
            return [files(x) for x in v]
        return file_digest(v) if isinstance(v, str) and Path(v).is_file() else v

    value = {}
    for key, v in want.items():
        f = tab.field(key)
        if f is not None and f.widget in FILE_KINDS:
            v = files(v)
        elif f is not None and f.columns and isinstance(v, list):
            kinds = {c.key for c in f.columns if c.widget in FILE_KINDS}
            v = [{k: files(x) if k in kinds else x for k, x in r.items()} if isinstance(r, dict) else r for r in v]
        value[key] = v
    return content_hash(value)


def setup(args: Any, map_path: Path) -> tuple[Any, ClassicSite]:
    """The settings and the classic site map of a command whose spec is of a classic-family form."""
    from autofiler import config

    plain = copy.copy(args)
    plain.selectors = None  # the classic map is read here, not by the sop loader in config
    return config.resolve(plain), resolve.load(map_path)


def digests_of(site: ClassicSite, values: dict[str, dict[str, Any]]) -> dict[str, str]:
    return {t.key: tab_digest(t, values.get(t.key) or {}) for t in site.tabs}


def left_alone(store: Any, settings: Any, site: ClassicSite, reporter: FilingDisplay, name: str, found: Found,
               digests: dict[str, str], values: dict[str, dict[str, Any]]) -> int:
    """A project that cannot be edited now: nothing to do when this very spec filed and submitted it."""
    m, user = site.map, settings.require_user()
    pid = found.project_id
    assert pid is not None
    record = store.filing(settings.site, user, name)
    record = record if record and record.project_id == pid else store.filing_of_project(settings.site, user, pid)
    saved = store.module_hashes(record.id) if record else {}
    if found.state in m.submitted_states and saved and all(digests.get(k) == v for k, v in saved.items()) \
            and set(values) <= set(saved):
        reporter.say(f"已提交过，规格未变，无需操作 / already filed from this spec and submitted: {name} → "
                     f"{found.label} (project {pid}); nothing to do", "green")
        return 0
    raise SiteError(f"项目“{name}”（{pid}）当前状态为 {found.label}，不能修改 / project {pid} is {found.label} and "
                    "cannot be edited now",
                    hint="wait for the review to finish; a project returned for changes (退回修改) can be filed again")


def checked_editor(session: ClassicSession, site: ClassicSite, reporter: FilingDisplay,
                   values: dict[str, dict[str, Any]], project_id: str | None) -> ClassicEditor:
    """The editor opened (the project's, or a new project's, unsaved) after the site checks passed."""
    editor = ClassicEditor(session)
    if project_id:
        editor.open(project_id)
    else:
        editor.open_new()
    problems = checks.check(editor, site, values)
    prewrite.report(reporter, problems)
    prewrite.stop_on(problems)
    return editor
