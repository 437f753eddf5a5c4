"""PDF uploads: judged by content, size-limited, hashed; one file per `file` field, many per `files`."""

from __future__ import annotations

import hashlib

import pytest

from tests.mock_site.api_support import client, new_project, pdf_bytes, upload
from tests.support import MockServer


@pytest.fixture
def project(mock):
    c = client(mock)
    yield c, new_project(c)
    c.close()


def stored(mock, project_id):
    return next(p for p in mock.projects() if p["id"] == project_id)["attachments"]


def test_a_good_pdf_is_stored_with_its_hash(mock, project):
    c, project_id = project
    data = pdf_bytes()
    r = upload(c, project_id, "protocol", data, "研究方案 v2.pdf")
    assert r.status_code == 200, r.text
    file = r.json()["file"]
    assert file["name"] == "研究方案 v2.pdf" and file["size"] == len(data)
    assert file["sha256"] == hashlib.sha256(data).hexdigest()
    assert stored(mock, project_id) == {"protocol": [{"name": "研究方案 v2.pdf", "sha256": file["sha256"],
                                                      "size": len(data)}]}
    download = c.get(f"/api/projects/{project_id}/attachments/protocol/{file['id']}")
    assert download.status_code == 200 and download.content == data


@pytest.mark.parametrize(("data", "name", "reason"), [
    (b"", "empty.pdf", "文件为空"),
    (b"PK\x03\x04 this is a zip file named like a pdf %%EOF", "fake.pdf", "只能上传 PDF 文件"),
    (b"%PDF-1.4\n1 0 obj << >> endobj\n", "truncated.pdf", "只能上传 PDF 文件"),
    (pdf_bytes(b"4 0 obj << /Filter /Standard /V 2 /R 3 >> endobj\ntrailer << /Encrypt 4 0 R >>\n"),
     "locked.pdf", "文件已加密"),
], ids=["empty", "not-a-pdf", "no-end-marker", "encrypted"])
def test_bad_files_are_refused_with_the_reason(mock, project, data, name, reason):
    c, project_id = project
    r = upload(c, project_id, "protocol", data, name)
    assert r.status_code == 400
    assert r.json() == {"message": reason}
    assert stored(mock, project_id) == {}


def test_a_pdf_named_otherwise_is_still_a_pdf(mock, project):
    c, project_id = project
    assert upload(c, project_id, "protocol", pdf_bytes(), "scan.bin").status_code == 200


def test_a_file_field_keeps_one_file_and_files_append(mock, project):
    c, project_id = project
    upload(c, project_id, "protocol", pdf_bytes(), "v1.pdf")
    upload(c, project_id, "protocol", pdf_bytes(b"% v2\n"), "v2.pdf")
    upload(c, project_id, "other_files", pdf_bytes(), "批件.pdf")
    upload(c, project_id, "other_files", pdf_bytes(b"% b\n"), "证明.pdf")
    files = stored(mock, project_id)
    assert [f["name"] for f in files["protocol"]] == ["v2.pdf"]
    assert [f["name"] for f in files["other_files"]] == ["批件.pdf", "证明.pdf"]


def test_delete_removes_the_file(mock, project):
    c, project_id = project
    file_id = upload(c, project_id, "other_files", pdf_bytes(), "a.pdf").json()["file"]["id"]
    assert c.delete(f"/api/projects/{project_id}/attachments/other_files/{file_id}").status_code == 200
    assert stored(mock, project_id) == {}
    assert c.delete(f"/api/projects/{project_id}/attachments/other_files/{file_id}").status_code == 404


def test_an_unknown_attachment_key_is_refused(mock, project):
    c, project_id = project
    assert upload(c, project_id, "budget", pdf_bytes()).status_code == 400


def test_the_upload_limit_comes_from_the_flag():
    server = MockServer("--upload-limit-mb", "1")
    try:
        c = client(server)
        project_id = new_project(c)
        big = pdf_bytes(b"%" + b"x" * (2**20) + b"\n")
        r = upload(c, project_id, "protocol", big)
        assert r.status_code == 400 and r.json() == {"message": "文件超过 1 MB"}
        just_under = pdf_bytes(b"%" + b"x" * (2**20 - 400) + b"\n")
        assert len(just_under) <= 2**20
        assert upload(c, project_id, "protocol", just_under).status_code == 200
        c.close()
    finally:
        server.stop()


def test_the_default_limit_is_20_mb(mock, project):
    c, project_id = project
    big = pdf_bytes(b"%" + b"x" * (20 * 2**20) + b"\n")
    r = upload(c, project_id, "protocol", big)
    assert r.status_code == 400 and r.json() == {"message": "文件超过 20 MB"}
