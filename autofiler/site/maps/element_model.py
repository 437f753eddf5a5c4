"""The typed site map of the Element family (a Vue + Element UI single-page app, or pages that look like one).

The map holds site knowledge only: addresses, the signals of the logged-in layout and of a rendered form, menu
and button texts, the UI library's classes, the shape of a save's answer, and per module the tab label and each
field's label and widget kind. Every optional key says the fallback the driver uses without it. `schema()` gives
the JSON Schema.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from autofiler.site.maps.model import InstitutionSearch

Widget = Literal["text", "textarea", "number", "date", "daterange", "radio", "select", "multiselect",
                 "institution", "table", "file", "files"]
CellWidget = Literal["text", "textarea", "number", "date", "daterange", "radio", "select", "multiselect",
                     "institution", "file"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _d(text: str) -> Any:
    return Field(description=text)


class SiteRoutes(_Strict):
    presets: dict[str, str] = Field(default_factory=dict, description="Named site addresses for --site.")
    login_path: str = _d("Address of the login page (a path; on hash routes the server redirects it).")
    project_id_pattern: str = _d("A regular expression whose group 1 is the project id in an address or link.")
    project_url: str = _d("The editor of a project; `{id}` is the project id.")
    project_tab_url: str | None = Field(None, description="The editor opened on one module's tab (`{id}`, "
                                        "`{module}`). Fallback: the editor is opened and the tab clicked.")
    progress_url: str = _d("The 备案进度 page of a project; `{id}` is the project id.")


class Layout(_Strict):
    logged_in: str = _d("A selector shown only on logged-in pages (the logged-in layout's menu): login is "
                        "judged by it, whatever the route scheme.")
    form_ready: str = _d("A selector shown once the editor has rendered the project's data (after a load or "
                         "a reload): the editor is judged and read only then.")
    busy: str | None = Field(None, description="A loading overlay: a list is read only once none shows. "
                             "Fallback: a list is read as soon as its table is there.")


class ElementUi(_Strict):
    """Class names and attributes of the UI library's widgets (Element UI 2.x)."""

    form_item: str = _d("One labelled item of a form.")
    form_item_label: str = _d("The label inside a form item (matched by its exact text).")
    form_item_error: str = _d("A form item's error text.")
    tab: str = _d("A tab title; matched by its text.")
    tab_active: str = _d("The class of the active tab title.")
    tab_key: str | None = Field(None, description="A key that opens a focused tab. Fallback: the tab is clicked.")
    pane: str = _d("A tab's content pane (all panes are in the page at once).")
    active_pane: str = _d("The shown pane.")
    button: str = _d("A button; matched by its text.")
    link: str | None = Field(None, description="A link styled as a button (opens a dialog). Fallback: `button`.")
    disabled_input: str = _d("An input of a disabled form.")
    message: str = _d("A short message pop-up (toast).")
    message_success: str = _d("The class of a success toast.")
    message_error: str = _d("The class of an error toast.")
    message_text: str = _d("The text inside a toast.")
    dialog: str = _d("A dialog (matched by its title).")
    dialog_body: str = _d("The body of a dialog.")
    message_box: str | None = Field(None, description="A confirmation box (确定/取消). Fallback: `dialog`.")
    message_box_text: str | None = Field(None, description="The question in a confirmation box. Fallback: "
                                         "the box's whole text.")
    input: str = _d("A text input.")
    textarea: str = _d("A multi-line text input.")
    number: str = _d("A number input's wrapper.")
    number_input: str = _d("The input inside a number input.")
    date_input: str = _d("The input of a date picker.")
    range_input: str = _d("One of the two inputs of a date range.")
    picker_panel: str = _d("A date picker's pop-up panel.")
    radio: str = _d("A radio option (its label).")
    radio_checked: str = _d("The chosen radio option.")
    radio_text: str = _d("The text of a radio option.")
    select_input: str = _d("The input of a select (read-only while closed; shows the chosen label).")
    select_filter: str = _d("The filter input of a multiple select.")
    select_tags: str = _d("The text of a chosen tag of a multiple select.")
    dropdown: str = _d("A select's pop-up list.")
    option: str = _d("An option of a pop-up list.")
    option_hover: str = _d("The highlighted option.")
    dropdown_empty: str = _d("The text of a list with no match.")
    table: str = _d("A data table.")
    table_header_cell: str = _d("A header cell of a table.")
    table_row: str = _d("A body row of a table.")
    table_empty: str = _d("The text of an empty table.")
    upload: str = _d("An upload control.")
    upload_input: str = _d("The file input an upload control owns.")
    upload_item: str = _d("One uploaded file in the list.")
    upload_item_done: str = _d("An uploaded file whose upload finished.")
    upload_item_name: str = _d("The file name of an uploaded file.")
    upload_item_delete: str = _d("The remove icon of an uploaded file.")
    menu_item: str = _d("An entry of the left menu (matched by its text from `menu`).")
    pagination_total: str = _d("The pager's count of all rows (共 N 条).")
    pagination_sizes: str = _d("The pager's page-size select.")
    pagination_next: str = _d("The pager's next button.")
    pager_active: str = _d("The pager's current page number.")
    timeline_item: str = _d("One entry of the 备案进度 timeline.")
    timeline_time: str = _d("The time of a timeline entry.")
    timeline_content: str = _d("The content of a timeline entry.")
    timeline_line: str = _d("A value line inside a timeline entry, reading `<label><separator><value>`.")
    line_separator: str = _d("The separator of a value line (timeline entry).")
    submit_check_line: str = _d("An entry of the 提交检查 dialog, reading `<module>：<field>、<field>`.")
    descriptions_label: str = _d("A label of a details block (备案进度).")
    descriptions_content: str = _d("The value next to a details label.")


class Login(_Strict):
    username: str = _d("Label of the account input.")
    password: str = _d("Label of the password input; the login page is the one showing it without the "
                       "logged-in layout.")
    button: str = _d("Text of the login button.")
    captcha: str | None = Field(None, description="Label of the captcha input. Fallback: no captcha.")
    captcha_image: str | None = Field(None, description="Selector of the captcha image. Fallback: no captcha.")
    profile_page: str | None = Field(None, description="Text of the page that asks to complete the profile "
                                     "before anything else. Fallback: not checked.")


class Menu(_Strict):
    quick_start: str = _d("Menu text of the page with the new-project button.")
    projects: str = _d("Menu text of the PI's project list.")
    subcenters: str | None = Field(None, description="Menu text of the sub-centre list. Fallback: not read.")
    profile: str | None = Field(None, description="Menu text of the profile page. Fallback: not used.")
    admin_accounts: str | None = Field(None, description="Menu text of the admin's accounts page. Fallback: "
                                       "account upload is not offered.")
    admin_review: str | None = Field(None, description="Menu text of the admin's review list. Fallback: the "
                                     "PI's list.")


class Buttons(_Strict):
    new_project: str = _d("Starts a new project.")
    save: str = _d("Saves the current module.")
    submit: str = _d("Submits the project.")
    confirm: str = _d("The affirmative answer of a confirmation box or dialog.")
    cancel: str | None = Field(None, description="The negative answer. Fallback: not used.")
    edit: str | None = Field(None, description="Opens a project for editing. Fallback: not used.")
    view: str | None = Field(None, description="Opens a project read-only. Fallback: not used.")
    progress: str | None = Field(None, description="Opens a project's progress. Fallback: its address.")
    search: str | None = Field(None, description="Searches the list by `project_list.name_filter`. Fallback: "
                               "every row is read and filtered here.")
    delete_row: str = _d("Deletes a table row.")
    upload: str | None = Field(None, description="An upload button's text. Fallback: the upload input.")
    logout: str | None = Field(None, description="Logs out. Fallback: not used.")


class Signals(_Strict):
    saved: str = _d("The toast after a successful save.")
    submitted: str = _d("The toast after a successful 提交 (a hint only: the project's state decides).")
    uploaded: str | None = Field(None, description="The toast after an upload. Fallback: the list item's state.")
    added: str | None = Field(None, description="The toast after adding an institution. Fallback: the dialog "
                              "closing.")
    session_expired: str | None = Field(None, description="The toast of an expired session. Fallback: the "
                                        "login page.")
    submit_check_title: str = _d("Title of the dialog 提交 opens when modules are incomplete.")
    unsaved_title: str | None = Field(None, description="Title of the unsaved-changes box. Fallback: any "
                                      "confirmation box.")


class ProjectList(_Strict):
    name_filter: str | None = Field(None, description="Label of the list's name filter. Fallback: every row "
                                    "is read and filtered here.")
    status_filter: str | None = Field(None, description="Label of the status filter. Fallback: not used.")
    page_size_option: str | None = Field(None, description="The largest page size option. Fallback: page "
                                         "after page at the site's size.")
    columns: dict[str, str] = _d("Header texts: project_name, status (needed), filing_no, project_type, "
                                 "updated_at, actions.")


class ListApi(_Strict):
    paths: dict[str, str] = _d("The JSON path per list (a `menu` key).")
    page_param: str = _d("The page number parameter.")
    size_param: str = _d("The page size parameter.")
    page_size: int = _d("The largest size the site accepts.")
    rows: str = _d("Where the rows are in the answer (dotted).")
    total: str = _d("Where the count of all rows is (dotted).")
    fields: dict[str, str] = _d("A row's key per column: id, project_name, status (needed), others optional.")

    @model_validator(mode="after")
    def _needed(self) -> ListApi:
        missing = [k for k in ("id", "project_name", "status") if k not in self.fields]
        if missing:
            raise ValueError(f"fields.{missing[0]} is missing")
        return self


class ProjectApi(_Strict):
    path: str = _d("The JSON of one project (`{id}`), as the editor fetches it.")
    state: str = _d("Its key holding the state label (a label of `states`).")


class SaveAnswer(_Strict):
    """The JSON a save or 提交 answers with. A refusal is any 4xx, or a 2xx whose `code` is not `ok` or whose
    `errors` list is not empty."""

    code: str | None = Field(None, description="The key of a result code. Fallback: no code; the status and "
                             "the errors list decide.")
    ok: Any = Field(0, description="The code of a success.")
    message: str = Field("message", description="The key of the site's message.")
    errors: str = Field("errors", description="The key of the list of field errors.")
    error_field: str = Field("field", description="A field error's key naming the field (`key[row].column`).")
    error_message: str = Field("message", description="A field error's key holding its message.")
    missing: str = Field("missing", description="The key of a refused 提交's list of incomplete modules.")
    missing_module: str = Field("module", description="An entry's key naming the module.")
    missing_fields: str = Field("fields", description="An entry's key listing the field labels.")


class Column(_Strict):
    key: str = _d("The spec key of the column.")
    label: str = _d("The column's header text.")
    widget: CellWidget = _d("The widget kind in a cell.")


class FieldMap(_Strict):
    key: str = _d("The spec key.")
    label: str = _d("The form item's label (exact text).")
    widget: Widget = _d("The widget kind.")
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


class ModuleMap(_Strict):
    key: str = _d("The module's spec key.")
    tab: str = _d("The tab title.")
    fields: tuple[FieldMap, ...] = _d("Fields in fill order: a field that reveals others comes first.")


class InstitutionDialog(_Strict):
    open: str = _d("Text of the link that opens the dialog (in a row, or under the table).")
    title: str = _d("The dialog's title.")
    name: str = _d("Label of the institution name.")
    province: str = _d("Label of the province select.")
    city: str = _d("Label of the city.")
    address: str = _d("Label of the address.")


class ProgressPage(_Strict):
    project_name: str = _d("Details label of the project name.")
    filing_no: str = _d("Details label of the filing number.")
    status: str = _d("Details label of the current state.")
    step: str = _d("Timeline line label of the step.")
    reviewer: str = _d("Timeline line label of the reviewer.")
    opinion: str = _d("Timeline line label of the opinion.")
    result: str = _d("Timeline line label of the result.")


class AdminAccounts(_Strict):
    result_columns: dict[str, str] = _d("Header texts of the upload's result table: row, name, result, note.")
    result_ok: tuple[str, ...] = _d("结果 texts meaning the account now exists.")


class ElementSiteMap(_Strict):
    """A site map of the Element family. `form` names the form generation, `family` the UI family."""

    form: Literal["sop-2020"] = Field("sop-2020", description="The form generation this site shows.")
    family: Literal["element"] = Field("element", description="The UI family.")
    version: int = Field(1, description="The site map format's version.")
    site: SiteRoutes = _d("Addresses of the site's pages.")
    layout: Layout = _d("How a page shows it is logged in, and that the editor has its data.")
    ui: ElementUi = _d("The UI library's classes.")
    login: Login = _d("The login form's labels and texts.")
    menu: Menu = _d("Left-menu texts.")
    buttons: Buttons = _d("Button texts.")
    signals: Signals = _d("Toast and dialog texts the driver waits for.")
    project_list: ProjectList = _d("The project list's filter and column texts.")
    list_api: ListApi | None = Field(None, description="The JSON behind the project lists. Fallback: the "
                                     "rendered list pages are read.")
    project_api: ProjectApi | None = Field(None, description="The JSON of one project: 提交 is judged by its "
                                           "state. Fallback: the list JSON, then the 备案进度 page.")
    save_answer: SaveAnswer = Field(default_factory=SaveAnswer, description="The shape of a save's answer.")
    progress_page: ProgressPage = _d("Labels of the 备案进度 page.")
    states: dict[str, str] = _d("State key -> the label the site shows (draft and returned are needed).")
    editable_states: tuple[str, ...] = Field(("draft", "returned"), description="States whose form can be "
                                             "edited; any other state after 提交 means it was taken.")
    en_twin_suffix: str = Field("", description="Label suffix of an English twin.")
    institution_search: InstitutionSearch | None = Field(None, description="The request of 单位名称's remote "
                                                         "search. Fallback: the matches the page lists.")
    institution_dialog: InstitutionDialog = _d("The unregistered-institution dialog.")
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
