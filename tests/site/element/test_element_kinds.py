"""Every widget kind of the sop-2020 form driven by the Element family's own strategies on the genuine Vue 2.7 +
Element UI 2.15 face; each module saved, and the stored values read through
the mock's control API."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from mock_site.launcher import launch
from tests.site.element.examples import assert_stored, fill_and_save_everything, plain, spec_values
from tests.site.element.support import MAP, Editing, open_editor
from tests.support import ROOT

pytestmark = pytest.mark.e2e


def test_every_widget_kind_of_the_multi_center_example_is_stored(editing: Editing) -> None:
    """text, textarea, number, date, daterange, radio, select, multiselect, institution (a registered one and one
    added through its row's button), table rows, and single and multiple file uploads."""
    values = spec_values()
    fill_and_save_everything(editing, values)
    assert_stored(editing, values)
    assert editing.stored("implementation")["participating_units"][1]["institution"] == "某县人民医院"


def test_filled_values_survive_a_reload_and_read_back_from_their_chosen_state(editing: Editing) -> None:
    values = spec_values()
    for module in ("basic_info", "implementation", "research_content"):
        editing.fill_module(module, values[module])
        editing.save(module)
    editing.page.reload()
    editing.page.locator(MAP.ui.tab).first.wait_for()
    stored = editing.stored()["modules"]
    for module in ("basic_info", "implementation", "research_content"):
        for f in MAP.module(module).fields:
            if f.key in values[module]:
                assert plain(editing.read(module, f.key)) == plain(stored[module][f.key]), f"{module}.{f.key}"


def replace_and_delete_files(editing: Editing) -> None:
    files = ROOT / "specs" / "files"

    def stored_names(key: str) -> list[str]:
        return sorted(f["name"] for f in editing.stored()["attachments"].get(key, []))

    editing.fill("attachments", "protocol", str(files / "protocol.pdf"))
    editing.fill("attachments", "other_files", [str(files / "ethics-approval.pdf"), str(files / "drug-label.pdf")])
    assert stored_names("protocol") == ["protocol.pdf"]
    assert stored_names("other_files") == ["drug-label.pdf", "ethics-approval.pdf"]
    editing.fill("attachments", "protocol", str(files / "mc-protocol.pdf"))
    editing.fill("attachments", "other_files", [str(files / "drug-label.pdf"), str(files / "obs-protocol.pdf")])
    assert stored_names("protocol") == ["mc-protocol.pdf"]
    assert stored_names("other_files") == ["drug-label.pdf", "obs-protocol.pdf"]
    assert editing.read("attachments", "other_files") == ["drug-label.pdf", "obs-protocol.pdf"]


def test_uploads_replace_a_single_file_and_delete_the_stale_ones(editing: Editing) -> None:
    replace_and_delete_files(editing)


def test_uploads_replace_and_delete_on_the_hand_written_face_too(browser: Browser) -> None:
    with launch("--face", "sop-2020") as mock, open_editor(browser, mock) as editing:
        replace_and_delete_files(editing)
