"""The whole spec, and the values the site stores for it (`site_values`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import Field, PrivateAttr

from autofiler.spec.meta import Cond, SpecModel
from autofiler.spec.modules import (
    Attachments,
    BasicInfo,
    DataSharing,
    DateRange,
    Implementation,
    NewInstitution,
    OtherRegistrations,
    Recruitment,
    ResearchContent,
    ResearchDesign,
)


def _module(label: str, required: bool = True) -> Any:
    extra = {"x-label": label, "x-widget": "module"}
    return Field(... if required else None, title=label, description=label, json_schema_extra=extra)


class Spec(SpecModel):
    """A project to file: one model per module of the form, in the form's order."""

    basic_info: BasicInfo = _module("基本信息")
    implementation: Implementation = _module("实施信息")
    research_content: ResearchContent = _module("研究内容")
    research_design: ResearchDesign = _module("研究设计")
    recruitment: Recruitment = _module("招募信息")
    other_registrations: OtherRegistrations | None = _module("其他信息", required=False)
    data_sharing: DataSharing = _module("数据共享")
    attachments: Attachments = _module("相关附件")

    # The spec file's folder: attachment paths are relative to it.
    _base_dir: Path = PrivateAttr(default_factory=Path.cwd)
    # The top-level `site_project_id:` (the site's id of this project), outside the modules.
    _site_project_id: int | str | None = PrivateAttr(default=None)

    @property
    def form(self) -> str:
        return "sop-2020"

    @property
    def site_project_id(self) -> int | str | None:
        return self._site_project_id

    @property
    def project_name(self) -> str:
        return self.basic_info.project_name

    @property
    def publishes_to_chictr(self) -> bool:
        return self.basic_info.publish_to_chictr == "是"

    def attachment_path(self, relative: str) -> Path:
        return (self._base_dir / relative).resolve()

    def site_values(self) -> dict[str, dict[str, Any]]:
        """Values as the site stores them and the driver types them, per module, in form order.

        Fields the page does not show (a condition that does not hold, English twins while not published on
        ChiCTR) and absent optional fields are left out.
        """
        raw = {key: getattr(self, key) for key in type(self).model_fields}
        plain = {key: m.model_dump(exclude_none=True) if m is not None else {} for key, m in raw.items()}
        out: dict[str, dict[str, Any]] = {}
        for key, model in raw.items():
            if key == "attachments":
                continue
            values: dict[str, Any] = {}
            if model is not None:
                for name, info in type(model).model_fields.items():
                    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
                    value = getattr(model, name)
                    if value is None or value == []:
                        continue
                    if extra.get("x-twin") and not self.publishes_to_chictr:
                        continue
                    when = extra.get("x-shown-when")
                    if isinstance(when, str) and not Cond.parse(when).holds(key, plain):
                        continue
                    values[name] = _site_value(value)
            out[key] = values
        att = self.attachments
        out["attachments"] = {
            "protocol": str(self.attachment_path(att.protocol)),
            "informed_consent": str(self.attachment_path(att.informed_consent)),
            "other_files": [str(self.attachment_path(p)) for p in att.other_files or []],
        }
        return out


def _site_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, DateRange):
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, NewInstitution):
        return value.name  # the site shows and stores an institution by its name
    if isinstance(value, SpecModel):
        return {k: _site_value(v) for k, v in value if v is not None}
    if isinstance(value, list):
        return [_site_value(v) for v in value]
    return value

