"""One project's 8-module editor: load it, read every pane in one call, fill a module, save it, submit.

All panes are in the DOM at once, so one reload after a save serves both the read-back of the module just saved
and the starting state of the next one. A load is a real one (a navigation that refetches, or a reload when the
address would not change the document), and the editor counts as loaded only once it shows the project's data
(the site map's `layout.form_ready`), never at the page's `load`: a single-page app fetches the project after.
A save is judged by its answer as the site map's `save_answer` describes it; 提交 by the project's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Response

from autofiler.errors import SessionExpired, SiteError
from autofiler.site import page_actions
from autofiler.site.compare import ABSENT, Diff, field_of
from autofiler.site.flows_element import save_answers
from autofiler.site.policies import SiteBusyError
from autofiler.site.session.site_session import Site
from autofiler.site.sitemap import Module
from autofiler.site.widgets_element import element_widgets


@dataclass
class Pane:
    """What one module's pane shows: values by key, keys not on the page, and table read errors."""

    values: dict[str, Any] = field(default_factory=dict)
    absent: set[str] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)
    widgets: dict[str, str] = field(default_factory=dict)
    found: bool = True


class SaveRejected(SiteError):
    """The site refused a save and named the fields (a 4xx, or a 200 whose body carries the errors)."""

    def __init__(self, message: str, errors: list[dict[str, str]]) -> None:
        super().__init__(message)
        self.errors = errors


class SubmitIncomplete(SiteError):
    """提交 opened the 提交检查 dialog: the lines name the incomplete modules and fields."""

    def __init__(self, message: str, lines: list[str]) -> None:
        super().__init__(message)
        self.lines = lines


def _is_post(r: Response) -> bool:
    return r.request.method == "POST" and r.request.resource_type in ("xhr", "fetch")


class Editor:
    def __init__(self, site: Site, project_id: str) -> None:
        self.site = site
        self.project_id = project_id
        self.map = site.map
        self.ui = site.map.ui
        self.ctx = element_widgets.Ctx(site.page, site.map)
        self.active_tab: str | None = None  # as last read or opened; a reload resets it

    @property
    def page(self):
        return self.site.page

    def path(self, tab: Module | None = None) -> str:
        if tab is not None and self.map.project_tab_url:
            return self.map.project_tab_url.format(id=self.project_id, module=tab.key)
        return self.map.project_url.format(id=self.project_id)

    def load(self, tab: Module | None = None, *, opened: bool = False) -> None:
        """Open (or reload) the editor, on `tab` where the site map knows how; read() says which tab is active
        and which module tabs it found. `opened`: the page was just navigated to the editor (新增 does that) and
        nothing was typed in it since, so it is read as it loads instead of being loaded twice."""
        self.active_tab = None
        if not opened:
            self.site.goto(self.path(tab))  # a real load, also where only the address's fragment changes
        self.wait_ready()

    def wait_ready(self) -> None:
        """Wait until the editor shows the project's data (the app may fetch it after the page's `load`)."""
        try:
            self.page.locator(self.map.layout.form_ready).filter(visible=True).first.wait_for(state="visible")
        except PlaywrightError:
            if self.site.on_login_page():
                raise SessionExpired("登录已过期 / the session expired while the editor loaded") from None
            raise SiteError(f"项目 {self.project_id} 的编辑页没有显示项目数据 / the editor of project "
                            f"{self.project_id} did not show the project's data ({self.page.url})",
                            hint="check layout.form_ready in the site map") from None

    def showing(self) -> bool:
        """Whether the page shows this project's editor now (its id in the address, the form rendered)."""
        return (self.map.project_id(self.page.url) == str(self.project_id)
                and self.page.locator(self.map.layout.form_ready).filter(visible=True).count() > 0)

    # reading ---------------------------------------------------------------------------------------------
    def _twins(self, module: Module) -> list[dict[str, Any]]:
        out = []
        for f in module.fields:
            out.append({"key": f.key, "label": f.label, "widget": f.widget,
                        "columns": [{"key": c.key, "label": c.label, "widget": c.widget} for c in f.columns]})
            if f.en_twin:
                out.append({"key": f.key + "_en", "label": self.map.twin_label(f), "widget": f.widget,
                            "columns": []})
        return out

    def read(self, modules: list[Module] | None = None, *, detect: bool = False) -> dict[str, Pane]:
        """Every listed module's pane, read in one call (hidden panes included)."""
        modules = list(modules or self.map.modules)
        arg = {"ui": element_widgets.ui_args(self.map), "detect": detect,
               "modules": [{"key": m.key, "tab": m.tab, "fields": self._twins(m)} for m in modules]}
        raw = self.page.evaluate(element_widgets.reader_js(), arg)
        self.active_tab = raw.pop("__active", None)
        return {k: Pane(v["values"], set(v["absent"]), v["errors"], v["widgets"], v["found"]) for k, v in raw.items()}

    # filling ---------------------------------------------------------------------------------------------
    def open(self, module: Module, *, discard: bool = False) -> None:
        """Make the module's tab active; `discard` answers the unsaved-changes box (dry runs leave edits)."""
        if self.active_tab == module.tab:
            return
        page_actions.open_tab(self.page, self.ui, module.tab, confirm_text=self.map.buttons.confirm if discard else None)
        self.active_tab = module.tab

    def pane(self) -> Locator:
        return page_actions.active_pane(self.page, self.ui)

    def editable(self) -> bool:
        btn = page_actions.button(self.pane(), self.ui, self.map.buttons.save).first
        return btn.count() > 0 and btn.is_enabled()

    def item(self, module: Module, key: str) -> Locator:
        f, twin = field_of(module, key)
        return page_actions.form_item(self.pane(), self.ui, self.map.twin_label(f) if twin else f.label).first

    def fill(self, module: Module, diffs: list[Diff], *, force_files: bool = False) -> None:
        """Fill the differing fields in site-map order; a twin not yet shown waits for the rest of the module."""
        now: list[Diff] = []
        later: list[Diff] = []
        for d in diffs:
            f, twin = field_of(module, d.key)
            if f.readonly:
                continue
            # a twin not shown yet appears once the field that reveals it has its value
            (later if twin and d.have is ABSENT else now).append(d)
        self._fill_run(module, now, force_files)
        self._fill_run(module, later, force_files)

    def _fill_run(self, module: Module, diffs: list[Diff], force_files: bool) -> None:
        """Consecutive plain widgets (texts, numbers, radios) go to the page in one call; the others one by one."""
        plain: list[Diff] = []
        for d in diffs:
            f, _ = field_of(module, d.key)
            if f.widget in element_widgets.PLAIN_KINDS and not (f.widget == "radio" and d.want is None):
                plain.append(d)
                continue
            self._fill_plain(module, plain, force_files)
            plain = []
            self._fill_one(module, d, self.item(module, d.key), force_files)
        self._fill_plain(module, plain, force_files)

    def _fill_plain(self, module: Module, diffs: list[Diff], force_files: bool) -> None:
        if not diffs:
            return
        items = []
        for d in diffs:
            f, twin = field_of(module, d.key)
            items.append((self.map.twin_label(f) if twin else f.label, f.widget, d.want))
        left = element_widgets.fill_plain(self.ctx, self.pane(), items)
        for d in diffs[left:] if left is not None else []:  # step by step from the first that did not take
            self._fill_one(module, d, self.item(module, d.key), force_files)

    def _fill_one(self, module: Module, d: Diff, item: Locator, force_files: bool) -> None:
        f, twin = field_of(module, d.key)
        label = self.map.twin_label(f) if twin else f.label
        have = None if d.have is ABSENT else d.have
        try:
            # A field revealed by one filled before it is waited for by the widget's own first action.
            element_widgets.fill(self.ctx, f.widget, item, d.want, have, field=f, force=force_files)
        except SessionExpired:
            raise
        except SiteError as e:
            raise SiteError(f"{module.tab} › {label}: {e.message}", hint=e.hint) from None
        except PlaywrightError:
            if item.count() == 0:
                raise SiteError(f"{module.tab}：页面上没有字段 {label} / the page does not show the field {label}",
                                hint="a field that depends on another appears only once that one has its value",
                                ) from None
            raise

    # saving ----------------------------------------------------------------------------------------------
    def save(self, module: Module) -> None:
        """Click 保存 and judge the site's answer: a refusal raises (with the field errors it names), a success
        waits for the page's own success signal (the page has then taken the answer in)."""
        with self.page.expect_response(_is_post) as info:
            page_actions.click(page_actions.visible_button(self.pane(), self.ui, self.map.buttons.save), self.ui)
        resp = info.value
        data = _json(resp)
        # An answer in the site's JSON came from the app, not from a redirect to the login page.
        if resp.status == 401 or (data is None and self.site.on_login_page()):
            raise SessionExpired(f"登录已过期 / the session expired while saving {module.tab}")
        answer = save_answers.judge(resp.status, data, self.map.save_answer)
        if answer.refused:
            message = answer.message or page_actions.response_message(resp) or f"HTTP {resp.status}"
            if resp.status >= 500:
                raise SiteBusyError(f"{module.tab} 保存失败 / saving failed: {message}")
            if answer.errors:
                raise SaveRejected(message, answer.errors)
            raise SiteError(f"{module.tab} 保存被拒绝 / the site refused the save: {message}")
        page_actions.wait_toast(self.page, self.ui, "success", self.map.signals.saved)

    # submitting ------------------------------------------------------------------------------------------
    def submit(self) -> None:
        """提交; a confirmation box is answered if one appears (never waited for), a refusal raises
        SubmitIncomplete with the site's list. Whether the site took it is the caller's to read from the
        project's state."""
        m, ui, page = self.map, self.ui, self.page
        posts: list[Response] = []

        def seen(r: Response) -> None:
            if _is_post(r):
                posts.append(r)

        box = page.locator(ui.message_box).filter(visible=True)
        check = page_actions.visible_dialog(page, ui, m.signals.submit_check_title)
        page.on("response", seen)
        try:
            page_actions.click(page_actions.visible_button(page, ui, m.buttons.submit), ui)  # toasts from here on
            # whichever the page shows first: the question, the check dialog, or a message about the answer
            check.or_(box).or_(page_actions.new_toast(page, ui)).first.wait_for(state="visible")
            if not posts and box.count() and not check.count():
                with page.expect_response(_is_post) as info:
                    page_actions.click(page_actions.visible_button(box.first, ui, m.buttons.confirm))
                posts.append(info.value)
        finally:
            page.remove_listener("response", seen)
        resp = posts[-1] if posts else None
        if resp is None:
            return
        if resp.status == 401:
            raise SessionExpired("登录已过期 / the session expired while submitting")
        answer = save_answers.judge(resp.status, _json(resp), m.save_answer)
        if answer.missing or check.count():
            lines = answer.missing or self._check_lines(check)
            raise SubmitIncomplete(answer.message or "提交检查未通过", lines)
        if answer.refused:
            kind = SiteBusyError if resp.status >= 500 else SiteError
            raise kind(f"提交失败 / submitting failed: {answer.message or f'HTTP {resp.status}'}")

    def _check_lines(self, check: Locator) -> list[str]:
        check.wait_for(state="visible")
        return [t.strip() for t in check.locator(self.ui.submit_check_line).all_inner_texts() if t.strip()]


def _json(resp: Response) -> Any:
    try:
        return resp.json()
    except Exception:  # noqa: BLE001 - not JSON
        return None
