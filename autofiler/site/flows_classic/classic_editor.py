"""The tabbed editor of a classic face: open a new draft or a project, open a tab, fill and read its fields,
save it and judge the save by its answer, reload it from the server."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Response, expect

from autofiler.errors import SessionExpired, SiteError
from autofiler.site.maps.resolve import SiteField, SiteTab
from autofiler.site.policies import SiteBusyError
from autofiler.site.session.classic_session import ClassicSession
from autofiler.site.widgets_classic import FAMILY
from autofiler.site.widgets_classic.context import SHORT_MS, Ctx, exact
from autofiler.site.widgets_classic.reading import read_fields

SAVE_MS = 30_000
SHOWN_MS = 5_000  # a field revealed by one filled before it
ABSENT = object()  # the field is not shown


@dataclass
class FieldError:
    name: str
    row: int | None
    message: str


class SaveRefused(SiteError):
    """The site refused a save: its message and the field errors it named."""

    def __init__(self, message: str, errors: list[FieldError]) -> None:
        super().__init__(message)
        self.errors = errors


def _is_post(r: Response) -> bool:
    return r.request.method == "POST" and r.request.resource_type in ("xhr", "fetch")


def answer_json(resp: Response) -> Any:
    try:
        return resp.json()
    except Exception:  # noqa: BLE001 - not JSON
        return None


class ClassicEditor:
    def __init__(self, session: ClassicSession) -> None:
        self.session = session
        self.map = session.smap
        self.page = session.page
        self.ctx = Ctx(self.page, self.map.ui, self.map.buttons, self.map.save_answer)
        self.dry_run = False  # set: 保存 and 提交 are refused here, whatever asks for them

    # opening -------------------------------------------------------------------------------------------
    def wait_ready(self) -> None:
        """The form is read only once the library rendered it; a trip to the login form is a lost session."""
        ready = self.page.locator(self.map.layout.form_ready).or_(self.page.locator(self.map.layout.login_form))
        ready.first.wait_for(state="attached")
        if self.session.on_login_page():
            raise SessionExpired("登录已过期 / the session expired while the editor opened")

    def open_new(self) -> None:
        """快速开始 → 新建医学研究, as a person starts a project."""
        self.session.goto(self.map.routes.home)
        link = self.page.locator("a, button").filter(has_text=exact(self.map.menu.new_project)).filter(visible=True)
        if link.count() == 0:  # not offered yet: 快速开始 opens it (a page, or a folded menu)
            self.session.menu("quick_start")
        self.ctx.click(link.first)
        self.page.locator(self.map.ui.tab_title).first.wait_for(state="attached")
        self.wait_ready()

    def open(self, project_id: str) -> None:
        self.session.goto(self.map.routes.project.format(id=project_id))
        self.wait_ready()

    def reload(self) -> None:
        """A real reload: the page is fetched again and shows what the server holds."""
        self.page.reload()
        self.wait_ready()

    @property
    def project_id(self) -> str | None:
        m = re.search(self.map.routes.project_id_pattern, self.page.url)
        return m.group(1) if m else None

    # tabs ------------------------------------------------------------------------------------------------
    def _title(self, tab: SiteTab) -> Locator:
        return self.page.locator(self.map.ui.tab_title).filter(has_text=exact(tab.label)).first

    def shown(self, tab: SiteTab) -> bool:
        title = self._title(tab)
        return title.count() > 0 and title.is_visible()

    def open_tab(self, tab: SiteTab) -> None:
        title = self._title(tab)
        active = re.compile(r"(^|\s)" + re.escape(self.map.ui.tab_active.lstrip(".")) + r"(\s|$)")
        if not active.search(title.get_attribute("class") or ""):
            self.ctx.click(title)
        expect(title).to_have_class(active, timeout=SHORT_MS)

    def pane(self) -> Locator:
        return self.page.locator(self.map.ui.tab_pane_shown).first

    # fields ----------------------------------------------------------------------------------------------
    def fill(self, tab: SiteTab, values: dict[str, Any], *, files: bool = True,
             problems: list[str] | None = None) -> None:
        """Fill the tab's fields the values name, in catalog order (a field that reveals others comes first).
        With `problems`, a field that cannot be filled is noted there and the next one is tried."""
        for f in tab.fields:
            try:
                self._fill_field(tab, f, values, files)
            except SiteError as e:
                if problems is None:
                    raise
                problems.append(e.message)

    def _fill_field(self, tab: SiteTab, f: SiteField, values: dict[str, Any], files: bool) -> None:
        if f.key not in values or (not files and f.widget in ("pdf", "file", "files")):
            return
        if not files and f.widget in ("repeat_group", "table") and any(
                c.widget in ("pdf", "file", "files") for c in f.columns):
            return
        item = self.ctx.item(self.pane(), f)
        try:
            item.wait_for(state="visible", timeout=SHOWN_MS)
        except PlaywrightError:
            raise SiteError(f"{tab.label} › {f.label}: 页面上没有这个字段 / the page does not show the field",
                            hint="a field appears only when the fields it depends on have their values",
                            ) from None
        try:
            FAMILY[f.widget].fill(self.ctx, item, f, values[f.key])
        except SiteError as e:
            raise SiteError(f"{tab.label} › {f.label}: {e.message}", hint=e.hint) from None
        except PlaywrightError as e:
            first = (str(e).strip().splitlines() or [type(e).__name__])[0]
            raise SiteError(f"{tab.label} › {f.label}: 页面操作失败 / a page action failed: {first}") from e
        except AssertionError as e:  # a widget's wait for the state it expects (an upload's name, a tick) ran out
            raise SiteError(f"{tab.label} › {f.label}: 页面没有按预期回应 / the page did not respond as expected "
                            "(the site may have refused it)") from e

    def read(self, tab: SiteTab, keys: list[str]) -> dict[str, Any]:
        """What the open tab shows for these fields; ABSENT for a field not shown. Found and read in one pass."""
        fields = [f for key in keys if (f := tab.field(key)) is not None]
        got = read_fields(self.ctx, self.pane(), fields, FAMILY)
        return {key: value if shown else ABSENT for key, (shown, value) in got.items()}

    # saving ----------------------------------------------------------------------------------------------
    def save(self, tab: SiteTab) -> None:
        """Click 保存 and judge the answer: code ok; a refusal (any 4xx, or 200 with an error code); 5xx busy."""
        self.refuse_in_dry_run("保存")
        button = self.ctx.button(self.pane(), self.map.buttons.save)
        with self.page.expect_response(_is_post, timeout=SAVE_MS) as info:
            self.ctx.click(button)
        self.judge(info.value, f"{tab.label} 保存")

    def refuse_in_dry_run(self, what: str) -> None:
        if self.dry_run:
            raise SiteError(f"演练中不会点击{what} / a dry run never clicks {what}")

    def judge(self, resp: Response, what: str) -> Any:
        a = self.map.save_answer
        data = answer_json(resp)
        if resp.status == 401:
            raise SessionExpired(f"登录已过期 / the session expired ({what})")
        if resp.status >= 500:
            raise SiteBusyError(f"{what}失败 / the site answered HTTP {resp.status}")
        body = data if isinstance(data, dict) else {}
        if resp.ok and body.get(a.code, a.ok) == a.ok:
            return body
        message = str(body.get(a.message) or f"HTTP {resp.status}")
        errors = [FieldError(str(e.get(a.error_field, "")), e.get("row"), str(e.get(a.error_message, "")))
                  for e in body.get(a.errors) or [] if isinstance(e, dict)]
        raise SaveRefused(f"{what}被拒绝 / the site refused it: {message}", errors)


def label_of(tab: SiteTab, error: FieldError) -> str:
    """A field error's label: the field (or row cell) whose control name it names."""
    base = re.sub(r"\[\d+\]", "", error.name)
    for f in tab.fields:
        if f.name == base:
            return f.label
        for c in f.columns:
            if c.name == base:
                row = f" 第{error.row + 1}行" if isinstance(error.row, int) else ""
                return f"{f.label}{row} {c.label}"
    return error.name or tab.label
