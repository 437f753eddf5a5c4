"""The typed site map of a classic (server-rendered) face: routes, layout, texts, UI classes, tab and field overrides.

The site map holds site knowledge only (addresses, menu and button texts, the UI library's classes, the shape of a
save's answer). The form itself (tabs, fields, labels, control names, widgets) comes from the catalog of the map's
form generation; `tabs` only overrides what the site shows differently. Every optional key says the fallback the
driver uses without it. `schema()` gives the JSON Schema.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Family = Literal["classic", "element"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Routes(_Strict):
    login: str | None = Field(None, description="Path of the login page. Fallback: `home`; an anonymous visitor "
                                                "is shown the login form there.")
    home: str = Field("/", description="Path of the logged-in start page.")
    project: str = Field(description="The editor of a project; `{id}` is the project id.")
    project_id_pattern: str = Field(description="A regular expression whose group 1 is the project id in an "
                                                "editor's address.")
    projects_json: str | None = Field(None, description="JSON list of the account's projects, read to judge "
                                      "提交 by the project's state. Fallback: submitted when the reloaded editor "
                                      "no longer offers 保存.")
    projects_rows: str = Field("data", description="Where the rows are in that JSON.")
    projects_id: str = Field("id", description="A row's project id key.")
    projects_state: str = Field("status_label", description="A row's state label key (a label of `states`).")
    projects_name: str = Field("project_name", description="A row's title key: a project is found by its title "
                                                           "when neither the spec nor this machine knows its id.")


class Layout(_Strict):
    logged_in: str = Field(description="A selector shown only on logged-in pages (the logged-in layout): login is "
                                       "judged by it, whatever the route scheme.")
    login_form: str = Field(description="A selector of the login form: its presence means the session is gone.")
    menu_item: str = Field(description="A selector of a menu entry (matched by its text from `menu`).")
    form_ready: str = Field(description="A selector present once the library has rendered the editor's form "
                                        "(after a load or reload): the form is read only then.")


class Login(_Strict):
    username: str = Field(description="The account input: a control name (`name:x`) or a label text.")
    password: str = Field(description="The password input: a control name (`name:x`) or a label text.")
    button: str = Field(description="The text of the login button.")
    captcha: str | None = Field(None, description="The captcha input (`name:x` or label). Fallback: no captcha.")
    captcha_image: str | None = Field(None, description="Selector of the captcha image. Fallback: no captcha.")
    profile_page: str | None = Field(None, description="Text of the page that asks to complete the profile first. "
                                                       "Fallback: not checked.")
    error: str | None = Field(None, description="Selector of the login error text. Fallback: the message pop-up.")


class Menu(_Strict):
    quick_start: str = Field(description="Menu text that leads to the new-project choices.")
    new_project: str = Field(description="Text of the entry (link or button) that starts a new project.")
    projects: str | None = Field(None, description="Menu text of the project list. Fallback: not used.")


class Buttons(_Strict):
    save: str = Field(description="Saves the current tab.")
    submit: str = Field(description="Submits the project.")
    finish: str | None = Field(None, description="Completes a filing step the way 提交 does; never clicked by a "
                                                 "survey. Fallback: none.")
    next: str | None = Field(None, description="Goes to the next tab. Fallback: the tab title is clicked.")
    answer_yes: str = Field("是", description="Text of the affirmative answer in a confirm dialog.")
    answer_no: str = Field("否", description="Text of the negative answer in a confirm dialog.")
    ok: str = Field("确定", description="Text of the OK button of a selection dialog.")
    add_row: str = Field(description="Adds a row to a repeating group (a field's add_button wins).")
    delete_row: str = Field(description="Deletes a row of a repeating group (a field's delete_button wins).")
    search: str | None = Field(None, description="Search button of a selection dialog. Fallback: Enter in the "
                                                 "search box.")
    remove_pick: str | None = Field(None, description="Removes a picked item from a selection table. Fallback: "
                                                      "surplus picks are reported, not removed.")


class UiEvents(_Strict):
    """Declared behaviour: which of the library's widgets answer an event dispatched by script as they answer a
    person (its listeners sit on the elements or their list, and do not ask where the pointer is). Each key left
    out means the driver works that widget with the pointer, as a person does."""

    option: str | None = Field(None, description="The event an option of a chooser answers while the chooser is "
                                                 "closed (`click`): the option is chosen without opening the list "
                                                 "and waiting for its animation. Fallback: open the chooser, wait "
                                                 "until its list has finished appearing, click the option.")
    calendar: str | None = Field(None, description="The event the date panel's arrows and day cells answer "
                                                   "(`click`): the panel is stepped to the month and the day "
                                                   "chosen in one go. Fallback: each arrow clicked in turn.")
    box: str | None = Field(None, description="The event a styled radio or checkbox box answers (`click`). "
                                              "Fallback: the box is clicked.")
    text: tuple[str, ...] = Field((), description="Events a text input reacts to as to typing (`input`, "
                                                  "`change`): its value is set by script, then these are sent. "
                                                  "Fallback: the text is typed into the input.")


class ClassicUi(_Strict):
    """Class names and attributes of the UI library's widgets (layui on the mock)."""

    form: str = Field(description="The form element holding the named controls.")
    form_item: str = Field(description="One labelled item of the form.")
    form_item_label: str = Field(description="The label inside a form item.")
    required_mark: str | None = Field(None, description="A mark some labels start with (`*`), ignored when a "
                                                        "label is matched. Fallback: labels match exactly.")
    button: str = Field(description="A button; matched by its text.")
    tab_title: str = Field(description="A tab title; matched by its text or its `lay-id`.")
    tab_active: str = Field(description="The class of the active tab title.")
    tab_pane: str = Field(description="A tab's content pane.")
    tab_pane_shown: str = Field(description="The shown pane.")
    select_box: str = Field(description="The chooser rendered after a native select.")
    select_title: str = Field(description="The chooser's clickable title input.")
    select_option: str = Field(description="An option of an open chooser.")
    select_option_value: str = Field("lay-value", description="The attribute holding an option's value.")
    select_open: str = Field(description="The class of an open chooser.")
    radio_box: str = Field(description="A styled radio rendered after its input.")
    checkbox_box: str = Field(description="A styled checkbox rendered after its input.")
    date_panel: str = Field(description="The date picker's panel (attached to body).")
    date_prev_year: str = Field(description="The panel's previous-year arrow.")
    date_next_year: str = Field(description="The panel's next-year arrow.")
    date_prev_month: str = Field(description="The panel's previous-month arrow.")
    date_next_month: str = Field(description="The panel's next-month arrow.")
    date_month_header: str = Field(description="The header element whose `date_month_attr` reads YYYY-M.")
    date_month_attr: str = Field("lay-ym", description="The attribute of the month header reading YYYY-M.")
    date_day_attr: str = Field("lay-ymd", description="A day cell's attribute reading YYYY-M-D.")
    date_day_outside: str = Field(description="Classes of day cells of the neighbouring months.")
    dialog: str = Field(description="A dialog layer (confirm, selection).")
    dialog_button: str = Field(description="A button of a dialog's button bar; matched by its text.")
    message: str = Field(description="A short message pop-up (save results, errors).")
    repeat_row: str = Field(description="One row of a repeating group.")
    table_row: str = Field(description="A body row of a data table (selection dialogs, picked items).")
    table_header: str = Field(description="A header cell of a data table.")
    table_check: str = Field(description="A row's tick box in a selection table.")
    search_input: str = Field(description="The search box of a selection dialog.")
    suggestion: str = Field(description="One item of an autocomplete suggestion list.")
    suggestion_value: str | None = Field(None, description="The attribute holding an item's value. Fallback: "
                                                           "the item's whole text.")
    upload_input: str = Field(description="The file input an upload button owns.")
    upload_name: str = Field(description="Where a field shows the name of its uploaded file.")
    field_error: str | None = Field(None, description="A field's inline error text. Fallback: errors are taken "
                                                      "from the save's answer only.")
    fixed_bars: str | None = Field(None, description="Bars the layout keeps fixed over the page (header, footer): "
                                                     "a control is brought into view clear of them. Fallback: a "
                                                     "control is brought to a third of the window's height.")
    events: UiEvents = Field(default_factory=UiEvents, description="Which widgets answer events sent by script.")


class SaveAnswer(_Strict):
    """The JSON a save (or submit) answers with."""

    code: str = Field("code", description="The key of the result code.")
    ok: Any = Field(0, description="The code of a success; any other code is a refusal.")
    message: str = Field("msg", description="The key of the site's message.")
    errors: str = Field("errors", description="The key of the list of field errors.")
    error_field: str = Field("name", description="A field error's key naming the control.")
    error_message: str = Field("msg", description="A field error's key holding its message.")


class Pick(_Strict):
    """How a selection dialog fills a field's table."""

    open: str = Field(description="Text of the button in the form item that opens the dialog.")
    search_column: str = Field(description="Header text of the column the wanted value is found in.")
    columns: dict[str, str] = Field(default_factory=dict, description="Row values: spec key -> header text. "
                                    "Empty: the field is a list of `search_column` values.")


class FieldOverride(_Strict):
    label: str | None = Field(None, description="The label the site shows. Fallback: the catalog's.")
    name: str | None = Field(None, description="The control name. Fallback: the catalog's; the name wins over "
                                               "the label when both are known.")
    widget: str | None = Field(None, description="The widget kind. Fallback: the catalog's.")
    pick: Pick | None = Field(None, description="For a selection dialog field.")
    skip: bool = Field(False, description="Not shown on this site: never filled or read.")


class TabOverride(_Strict):
    address: str | None = Field(None, description="The tab's address (hash). Fallback: the catalog's `tab`.")
    label: str | None = Field(None, description="The tab title. Fallback: the catalog module's label.")
    fields: dict[str, FieldOverride] = Field(default_factory=dict, description="Per field (or twin) key: what "
                                             "differs from the catalog.")


class InstitutionSearch(_Strict):
    """The request the participating unit's 机构名称 autocomplete sends: a GET whose JSON lists the matches."""

    url: str = Field(description="Path of the search; `{q}` is the typed text (URL-encoded).")
    rows: str = Field("", description="Where the rows are in the JSON answer. Fallback: the answer is the list.")
    name: str = Field("name", description="A row's institution name key.")
    province: str = Field("province", description="A row's province key.")
    city: str = Field("city", description="A row's city key.")


class ClassicSiteMap(_Strict):
    """A site map of a classic face. `form` names the form generation, `family` the UI family."""

    form: str = Field(description="The form generation this site shows (a catalog under autofiler/forms).")
    family: Family = Field(description="The UI family: classic (server-rendered, jQuery-era widgets) or element.")
    version: int = Field(1, description="The site map format's version.")
    presets: dict[str, str] = Field(default_factory=dict, description="Named site addresses for --site.")
    routes: Routes = Field(description="Addresses of the site's pages and JSON.")
    layout: Layout = Field(description="How a page shows it is logged in, a login form, a menu, a ready form.")
    login: Login = Field(description="The login form's controls and texts.")
    menu: Menu = Field(description="Menu texts.")
    buttons: Buttons = Field(description="Button texts.")
    ui: ClassicUi = Field(description="The UI library's classes and attributes.")
    save_answer: SaveAnswer = Field(default_factory=SaveAnswer, description="The shape of a save's JSON answer.")
    states: dict[str, str] = Field(default_factory=dict, description="State key -> label the site shows.")
    editable_states: tuple[str, ...] = Field(("draft", "returned"), description="States whose form can be edited.")
    submitted_states: tuple[str, ...] = Field(description="States that mean the project was submitted.")
    tabs: dict[str, TabOverride] = Field(default_factory=dict, description="Per module key: what differs from "
                                         "the catalog, and the pick dialogs.")
    institution_search: InstitutionSearch | None = Field(None, description="The institution search the unit "
                                                         "autocomplete uses. Fallback: units are not looked up "
                                                         "before filing, and `autofiler institutions` says so.")


def schema() -> dict[str, Any]:
    return ClassicSiteMap.model_json_schema()
