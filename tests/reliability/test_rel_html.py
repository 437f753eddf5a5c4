"""A spec whose texts look like HTML and script is filed for real: the site stores them literally, no script runs.

Every page the driver opens is watched for dialogs (an `alert` from an injected `<script>` or `onerror`).
"""

from __future__ import annotations

import pytest

from autofiler.site.session import site_session as session_mod
from tests.site.filing_support import run_cli, site_args
from tests.support import CHROMIUM, DEMO_PI
from trials import harness as H
from trials import specgen

pytestmark = pytest.mark.e2e

SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'
# module, field (or table, row, column), text
PLANTED = [
    ("basic_info", "project_name", f"利妥昔单抗研究{SCRIPT}（HTML 试验）"),
    ("basic_info", "filing_title", f"备案题目{IMG}'--"),
    ("research_content", "objectives", f"研究目的 {SCRIPT}\n第二行 {IMG} {{{{7*7}}}} ${{7*7}}"),
    ("research_content", ("outcomes", 0, "name"), f"<b onmouseover=alert(2)>缓解率</b>{IMG}"),
    ("data_sharing", "data_management", "</textarea><script>alert(3)</script>&amp;&lt;"),
    ("recruitment", "contact_name", "张<i>医生</i>"),
]


def plant(data: dict) -> None:
    for module, where, text in PLANTED:
        if isinstance(where, tuple):
            table, row, column = where
            data[module][table][row][column] = text
        else:
            data[module][where] = text


def watch(page, dialogs: list[str]) -> None:
    def seen(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()  # a listener must answer, or the page would wait

    page.on("dialog", seen)


def test_the_planted_texts_would_fire_dialogs_if_rendered_as_html():
    """The watch below can fail: rendered as markup, these texts do open dialogs."""
    # Our own short-lived Playwright, not pytest-playwright's session one, whose event loop would stay open and
    # stop the in-process CLI runs of later tests from starting Playwright's sync API.
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        watch(page, dialogs)
        for _, _, text in PLANTED:
            page.set_content(f"<div>{text}</div>")
        browser.close()
    assert len(dialogs) >= 3


def stored_at(project: dict, module: str, where) -> object:
    values = project["modules"][module]
    if isinstance(where, tuple):
        table, row, column = where
        return values[table][row][column]
    return values[where]


def test_html_looking_text_is_typed_and_stored_literally(mock, tmp_path, monkeypatch, capsys):
    data, _, _ = specgen.build(301, "html")
    data["basic_info"]["publish_to_chictr"] = "否"
    for module in data.values():
        for key in [k for k in module if k.endswith("_en")] if isinstance(module, dict) else []:
            del module[key]
    plant(data)
    spec = specgen.write(data, tmp_path, "html")
    name = data["basic_info"]["project_name"]

    dialogs: list[str] = []
    original = session_mod.Site.__init__

    def watched(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.context.on("page", lambda page: watch(page, dialogs))
        watch(self.page, dialogs)

    monkeypatch.setattr(session_mod.Site, "__init__", watched)
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(mock))
    assert code == 0, out
    assert dialogs == []  # no injected script ran on any page the driver opened

    [project] = H.named(mock, name)
    for module, where, text in PLANTED:
        assert stored_at(project, module, where) == text, (module, where)
    assert H.readback_diff(project, spec) == []
    assert project["status"] in H.SUBMITTED
