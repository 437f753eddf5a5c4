"""`autofiler submit` on the mock's live-2026 face (layui, server-rendered): the spec is filed tab by tab, read
back after a real reload and submitted; what the mock stored is compared with the spec by this test's own
comparison. A save that loses a field is caught by the read-back, which names the field."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from autofiler.forms import load as load_form
from autofiler.forms.conditions import holds
from autofiler.site.filing_display import STORED_OTHERWISE
from autofiler.spec import load_valid
from tests.site.filing_support import owned, run_cli, sha256, site_args
from tests.support import DEMO_PI, ROOT, MockServer

pytestmark = pytest.mark.e2e

EXAMPLES = sorted((ROOT / "specs" / "live-2026").glob("*.yaml"))
FORM = load_form("live-2026")
# team members the examples pick, made accounts of the demo institution so the dialog offers them
STAFF = [("13800000011", "赵护士"), ("13800000022", "钱统计")]


@pytest.fixture(scope="module")
def live():
    server = MockServer("--face", "live-2026", "--fast")
    yield server
    server.stop()


@pytest.fixture
def mock(live, monkeypatch):
    live.reset()
    for phone, name in STAFF:
        live.control("POST", "users", {"phone": phone, "password": "Staff@2025", "name": name,
                                       "institution": "示例医院", "role": "pi"})
    monkeypatch.setenv("AUTOFILER_PASSWORD", DEMO_PI["password"])
    return live


def in_folder(spec: Path, folder: Path) -> Path:
    """The spec with the example PDFs beside it, as a PI keeps them."""
    shutil.copytree(ROOT / "specs" / "files", folder / "files", dirs_exist_ok=True)
    target = folder / spec.name
    shutil.copyfile(spec, target)
    return target


def _plain(v: Any) -> Any:
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str):
        return v.strip()
    return v


def _item(x: Any, keys: list[str]) -> str:
    return repr(sorted((k, _plain(x.get(k))) for k in keys)) if isinstance(x, dict) else repr(_plain(x))


def _same(widget: str, want: Any, have: Any) -> bool:
    if isinstance(want, list) and isinstance(have, list) and widget in ("checkbox_group", "modal_pick"):
        if want and isinstance(want[0], dict) and have and not isinstance(have[0], dict):
            want = [w["name"] for w in want]  # a picked person stored by name
        keys = sorted(want[0]) if want and isinstance(want[0], dict) else []
        return sorted(_item(x, keys) for x in want) == sorted(_item(x, keys) for x in have)
    if widget in ("number", "decimal"):
        return float(want) == float(have) if have not in (None, "") else False
    if isinstance(want, dict) and isinstance(have, dict):
        return {k: _plain(v) for k, v in want.items()} == {k: _plain(v) for k, v in have.items()}
    if isinstance(want, list) and isinstance(have, list):
        return [_plain(x) for x in want] == [_plain(x) for x in have]
    return _plain(want) == _plain(have)


def stored_differences(project: dict[str, Any], spec: Path) -> list[str]:
    """Every value of the spec that the mock holds otherwise (files by name and content)."""
    values = load_valid(spec).spec.site_values()
    out = []
    for module_key, fields in values.items():
        module = FORM.module(module_key)
        assert module is not None
        stored = project["modules"].get(module_key) or {}
        for key, want in fields.items():
            f = module.field(key)
            twin_base = next((c for c in module.controls() if c.twin and c.twin.key == key), None)
            widget = f.widget if f else twin_base.widget if twin_base else "text"
            if widget in ("pdf", "file", "files"):
                wanted = sorted((Path(p).name, sha256(p)) for p in (want if isinstance(want, list) else [want]))
                have = sorted((x["name"], x["sha256"]) for x in project["attachments"].get(key, []))
                if wanted != have:
                    out.append(f"{module_key}.{key}: spec {wanted} stored {have}")
                continue
            if widget in ("repeat_group", "table") and f is not None:
                kinds = {c.key: c.widget for c in f.row_columns()}
                rows = stored.get(key) or []
                if len(rows) != len(want):
                    out.append(f"{module_key}.{key}: spec {len(want)} rows stored {len(rows)}")
                    continue
                for i, (w, h) in enumerate(zip(want, rows, strict=True)):
                    for col, v in w.items():
                        if kinds.get(col) in ("pdf", "file", "files"):
                            names = [x["name"] for x in project["attachments"].get(col, [])]
                            if Path(v).name not in names:
                                out.append(f"{module_key}.{key}[{i}].{col}: {Path(v).name} not stored")
                        elif not _same(kinds.get(col, "text"), v, h.get(col)):
                            out.append(f"{module_key}.{key}[{i}].{col}: spec {v!r} stored {h.get(col)!r}")
                continue
            if not _same(widget, want, stored.get(key)):
                out.append(f"{module_key}.{key}: spec {want!r} stored {stored.get(key)!r}")
    return out


def file_and_check(mock: MockServer, spec: Path, capsys) -> str:
    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(mock))
    assert code == 0, out
    projects = owned(mock)
    assert len(projects) == 1
    assert stored_differences(projects[0], spec) == []
    assert projects[0]["status"] == "academic_review"
    assert "已提交" in out and "学术审查中" in out
    return out


def tabs_shown(spec: Path) -> int:
    """How many tabs the spec's route shows (招募信息 only on some routes)."""
    values = load_valid(spec).spec.site_values()
    flat = {k: v for fields in values.values() for k, v in fields.items()}
    return sum(1 for m in FORM.modules if not m.visible_if or holds(m.visible_if, flat.get))


@pytest.mark.parametrize("spec", [pytest.param(s, id=s.stem) for s in EXAMPLES])
def test_example_live_specs_are_filed_read_back_and_submitted(mock, spec, tmp_path, capsys):
    copy = in_folder(spec, tmp_path)
    out = file_and_check(mock, copy, capsys)
    assert out.count("已保存并核对") == tabs_shown(spec)  # every tab shown was saved and read back
    code, again = run_cli(capsys, "submit", str(copy), "--yes", *site_args(mock))  # a re-run files nothing
    assert code == 0 and "nothing to do" in again, again
    assert len(owned(mock)) == 1


def test_a_save_that_loses_a_field_is_caught_by_the_read_back(mock, tmp_path, capsys):
    mock.control("POST", "faults", {"drop_field_rate": 1.0, "seed": 7})
    spec = in_folder(ROOT / "specs" / "live-2026" / "single-center.yaml", tmp_path)
    code, out = run_cli(capsys, "submit", str(spec), "--yes", *site_args(mock))
    assert code == 1, out
    assert STORED_OTHERWISE in out
    # the field named is one the mock really lost
    project = owned(mock)[0]
    lost = stored_differences(project, spec)
    assert lost, "the mock dropped nothing"
    labels = {c.label for m in FORM.modules for c in m.controls()}
    named = [line for line in out.splitlines() if "发送 / sent" in line]
    assert named and all(any(label in line for label in labels) for line in named)
    assert project["status"] == "draft"  # never submitted
