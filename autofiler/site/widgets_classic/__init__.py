"""The classic family's widget strategies (server-rendered forms, jQuery-era widgets): one per widget kind."""

from __future__ import annotations

from autofiler.site.strategy import WidgetStrategy
from autofiler.site.widgets_classic.choice import Checks, Select
from autofiler.site.widgets_classic.dates import Date, DateRange
from autofiler.site.widgets_classic.pdf_upload import Upload
from autofiler.site.widgets_classic.picks import Autocomplete, ModalPick
from autofiler.site.widgets_classic.rows import RepeatGroup
from autofiler.site.widgets_classic.text import Typed

_select = Select()
CELLS: dict[str, WidgetStrategy] = {
    "text": Typed(), "textarea": Typed(), "number": Typed(), "decimal": Typed(),
    "date": Date(), "daterange": DateRange(),
    "select": _select, "dependent_select": _select, "country": _select, "province": _select,
    "radio": Checks("radio", many=False), "checkbox_pair": Checks("checkbox", many=False),
    "checkbox_group": Checks("checkbox", many=True),
    "autocomplete": Autocomplete(), "institution": Autocomplete(),
    "modal_pick": ModalPick(), "pdf": Upload(), "file": Upload(), "files": Upload(),
}
FAMILY: dict[str, WidgetStrategy] = {**CELLS, "repeat_group": RepeatGroup(CELLS), "table": RepeatGroup(CELLS)}
