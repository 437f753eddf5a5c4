"""Helpers for the filing e2e tests: run the CLI in-process, read what the mock stored, compare with a spec."""

from __future__ import annotations

import hashlib
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from autofiler.main import main
from autofiler.site import sitemap
from autofiler.site.compare import expected, normal
from autofiler.spec import load_valid
from tests.support import DEMO_PI, ROOT, MockServer

SPECS = sorted((ROOT / "specs").glob("*.yaml"))
MULTI = ROOT / "specs" / "multi-center.yaml"
SINGLE = ROOT / "specs" / "single-center.yaml"
MAP = sitemap.load()


def site_args(mock: MockServer, user: str = DEMO_PI["phone"]) -> list[str]:
    return ["--site", mock.url, "--user", user]


def run_cli(capsys, *argv: str) -> tuple[int, str]:
    """autofiler in this process; returns the exit code and everything it printed."""
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def copy_spec(spec: Path, folder: Path) -> Path:
    """A copy of a spec with its PDFs, so that a test may edit it."""
    shutil.copytree(spec.parent / "files", folder / "files", dirs_exist_ok=True)
    target = folder / spec.name
    shutil.copyfile(spec, target)
    return target


def edit_spec(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def owned(mock: MockServer, user: str = DEMO_PI["phone"]) -> list[dict[str, Any]]:
    return [p for p in mock.projects() if p["owner"] == user]


def sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def mismatches(project: dict[str, Any], spec: Path) -> list[str]:
    """Every field and attachment where the mock's stored project differs from the spec (empty: all equal)."""
    values = load_valid(spec).spec.site_values()
    out = []
    for module in MAP.modules:
        if module.key == "attachments":
            continue
        stored = project["modules"].get(module.key) or {}
        for key, want in expected(module, values.get(module.key) or {}).items():
            base = module.field(key[:-3]) if key.endswith("_en") else module.field(key)
            have = stored.get(key)
            if normal(base.widget, want, base.columns) != normal(base.widget, have, base.columns):
                out.append(f"{module.key}.{key}: spec {want!r} stored {have!r}")
    files = values["attachments"]
    for key, want in files.items():
        paths = want if isinstance(want, list) else [want]
        wanted = sorted((Path(p).name, sha256(p)) for p in paths)
        stored = sorted((f["name"], f["sha256"]) for f in project["attachments"].get(key, []))
        if wanted != stored:
            out.append(f"attachments.{key}: spec {wanted} stored {stored}")
    return out


@contextmanager
def after_saves(n: int, action):
    """Run `action()` right after the n-th successful module save of this process (a hook to time a fault)."""
    from autofiler.site.flows_element import element_editor

    original = element_editor.Editor.save
    count = {"saves": 0}

    def save(self, module):
        original(self, module)
        count["saves"] += 1
        if count["saves"] == n:
            action()

    element_editor.Editor.save = save
    try:
        yield count
    finally:
        element_editor.Editor.save = original
