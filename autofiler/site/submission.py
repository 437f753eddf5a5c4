"""提交: the summary shown before asking, the click with its message box, and the state the site reports after."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from autofiler.errors import SiteError
from autofiler.site import projects
from autofiler.site.editor import Editor, SiteBusy, SubmitIncomplete
from autofiler.site.report import Outcome, Reporter, new_run_dir
from autofiler.site.session import Site

SUBMIT_TRIES = 3


def summary(site: Site, project_id: str, name: str, values: dict[str, dict[str, Any]],
            outcomes: list[Outcome]) -> list[str]:
    lines = [
        f"项目 / project: {name}",
        f"站点 / site: {site.base_url}  编号 / id: {project_id}",
        "模块 / modules: " + "、".join(f"{o.tab}({o.state})" for o in outcomes),
    ]
    for module in site.map.modules:
        for f in module.fields:
            if f.widget in ("file", "files"):
                value = (values.get(module.key) or {}).get(f.key)
                paths = value if isinstance(value, list) else [value] if value else []
                if paths:
                    lines.append(f"{f.label}: " + "、".join(Path(str(p)).name for p in paths))
    return lines


def _submit_until_taken(editor: Editor) -> None:
    """提交; after a 5xx, reload: a form that is no longer editable means the site took it after all (a
    second 提交 would be refused), else 提交 again, a bounded number of times."""
    for attempt in range(SUBMIT_TRIES):
        try:
            editor.submit()
            return
        except SiteBusy:
            if attempt == SUBMIT_TRIES - 1:
                raise
            editor.load()
            if not editor.editable():
                editor.site.goto(editor.map.progress_url.format(id=editor.project_id))
                return


def submit(site: Site, project_id: str, reporter: Reporter) -> tuple[str | None, str]:
    """Click 提交 and confirm; returns (state key, status label) from the 备案进度 page."""
    editor = Editor(site, project_id)
    site.trace.begin("submit")
    try:
        if urlsplit(site.page.url).path != urlsplit(site.url(editor.path())).path:
            editor.load()  # the filing ends on the freshly reloaded editor; anything else is loaded
        try:
            _submit_until_taken(editor)
        except SubmitIncomplete as e:
            raise SiteError(
                "提交检查未通过，以下字段缺失 / the site's submit check lists missing fields:\n"
                + "\n".join(f"  {line}" for line in e.lines or [e.message]),
                hint="fill them in the spec and run submit again",
            ) from None
        label = projects.status_from_progress(site) or ""
    except Exception:
        run_dir = new_run_dir(site.settings.state_dir)
        try:
            site.screenshot(run_dir / "submit.png")
            site.trace.end(run_dir / "submit-trace.zip")
        finally:
            reporter.say(f"  证据 / evidence: {run_dir}", "red")
        raise
    site.trace.end(None)
    return site.map.state_key(label), label
