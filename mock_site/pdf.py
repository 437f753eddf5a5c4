"""Is an upload a PDF the site would take? Judged by content, never by the file name. And a stored one, served."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from starlette.responses import Response

from mock_site.api_errors import ApiError

ENCRYPT = re.compile(rb"/Encrypt[\s/<\[\d]")


def _mb(limit: int) -> str:
    mb = limit / 2**20
    return f"{mb:g}"


def problem(data: bytes, limit: int) -> str | None:
    """The reason the site refuses this file, or None when it is a good PDF under the limit."""
    if not data:
        return "文件为空"
    if len(data) > limit:
        return f"文件超过 {_mb(limit)} MB"
    # readers accept a header within the first KiB and the end marker within the last KiB
    if b"%PDF-" not in data[:1024] or b"%%EOF" not in data[-1024:]:
        return "只能上传 PDF 文件"
    if ENCRYPT.search(data):
        return "文件已加密"
    return None


def minimal_pdf(text: str = "autofiler mock") -> bytes:
    """A small valid one-page PDF (for seeded projects and tests)."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 12 Tf 72 720 Td ({safe}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> >> >>"),
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stored_file(registry: Any, project_id: int, file_id: int) -> Response:
    """A project's uploaded PDF as the browser opens it (inline, its own name); 404 when there is none."""
    found = registry.attachment_data(project_id, file_id)
    if found is None:
        raise ApiError(404, "文件不存在")
    name, data = found
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f"inline; filename*=UTF-8''{quote(name, safe='')}"})
