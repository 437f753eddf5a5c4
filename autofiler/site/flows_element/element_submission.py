"""提交: the summary shown before asking, the click (with its message box, where the site asks), and the state the
server holds after: submitted means the project's state says so, not a toast or a page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from autofiler.errors import SiteError
from autofiler.site.filing_display import FilingDisplay, Outcome
from autofiler.site.flows_element.element_editor import Editor, SubmitIncomplete
from autofiler.site.lists import element_projects
from autofiler.site.policies import SiteBusyError, keep_evidence, retry_busy
from autofiler.site.session.site_session import Site


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


def taken(site: Site, project_id: str) -> tuple[str | None, str]:
    """The project's state as the server holds it: (state key, label)."""
    label = element_projects.state_label(site, project_id) or ""
    return site.map.state_key(label), label


def _submit_until_taken(editor: Editor) -> tuple[str | None, str]:
    """提交 until the project's state says the site took it. After a 5xx the state is read first: a project no
    longer editable was taken after all (a second 提交 would be refused); else the editor is loaded and 提交
    clicked again, as often as busy answers are retried. A 200 that leaves the project editable is reported,
    not taken for a success."""
    site, pid = editor.site, editor.project_id

    def once() -> tuple[str | None, str]:
        try:
            editor.submit()
        except SiteBusyError:
            key, label = taken(site, pid)
            if key is not None and key not in site.map.editable_states:
                return key, label
            raise
        key, label = taken(site, pid)
        if key in site.map.editable_states:
            raise SiteError(f"提交后项目仍为“{label}” / after 提交 the project is still {label}: the site did not "
                            "take it", hint="open the project in a browser to see what the site says")
        return key, label

    return retry_busy(once, before_retry=editor.load)


def submit(site: Site, project_id: str, reporter: FilingDisplay) -> tuple[str | None, str]:
    """Click 提交 (answering a confirmation if one appears); returns (state key, label) as the server holds them."""
    editor = Editor(site, project_id)
    site.trace.begin("submit")
    try:
        if not editor.showing():
            editor.load()  # the filing ends on the freshly reloaded editor; anything else is loaded
        try:
            key, label = _submit_until_taken(editor)
        except SubmitIncomplete as e:
            raise SiteError(
                "提交检查未通过，以下字段缺失 / the site's submit check lists missing fields:\n"
                + "\n".join(f"  {line}" for line in e.lines or [e.message]),
                hint="fill them in the spec and run submit again",
            ) from None
    except Exception:
        keep_evidence(site, "submit", lambda t: reporter.say(t, "red"))
        raise
    site.trace.end(None)
    return key, label
