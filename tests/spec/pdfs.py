"""A tiny PDF writer for tests and for the example specs' attachments (no PDF library needed).

`python -m tests.spec.pdfs specs/files` rewrites the example PDFs.
"""

from __future__ import annotations

import sys
from pathlib import Path

EXAMPLES = {
    "protocol.pdf": ("Study protocol", "Off-label rituximab for refractory nephrotic syndrome, single centre"),
    "informed-consent.pdf": ("Informed consent form", "Off-label rituximab for refractory nephrotic syndrome"),
    "ethics-approval.pdf": ("Ethics approval letter", "Ethics committee of the example hospital"),
    "mc-protocol.pdf": ("Study protocol", "Dapagliflozin in HFpEF: a multicentre randomised controlled trial"),
    "mc-informed-consent.pdf": ("Informed consent form", "Dapagliflozin in HFpEF: a multicentre randomised trial"),
    "mc-ethics-approval.pdf": ("Ethics approval letter", "Multicentre ethics review, lead unit"),
    "mc-data-management-plan.pdf": ("Data management plan", "Electronic data capture, monitoring and archiving"),
    "drug-label.pdf": ("Package insert", "Rituximab injection: approved indications, dosage, warnings"),
    "obs-protocol.pdf": ("Study protocol", "Prospective cohort of frailty in older inpatients"),
    "obs-consent-waiver.pdf": ("Informed consent form", "Observational cohort: consent form and waiver request"),
}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title: str, subtitle: str = "", *, lines: int = 30, encrypted: bool = False) -> bytes:
    """A valid one-page PDF with a title and some numbered filler lines; `encrypted` adds an /Encrypt entry."""
    text = [f"BT /F1 18 Tf 56 780 Td ({_escape(title)}) Tj ET", f"BT /F1 11 Tf 56 756 Td ({_escape(subtitle)}) Tj ET"]
    for i in range(lines):
        text.append(f"BT /F1 9 Tf 56 {730 - i * 14} Td (Section {i + 1}: text of the example document.) Tj ET")
    content = "\n".join(text).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
         b"/Contents 5 0 R >>"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    if encrypted:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    extra = b" /Encrypt %d 0 R" % len(objects) if encrypted else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, extra, xref)
    return bytes(out)


def write_examples(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (title, subtitle) in EXAMPLES.items():
        path = folder / name
        path.write_bytes(make_pdf(title, subtitle))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write_examples(Path(sys.argv[1] if len(sys.argv) > 1 else "specs/files")):
        print(p, p.stat().st_size)
