"""`autofiler submit` for a spec whose site map is of the classic family: the store's bookkeeping around the
classic flow (the filing record, a checkpoint per tab read back equal to the spec), then 提交 as asked.

A project this machine remembers for the spec (by its project name) is opened by id while it is editable; one
already submitted from this same spec is left alone (exit 0, nothing to do)."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from autofiler.errors import SiteError
from autofiler.site.filing import file_digest
from autofiler.site.flows_classic.editor import ClassicEditor
from autofiler.site.flows_classic.flow import FILE_KINDS, ClassicFiler
from autofiler.site.flows_classic.session import open_classic
from autofiler.site.flows_classic.submit import state_of, submit, summary
from autofiler.site.maps import resolve
from autofiler.site.maps.resolve import ClassicSite, SiteTab
from autofiler.site.report import Reporter


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


def run_classic(args: Any, result: Any, map_path: Path, confirm: Callable[[str], bool]) -> int:
    from autofiler import config

    plain = copy.copy(args)
    plain.selectors = None  # the classic map is read here, not by the sop loader in config
    settings = config.resolve(plain)
    site = resolve.load(map_path)
    spec = result.spec
    reporter = Reporter(settings.verbosity)
    if args.dry_run:
        reporter.say("演练：此站点地图的表单不支持演练，未打开浏览器 / dry run: not supported on this face yet; "
                     "nothing was done")
        return 0
    return file_classic(settings, site, reporter, spec.project_name, spec.site_values(),
                        str(getattr(result, "path", "")), yes=args.yes, no_submit=args.no_submit,
                        interactive=sys.stdin.isatty(), confirm=confirm,
                        project_id=getattr(spec, "site_project_id", None))


def file_classic(settings: Any, site: ClassicSite, reporter: Reporter, name: str,
                 values: dict[str, dict[str, Any]], spec_path: str, *, yes: bool, no_submit: bool,
                 interactive: bool, confirm: Callable[[str], bool], project_id: str | None = None) -> int:
    """File the values; `project_id` (the spec's own, when it names one) wins over the project remembered."""
    from autofiler.store import Store

    user = settings.require_user()
    m = site.map
    with Store(settings.state_dir) as store, store.lock(f"submit|{settings.site}|{user}|{name}"), \
            open_classic(settings, site) as session:
        record = store.filing(settings.site, user, name)
        project_id = str(project_id) if project_id else record.project_id if record else None
        digests = {t.key: tab_digest(t, values.get(t.key) or {}) for t in site.tabs}
        if project_id:
            key, label = state_of(ClassicEditor(session), project_id)
            if key not in m.editable_states:
                saved = store.module_hashes(record.id) if record and record.project_id == project_id else {}
                if key in m.submitted_states and saved and all(digests[k] == v for k, v in saved.items()) \
                        and set(values) <= set(saved):
                    reporter.say(f"已提交过，规格未变，无需操作 / already filed from this spec and submitted: {name} → "
                                 f"{label} (project {project_id}); nothing to do", "green")
                    return 0
                raise SiteError(f"项目“{name}”（{project_id}）当前状态为 {label}，不能修改 / project {project_id} is "
                                f"{label} and cannot be edited now")
            reporter.say(f"使用已有项目 / using project {project_id} ({label})")
            moved = record is not None and record.project_id != project_id
            record = store.save_filing(settings.site, user, name, project_id=project_id, status=key or label,
                                       spec_path=spec_path)
            if moved:
                store.forget_modules(record.id)  # checkpoints of another project do not count
        state: dict[str, Any] = {"record": record}

        def created(pid: str) -> None:
            state["record"] = store.save_filing(settings.site, user, name, project_id=pid, status="draft",
                                                spec_path=spec_path)
            store.forget_modules(state["record"].id)
            reporter.say(f"已新建项目 / created project {pid}")

        def checkpoint(tab_key: str, _want: dict[str, Any]) -> None:
            store.record_module(state["record"].id, tab_key, digests[tab_key])

        filer = ClassicFiler(session, site, values, reporter, project_id=project_id, created=created,
                             checkpoint=checkpoint)
        filer.run()
        pid = filer.project_id
        assert pid is not None
        if no_submit:
            reporter.say("已保存，未提交（--no-submit） / saved; not submitted (--no-submit)")
            return 0
        if not yes and not interactive:
            reporter.say("已保存，未提交：没有终端可确认，请加 --yes / saved; stopped before 提交 because there is "
                         "no terminal to confirm on (use --yes)")
            return 0
        for line in summary(values, pid, name, settings.site):
            reporter.say(line)
        if not yes and not confirm("现在提交备案？/ Submit now? [y/N] "):
            reporter.say("未提交 / not submitted")
            return 0
        key, label = submit(filer.editor, pid)
        store.save_filing(settings.site, user, name, status=key or label)
        reporter.say(f"已提交 / submitted: {name} → {label or key}", "green")
        return 0
