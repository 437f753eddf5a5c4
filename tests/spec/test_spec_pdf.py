"""Attachment checks, offline: where the file is, and what it holds."""

from __future__ import annotations

import pytest

from tests.spec.helpers import SINGLE, check, edit, example
from tests.spec.pdfs import make_pdf


def attach(work, name: str, content: bytes) -> str:
    (work / "files" / name).write_bytes(content)
    return f"files/{name}"


def findings_for(work, field: str, value) -> list:
    result = check(work, edit(example(SINGLE), {f"attachments.{field}": value}))
    return [f for f in result.findings if f.path.startswith(f"attachments.{field}")]


@pytest.mark.parametrize(("name", "content", "rule"), [
    ("word.pdf", b"PK\x03\x04 this is a docx renamed", "pdf-not-pdf"),
    ("truncated.pdf", make_pdf("Protocol")[:-200], "pdf-not-pdf"),
    ("shell.pdf", b"%PDF-1.4\n" + b"x" * 100 + b"\n%%EOF\n", "pdf-not-pdf"),
    ("empty.pdf", b"", "pdf-empty"),
    ("locked.pdf", make_pdf("Protocol", encrypted=True), "pdf-encrypted"),
    ("protocol.docx", make_pdf("Protocol"), "pdf-not-pdf"),
])
def test_bad_attachments(work, name, content, rule):
    (finding,) = findings_for(work, "protocol", attach(work, name, content))
    assert (finding.rule, finding.severity, finding.label) == (rule, "error", "研究方案")


def test_good_attachments_pass(work):
    assert findings_for(work, "protocol", attach(work, "v2.pdf", make_pdf("Protocol v2"))) == []
    assert findings_for(work, "protocol", attach(work, "大写.PDF", make_pdf("Protocol v2"))) == []
    # a PDF with a cross-reference stream has no `trailer` keyword but still objects and startxref
    body = make_pdf("Protocol").replace(b"trailer", b"%railer")
    assert findings_for(work, "protocol", attach(work, "xrefstream.pdf", body)) == []


def test_missing_and_outside_paths(work, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "protocol.pdf"
    outside.write_bytes(make_pdf("Protocol"))
    assert [f.rule for f in findings_for(work, "protocol", "files/absent.pdf")] == ["pdf-missing"]
    assert [f.rule for f in findings_for(work, "protocol", "files")] == ["pdf-missing"]
    assert [f.rule for f in findings_for(work, "protocol", str(outside))] == ["path-outside"]
    assert [f.rule for f in findings_for(work, "protocol", "../elsewhere/protocol.pdf")] == ["path-outside"]
    assert [f.rule for f in findings_for(work, "protocol", "files/../../protocol.pdf")] == ["path-outside"]
    assert findings_for(work, "protocol", "files/../files/protocol.pdf") == []


def test_each_other_file_is_checked_by_index(work):
    found = findings_for(work, "other_files", ["files/ethics-approval.pdf", "files/absent.pdf"])
    assert [(f.rule, f.path, f.label) for f in found] == [
        ("pdf-missing", "attachments.other_files[1]", "其他文件 第2项")]


def test_size_limit_follows_the_environment(work, monkeypatch):
    path = attach(work, "big.pdf", make_pdf("Protocol", lines=400))
    assert findings_for(work, "protocol", path) == []
    monkeypatch.setenv("AUTOFILER_MAX_PDF_MB", "0.001")
    (finding,) = findings_for(work, "protocol", path)
    assert finding.rule == "pdf-too-large"
    monkeypatch.setenv("AUTOFILER_MAX_PDF_MB", "lots")
    result = check(work, example(SINGLE))
    assert [(f.rule, f.severity) for f in result.findings] == [("config", "warning")]
