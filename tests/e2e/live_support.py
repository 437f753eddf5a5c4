"""Shared by the live-face plan, dry-run and closing tests: the mock with the examples' team members, a copy of
an example spec with its PDFs (optionally edited), and a command run in this process with its exit code."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from autofiler.errors import error_handler
from mock_site.launcher import DEMO_PI, launch

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "specs" / "live-2026"
STAFF = [("13800000011", "赵护士"), ("13800000022", "钱统计")]  # team members the examples pick


@pytest.fixture(scope="module")
def server():
    with launch("--fast") as mock:
        yield mock


@pytest.fixture
def live(server, pi_password):
    server.reset()
    for phone, name in STAFF:
        server.control("POST", "users", {"phone": phone, "password": "Staff@2025", "name": name,
                                         "institution": "示例医院", "role": "pi"})
    return server


def spec_copy(name: str, folder: Path, *edits: tuple[str, str]) -> Path:
    shutil.copytree(ROOT / "specs" / "files", folder / "files", dirs_exist_ok=True)
    target = folder / name
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    target.write_text(text, encoding="utf-8")
    return target


def run(command: Any, live, capsys, spec: Path, **kw: Any) -> tuple[int, str]:
    args = SimpleNamespace(spec=str(spec), site=live.url, user=DEMO_PI["phone"], selectors=None, dry_run=False,
                           yes=False, no_submit=False, detailed_exitcode=True, state_dir=None, config=None,
                           headed=False, verbose=0, browser_path=None, channel=None, slowmo=None, captcha_cmd=None)
    vars(args).update(kw)
    with error_handler() as code:
        code.append(command(args))
    out = capsys.readouterr()
    return code[0], out.out + out.err
