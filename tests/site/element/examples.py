"""The multi-center example as values the driver types, and the checks of what the mock stored for them."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from autofiler.spec import load_valid
from tests.site.element.support import MAP, Editing
from tests.support import ROOT

MULTI = ROOT / "specs" / "multi-center.yaml"
MODULES = ("basic_info", "implementation", "research_content", "research_design", "recruitment",
           "other_registrations", "data_sharing")


def spec_values() -> dict[str, dict[str, Any]]:
    """The multi-center example as the driver types it; its unregistered unit keeps the dialog's details."""
    values = load_valid(MULTI).spec.site_values()
    raw = yaml.safe_load(MULTI.read_text(encoding="utf-8"))
    unit = raw["implementation"]["participating_units"][1]["institution"]
    assert isinstance(unit, dict)  # the example's second unit is the unregistered one
    values["implementation"]["participating_units"][1]["institution"] = unit
    return values


def plain(value: Any) -> Any:
    """A value as the mock stores it: an institution by its name, rows without their empty cells."""
    if isinstance(value, dict) and set(value) >= {"name", "province"}:
        return value["name"]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if v not in (None, "")}
    return value


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fill_and_save_everything(editing: Editing, values: dict[str, dict[str, Any]]) -> None:
    for module in MODULES:
        editing.fill_module(module, values[module])
        editing.save(module)
    editing.fill_module("attachments", values["attachments"])  # stored as soon as uploaded


def assert_stored(editing: Editing, values: dict[str, dict[str, Any]]) -> None:
    project = editing.stored()
    for module in MODULES:
        stored = project["modules"][module]
        for key, want in values[module].items():
            if MAP.module(module).field(key.removesuffix("_en")).readonly:
                continue
            assert plain(stored.get(key)) == plain(want), f"{module}.{key}"
    for key, want in values["attachments"].items():
        paths = want if isinstance(want, list) else [want]
        stored_files = sorted((f["name"], f["sha256"]) for f in project["attachments"].get(key, []))
        assert stored_files == sorted((Path(p).name, digest(p)) for p in paths), key


