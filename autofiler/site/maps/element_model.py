"""The typed site map of the Element family (a Vue + Element UI single-page app, or pages that look like one).

The map holds site knowledge only: addresses, the signals of the logged-in layout and of a rendered form, menu
and button texts, the UI library's classes, the shape of a save's answer, and per module the tab label and each
field's label and widget kind. Every optional key says the fallback the driver uses without it. `schema()` gives
the JSON Schema. The UI library's classes are typed in element_classes, the site's JSON in element_answers.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from autofiler.site.maps.classic_model import InstitutionSearch
from autofiler.site.maps.element_answers import ListApi, ProjectApi, SaveAnswer
from autofiler.site.maps.element_base import Strict, doc
from autofiler.site.maps.element_classes import ElementUi

Widget = Literal["text", "textarea", "number", "date", "daterange", "radio", "select", "multiselect",
                 "institution", "table", "file", "files"]
CellWidget = Literal["text", "textarea", "number", "date", "daterange", "radio", "select", "multiselect",
                     "institution", "file"]


class SiteRoutes(Strict):
    presets: dict[str, str] = Field(default_factory=dict, description="Named site addresses for --site.")
    login_path: str = doc("Address of the login page (a path; on hash routes the server redirects it).")
    project_id_pattern: str = doc("A regular expression whose group 1 is the project id in an address or link.")
    project_url: str = doc("The editor of a project; `{id}` is the project id.")
    project_tab_url: str | None = Field(None, description="The editor opened on one module's tab (`{id}`, "
                                        "`{module}`). Fallback: the editor is opened and the tab clicked.")
    progress_url: str = doc("The 备案进度 page of a project; `{id}` is the project id.")


class Layout(Strict):
    logged_in: str = doc("A selector shown only on logged-in pages (the logged-in layout's menu): login is "
                        "judged by it, whatever the route scheme.")
    form_ready: str = doc("A selector shown once the editor has rendered the project's data (after a load or "
                         "a reload): the editor is judged and read only then.")
    busy: str | None = Field(None, description="A loading overlay: a list is read only once none shows. "
                             "Fallback: a list is read as soon as its table is there.")


class Login(Strict):
    username: str = doc("Label of the account input.")
    password: str = doc("Label of the password input; the login page is the one showing it without the "
                       "logged-in layout.")
    button: str = doc("Text of the login button.")
    captcha: str | None = Field(None, description="Label of the captcha input. Fallback: no captcha.")
    captcha_image: str | None = Field(None, description="Selector of the captcha image. Fallback: no captcha.")
    profile_page: str | None = Field(None, description="Text of the page that asks to complete the profile "
                                     "before anything else. Fallback: not checked.")


class Menu(Strict):
    quick_start: str = doc("Menu text of the page with the new-project button.")
    projects: str = doc("Menu text of the PI's project list.")
    subcenters: str | None = Field(None, description="Menu text of the sub-centre list. Fallback: not read.")
    profile: str | None = Field(None, description="Menu text of the profile page. Fallback: not used.")
    admin_accounts: str | None = Field(None, description="Menu text of the admin's accounts page. Fallback: "
                                       "account upload is not offered.")
    admin_review: str | None = Field(None, description="Menu text of the admin's review list. Fallback: the "
                                     "PI's list.")


class Buttons(Strict):
    new_project: str = doc("Starts a new project.")
    save: str = doc("Saves the current module.")
    submit: str = doc("Submits the project.")
    confirm: str = doc("The affirmative answer of a confirmation box or dialog.")
    cancel: str | None = Field(None, description="The negative answer. Fallback: not used.")
    edit: str | None = Field(None, description="Opens a project for editing. Fallback: not used.")
    view: str | None = Field(None, description="Opens a project read-only. Fallback: not used.")
    progress: str | None = Field(None, description="Opens a project's progress. Fallback: its address.")
    search: str | None = Field(None, description="Searches the list by `project_list.name_filter`. Not needed: "
                               "the driver reads the whole list (its JSON, else every page) and filters it.")
    delete_row: str = doc("Deletes a table row.")
    upload: str | None = Field(None, description="An upload button's text. Fallback: the upload input.")
    logout: str | None = Field(None, description="Logs out. Fallback: not used.")


class Signals(Strict):
    saved: str = doc("The toast after a successful save.")
    submitted: str = doc("The toast after a successful 提交 (a hint only: the project's state decides).")
    uploaded: str | None = Field(None, description="The toast after an upload. Fallback: the list item's state.")
    added: str | None = Field(None, description="The toast after adding an institution. Fallback: the dialog "
                              "closing.")
    session_expired: str | None = Field(None, description="The toast of an expired session. Fallback: the "
                                        "login page.")
    submit_check_title: str = doc("Title of the dialog 提交 opens when modules are incomplete.")
    unsaved_title: str | None = Field(None, description="Title of the unsaved-changes box. Fallback: any "
                                      "confirmation box.")


class ProjectList(Strict):
    name_filter: str | None = Field(None, description="Label of the list's name filter. Not needed: the whole "
                                    "list is read and filtered by the driver.")
    status_filter: str | None = Field(None, description="Label of the status filter. Fallback: not used.")
    page_size_option: str | None = Field(None, description="The largest page size option. Fallback: page "
                                         "after page at the site's size.")
    columns: dict[str, str] = doc("Header texts: project_name, status (needed), filing_no, project_type, "
                                 "updated_at, actions.")


class Column(Strict):
    key: str = doc("The spec key of the column.")
    label: str = doc("The column's header text.")
    widget: CellWidget = doc("The widget kind in a cell.")


class FieldMap(Strict):
    key: str = doc("The spec key.")
    label: str = doc("The form item's label (exact text).")
    widget: Widget = doc("The widget kind.")
    en_twin: bool = Field(False, description="An English twin follows, labelled label + `en_twin_suffix`.")
    readonly: bool = Field(False, description="Filled by the site itself: compared, never filled.")
    when: str | None = Field(None, description="A condition (the catalog grammar) under which it shows. "
                             "Fallback: always shown.")
    add_button: str | None = Field(None, description="Adds a row (tables, file lists).")
    columns: tuple[Column, ...] = Field((), description="A table's columns.")

    @model_validator(mode="after")
    def _table(self) -> FieldMap:
        if self.widget == "table" and (not self.columns or not self.add_button):
            raise ValueError(f"table {self.key} needs columns and add_button")
        return self


class ModuleMap(Strict):
    key: str = doc("The module's spec key.")
    tab: str = doc("The tab title.")
    fields: tuple[FieldMap, ...] = doc("Fields in fill order: a field that reveals others comes first.")


class InstitutionDialog(Strict):
    open: str = doc("Text of the link that opens the dialog (in a row, or under the table).")
    title: str = doc("The dialog's title.")
    name: str = doc("Label of the institution name.")
    province: str = doc("Label of the province select.")
    city: str = doc("Label of the city.")
    address: str = doc("Label of the address.")


class ProgressPage(Strict):
    project_name: str = doc("Details label of the project name.")
    filing_no: str = doc("Details label of the filing number.")
    status: str = doc("Details label of the current state.")
    step: str = doc("Timeline line label of the step.")
    reviewer: str = doc("Timeline line label of the reviewer.")
    opinion: str = doc("Timeline line label of the opinion.")
    result: str = doc("Timeline line label of the result.")


class AdminAccounts(Strict):
    result_columns: dict[str, str] = doc("Header texts of the upload's result table: row, name, result, note.")
    result_ok: tuple[str, ...] = doc("结果 texts meaning the account now exists.")


class ElementSiteMap(Strict):
    """A site map of the Element family. `form` names the form generation, `family` the UI family."""

    form: Literal["sop-2020"] = Field("sop-2020", description="The form generation this site shows.")
    family: Literal["element"] = Field("element", description="The UI family.")
    version: int = Field(1, description="The site map format's version.")
    site: SiteRoutes = doc("Addresses of the site's pages.")
    layout: Layout = doc("How a page shows it is logged in, and that the editor has its data.")
    ui: ElementUi = doc("The UI library's classes.")
    login: Login = doc("The login form's labels and texts.")
    menu: Menu = doc("Left-menu texts.")
    buttons: Buttons = doc("Button texts.")
    signals: Signals = doc("Toast and dialog texts the driver waits for.")
    project_list: ProjectList = doc("The project list's filter and column texts.")
    list_api: ListApi | None = Field(None, description="The JSON behind the project lists. Fallback: the "
                                     "rendered list pages are read.")
    project_api: ProjectApi | None = Field(None, description="The JSON of one project: 提交 is judged by its "
                                           "state. Fallback: the list JSON, then the 备案进度 page.")
    save_answer: SaveAnswer = Field(default_factory=SaveAnswer, description="The shape of a save's answer.")
    progress_page: ProgressPage = doc("Labels of the 备案进度 page.")
    states: dict[str, str] = doc("State key -> the label the site shows (draft and returned are needed).")
    editable_states: tuple[str, ...] = Field(("draft", "returned"), description="States whose form can be "
                                             "edited; any other state after 提交 means it was taken.")
    en_twin_suffix: str = Field("", description="Label suffix of an English twin.")
    institution_search: InstitutionSearch | None = Field(None, description="The request of 单位名称's remote "
                                                         "search. Fallback: the matches the page lists.")
    institution_dialog: InstitutionDialog = doc("The unregistered-institution dialog.")
    admin_accounts: AdminAccounts | None = Field(None, description="The admin's account upload page. "
                                                 "Fallback: account upload is not offered.")
    modules: tuple[ModuleMap, ...] = Field(min_length=1, description="The modules in tab order.")

    @model_validator(mode="after")
    def _states(self) -> ElementSiteMap:
        for key in ("draft", "returned"):
            if key not in self.states:
                raise ValueError(f"states.{key} is missing")
        return self


def schema() -> dict[str, Any]:
    """The JSON Schema of an Element-family site map."""
    return ElementSiteMap.model_json_schema()
