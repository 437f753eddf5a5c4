"""The part of an Element-family site map that describes the site's JSON: the project lists, one project, and
the answer of a save or 提交."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from autofiler.site.maps.element_base import Strict, doc


class ListApi(Strict):
    paths: dict[str, str] = doc("The JSON path per list (a `menu` key).")
    page_param: str = doc("The page number parameter.")
    size_param: str = doc("The page size parameter.")
    page_size: int = doc("The largest size the site accepts.")
    rows: str = doc("Where the rows are in the answer (dotted).")
    total: str = doc("Where the count of all rows is (dotted).")
    fields: dict[str, str] = doc("A row's key per column: id, project_name, status (needed), others optional.")

    @model_validator(mode="after")
    def _needed(self) -> ListApi:
        missing = [k for k in ("id", "project_name", "status") if k not in self.fields]
        if missing:
            raise ValueError(f"fields.{missing[0]} is missing")
        return self


class ProjectApi(Strict):
    path: str = doc("The JSON of one project (`{id}`), as the editor fetches it.")
    state: str = doc("Its key holding the state label (a label of `states`).")


class SaveAnswer(Strict):
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
