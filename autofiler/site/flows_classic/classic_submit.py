"""提交 on a classic face, judged by the project's state: the confirm is answered if one appears, the answer is
judged as a save's is, a refusal is reported with the lines its dialog lists, and the project's state is read."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Response

from autofiler.errors import SiteError
from autofiler.site.flows_classic.classic_editor import ClassicEditor, SaveRefused, _is_post
from autofiler.site.lists import classic_list
from autofiler.site.policies import retry_busy
from autofiler.site.widgets_classic.context import exact

ANSWER_MS = 30_000


def state_of(editor: ClassicEditor, project_id: str) -> tuple[str | None, str]:
    """(state key, label) of a project, from the site's project list JSON; or from the editor when the site map
    has no such list: a form without 保存 is taken as submitted."""
    m = editor.map
    r = m.routes
    if not r.projects_json:
        editor.open(project_id)
        if editor.ctx.button(editor.page, m.buttons.save).count():
            return "draft", m.states.get("draft", "")
        return (m.submitted_states[0] if m.submitted_states else None), ""
    for row in classic_list.rows(editor.session):
        if row.id == str(project_id):
            return row.state, row.label
    raise SiteError(f"项目 {project_id} 不在项目列表中 / project {project_id} is not in the site's list")


def _submit_once(editor: ClassicEditor) -> Response:
    m, page = editor.map, editor.page
    seen: list[Response] = []

    def record(r: Response) -> None:
        if _is_post(r):
            seen.append(r)

    page.on("response", record)
    try:  # whichever comes first: a confirm to answer, or the answer itself shown as a message or dialog
        editor.ctx.click(editor.ctx.button(editor.pane(), m.buttons.submit))
        shown = page.locator(m.ui.dialog).filter(visible=True).or_(page.locator(m.ui.message).filter(visible=True))
        shown.first.wait_for(state="visible", timeout=ANSWER_MS)
    finally:
        page.remove_listener("response", record)
    if not seen:  # a confirm before anything was sent: answer it
        dialog = editor.ctx.dialog()
        with page.expect_response(_is_post, timeout=ANSWER_MS) as info:
            editor.ctx.click(editor.ctx.dialog_button(dialog, m.buttons.ok))
        return info.value
    return seen[0]


def submit(editor: ClassicEditor, project_id: str) -> tuple[str | None, str]:
    """提交 from the last tab shown; returns (state key, label) read after it."""
    editor.refuse_in_dry_run("提交")
    m = editor.map
    titles = editor.page.locator(m.ui.tab_title).filter(visible=True)
    last = titles.last
    if not re.search(r"(^|\s)" + re.escape(m.ui.tab_active.lstrip(".")) + r"(\s|$)", last.get_attribute("class") or ""):
        editor.ctx.click(last)
    try:
        retry_busy(lambda: editor.judge(_submit_once(editor), "提交"))
    except SaveRefused as e:
        dialog = editor.ctx.dialog()
        lines = [t.strip() for t in dialog.inner_text().splitlines() if t.strip()] if dialog.count() else []
        lines = [t for t in lines if not exact(m.buttons.ok).match(t)]
        raise SiteError(e.message + ("\n" + "\n".join(f"  {t}" for t in lines) if lines else ""),
                        hint="fill what the site lists in the spec and run submit again") from None
    key, label = state_of(editor, project_id)
    if key not in m.submitted_states:
        raise SiteError(f"提交后项目状态为 {label or key} / after 提交 the project is {label or key}, not submitted")
    return key, label


def summary(values: dict[str, dict[str, Any]], project_id: str, name: str, base_url: str) -> list[str]:
    return [f"项目 / project: {name}", f"站点 / site: {base_url}  编号 / id: {project_id}",
            "页签 / tabs: " + "、".join(values)]
