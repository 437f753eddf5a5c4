"""The part of an Element-family site map that names the UI library's classes and attributes (Element UI 2.x)."""

from __future__ import annotations

from pydantic import Field

from autofiler.site.maps.element_base import Strict, doc


class ElementUi(Strict):
    """Class names and attributes of the UI library's widgets (Element UI 2.x)."""

    form_item: str = doc("One labelled item of a form.")
    form_item_label: str = doc("The label inside a form item (matched by its exact text).")
    form_item_error: str = doc("A form item's error text.")
    tab: str = doc("A tab title; matched by its text.")
    tab_active: str = doc("The class of the active tab title.")
    tab_key: str | None = Field(None, description="A key that opens a focused tab. Fallback: the tab is clicked.")
    pane: str = doc("A tab's content pane (all panes are in the page at once).")
    active_pane: str = doc("The shown pane.")
    button: str = doc("A button; matched by its text.")
    link: str | None = Field(None, description="A link styled as a button (opens a dialog). Fallback: `button`.")
    disabled_input: str = doc("An input of a disabled form.")
    message: str = doc("A short message pop-up (toast).")
    message_success: str = doc("The class of a success toast.")
    message_error: str = doc("The class of an error toast.")
    message_text: str = doc("The text inside a toast.")
    dialog: str = doc("A dialog (matched by its title).")
    dialog_body: str = doc("The body of a dialog.")
    message_box: str | None = Field(None, description="A confirmation box (确定/取消). Fallback: `dialog`.")
    message_box_text: str | None = Field(None, description="The question in a confirmation box. Fallback: "
                                         "the box's whole text.")
    input: str = doc("A text input.")
    textarea: str = doc("A multi-line text input.")
    number: str = doc("A number input's wrapper.")
    number_input: str = doc("The input inside a number input.")
    date_input: str = doc("The input of a date picker.")
    range_input: str = doc("One of the two inputs of a date range.")
    picker_panel: str = doc("A date picker's pop-up panel.")
    radio: str = doc("A radio option (its label).")
    radio_checked: str = doc("The chosen radio option.")
    radio_text: str = doc("The text of a radio option.")
    select_input: str = doc("The input of a select (read-only while closed; shows the chosen label).")
    select_filter: str = doc("The filter input of a multiple select.")
    select_tags: str = doc("The text of a chosen tag of a multiple select.")
    dropdown: str = doc("A select's pop-up list.")
    option: str = doc("An option of a pop-up list.")
    option_hover: str = doc("The highlighted option.")
    dropdown_empty: str = doc("The text of a list with no match.")
    table: str = doc("A data table.")
    table_header_cell: str = doc("A header cell of a table.")
    table_row: str = doc("A body row of a table.")
    table_empty: str = doc("The text of an empty table.")
    upload: str = doc("An upload control.")
    upload_input: str = doc("The file input an upload control owns.")
    upload_item: str = doc("One uploaded file in the list.")
    upload_item_done: str = doc("An uploaded file whose upload finished.")
    upload_item_name: str = doc("The file name of an uploaded file.")
    upload_item_delete: str = doc("The remove icon of an uploaded file.")
    menu_item: str = doc("An entry of the left menu (matched by its text from `menu`).")
    menu_item_current: str | None = Field(None, description="The entry of the page now shown (a single-page "
                                          "app does not navigate when it is clicked again). Fallback: every entry "
                                          "is clicked and a navigation awaited.")
    pagination_total: str = doc("The pager's count of all rows (共 N 条).")
    pagination_sizes: str = doc("The pager's page-size select.")
    pagination_next: str = doc("The pager's next button.")
    pager_active: str = doc("The pager's current page number.")
    timeline_item: str = doc("One entry of the 备案进度 timeline.")
    timeline_time: str = doc("The time of a timeline entry.")
    timeline_content: str = doc("The content of a timeline entry.")
    timeline_line: str = doc("A value line inside a timeline entry, reading `<label><separator><value>`.")
    line_separator: str = doc("The separator of a value line (timeline entry).")
    submit_check_line: str = doc("An entry of the 提交检查 dialog, reading `<module>：<field>、<field>`.")
    descriptions_label: str = doc("A label of a details block (备案进度).")
    descriptions_content: str = doc("The value next to a details label.")
