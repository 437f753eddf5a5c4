"""Hostile spec files through the CLI: `autofiler validate` and `autofiler submit --dry-run` (in this process).

Whatever the file holds (broken YAML, YAML tags and alias bombs, wrong types, huge strings, control characters,
HTML or script text, attachment paths outside the spec's folder, fake, empty, encrypted or oversized PDFs), the
command returns 0 or 1 with findings naming the field, never 3 (a crash) and never an exception. Nothing reaches a
browser: submit runs with `--browser-path /nonexistent`, so a spec that got past validation would end in a
browser error instead of a spec error.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autofiler.errors import UNEXPECTED
from autofiler.main import main
from tests.spec.pdfs import make_pdf
from trials.specgen import EXAMPLES, example

NO_BROWSER = "/nonexistent/chromium"
BROWSER_ERROR = "浏览器不存在"
SPEC_ERROR = re.compile(r"^\S+:\d+:\d+: error \[([\w-]+)\] ([\w.\[\]]+)", re.MULTILINE)
SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
BASE = example("single-center")

HOSTILE_TEXT = [
    "<script>alert('x')</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "{{7*7}}", "${7*7}",
    "'; DROP TABLE projects; --", "\u202eevil\u202c", "\x00", "\x07\x08\x1b[31mred", "a\r\nb\rc", "\ufeffbom",
    "A" * 100_000, "长" * 5_000, "../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\x.pdf",
    "files/../../outside.pdf", "~/.ssh/id_rsa", "file:///etc/passwd", "http://evil.example/x.pdf", "",
]
OUTSIDE_PATHS = ["../outside.pdf", "files/../../outside.pdf", "/etc/passwd", "{abs}", "~/outside.pdf",
                 "C:\\outside.pdf", "\\\\server\\share\\outside.pdf"]
RAW_YAML = [
    "basic_info: !!python/object/apply:os.system ['echo owned']\n",
    "basic_info: !!binary aGVsbG8=\n",
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\nbasic_info: {x: *f}\n"),
    "[" * 5000 + "]" * 5000 + "\n",
    "basic_info:\n\tproject_name: tab\n",
    "basic_info: {project_name: a, project_name: b}\n",
    "<<: {basic_info: 1}\n",
    "--- \n...\n--- \nbasic_info: 2\n",
    "basic_info:\n  project_name: \"unterminated\n",
]

wrong_types = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=True), st.dates(),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
hostile_values = st.one_of(st.sampled_from(HOSTILE_TEXT), wrong_types,
                           st.text(st.characters(max_codepoint=0x3000, blacklist_categories=("Cs",)), max_size=300))


def leaves(node: Any, prefix: tuple = ()) -> list[tuple]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in leaves(v, (*prefix, k))] or [prefix]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in leaves(v, (*prefix, i))] or [prefix]
    return [prefix]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[dict, list[tuple]]:
    """The single-centre example with 1 to 3 leaves replaced by hostile values; returns the changed paths."""
    data = copy.deepcopy(BASE)
    changed = []
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(leaves(data)))
        parent: Any = data
        for token in where[:-1]:
            parent = parent[token]
        parent[where[-1]] = draw(hostile_values)
        changed.append(where)
    return data, changed


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "outside.pdf").write_bytes(make_pdf("Outside"))  # a real PDF, just not in the spec's folder
    inner = root / "spec"
    shutil.copytree(EXAMPLES / "files", inner / "files")
    return inner


def cli(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def dry_run(capsys, path: Path) -> tuple[int, str]:
    return cli(capsys, "submit", str(path), "--dry-run", "--site", "http://127.0.0.1:9", "--user", "13800000000",
               "--browser-path", NO_BROWSER)


def assert_refused_offline(code: int, out: str) -> None:
    assert code in (0, 1), out[-2000:]
    assert "Traceback" not in out and UNEXPECTED not in out, out[-2000:]


def dotted(where: tuple) -> str:
    out = ""
    for token in where:
        out += f"[{token}]" if isinstance(token, int) else (f".{token}" if out else str(token))
    return out


def named_fields(out: str) -> set[str]:
    return {m.group(2) for m in SPEC_ERROR.finditer(out)}


def both_commands(capsys, path: Path, monkeypatch, tmp_path: Path) -> tuple[tuple[int, str], tuple[int, str]]:
    monkeypatch.setenv("AUTOFILER_PASSWORD", "Fuzz@2025")
    checked = cli(capsys, "validate", str(path))
    assert_refused_offline(*checked)
    submitted = dry_run(capsys, path)
    assert_refused_offline(*submitted)
    assert submitted[0] == 1  # a bad spec, or a good one that met the missing browser
    assert not any((tmp_path / "state" / "logs").glob("bug-report-*")), "a bug report was written"
    return checked, submitted


@SETTINGS
@given(case=mutated())
def test_hostile_values_are_findings_that_name_the_field(case, folder, capsys, monkeypatch, tmp_path):
    data, changed = case
    path = folder / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (code, out), (_, dry) = both_commands(capsys, path, monkeypatch, tmp_path)
    if code == 0:
        assert BROWSER_ERROR in dry  # validation passed: only the (missing) browser stopped the run
        return
    assert BROWSER_ERROR not in dry  # refused as a spec, before any browser
    named = named_fields(out)
    assert named, out[-2000:]
    wanted = {dotted(where) for where in changed}
    # a finding names a changed field, or the table row or module that holds it
    assert any(n == w or w.startswith(n) or n.startswith(w) for n in named for w in wanted), \
        f"changed {sorted(wanted)}, named {sorted(named)}"


@SETTINGS
@given(text=st.one_of(st.sampled_from(RAW_YAML), st.text(max_size=400),
                      st.binary(max_size=400).map(lambda b: b.decode("latin-1"))))
def test_broken_yaml_is_a_finding_not_a_crash(text, folder, capsys, monkeypatch, tmp_path):
    path = folder / "raw.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    (code, _), (_, dry) = both_commands(capsys, path, monkeypatch, tmp_path)
    assert code == 1
    assert BROWSER_ERROR not in dry


@pytest.mark.parametrize("where", OUTSIDE_PATHS)
def test_an_attachment_outside_the_spec_folder_is_refused_by_name(where, folder, capsys, monkeypatch, tmp_path):
    data = copy.deepcopy(BASE)
    data["attachments"]["protocol"] = where.replace("{abs}", str(folder.parent / "outside.pdf"))
    path = folder / "outside.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (code, out), (_, dry) = both_commands(capsys, path, monkeypatch, tmp_path)
    assert code == 1
    assert "attachments.protocol" in named_fields(out)
    assert BROWSER_ERROR not in dry and "attachments.protocol" in dry


def fake_pdf(kind: str, target: Path) -> None:
    if kind == "not-a-pdf":
        target.write_bytes(b"PK\x03\x04 this is a zip file renamed to .pdf" + bytes(200))
    elif kind == "html-as-pdf":
        target.write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    elif kind == "empty":
        target.write_bytes(b"")
    elif kind == "encrypted":
        target.write_bytes(make_pdf("Locked", encrypted=True))
    elif kind == "too-large":
        body = make_pdf("Large")
        with target.open("wb") as f:  # a real PDF padded past the site's 20 MB limit
            f.write(body[:-6])
            f.write(b"%" + b"x" * (21 * 1024 * 1024) + b"\n")
            f.write(body[-6:])


@pytest.mark.parametrize(("kind", "rule"), [("not-a-pdf", "pdf-not-pdf"), ("html-as-pdf", "pdf-not-pdf"),
                                            ("empty", "pdf-empty"), ("encrypted", "pdf-encrypted"),
                                            ("too-large", "pdf-too-large")])
def test_a_bad_pdf_is_refused_before_any_browser(kind, rule, tmp_path, capsys, monkeypatch):
    shutil.copytree(EXAMPLES / "files", tmp_path / "files")
    fake_pdf(kind, tmp_path / "files" / "informed-consent.pdf")
    spec = tmp_path / "spec.yaml"
    shutil.copyfile(EXAMPLES / "single-center.yaml", spec)
    monkeypatch.setenv("AUTOFILER_PASSWORD", "Fuzz@2025")
    for argv in (["--dry-run"], ["--yes"]):
        code, out = cli(capsys, "submit", str(spec), *argv, "--site", "http://127.0.0.1:9", "--user",
                        "13800000000", "--browser-path", NO_BROWSER)
        assert code == 1, out
        assert f"error [{rule}] attachments.informed_consent" in out, out
        assert BROWSER_ERROR not in out
