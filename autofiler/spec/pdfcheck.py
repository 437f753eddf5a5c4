"""Offline checks of the PDFs a spec attaches: inside the spec's folder, present, a PDF by content, not empty,
not encrypted, under the size limit."""

from __future__ import annotations

import mmap
import os
import re
import stat
from pathlib import Path

ENV_MAX_MB = "AUTOFILER_MAX_PDF_MB"
DEFAULT_MAX_MB = 20.0
_TAIL = 2048  # %%EOF must be near the end; trailing garbage after it is common, a lot of it is not
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
_ENCRYPT = re.compile(rb"/Encrypt\b")

# (device, inode, size, mtime) -> problem or None: many specs often share the same files.
_cache: dict[tuple[int, int, int, int], tuple[str, str] | None] = {}


def max_bytes() -> tuple[int, str | None]:
    """The size limit in bytes, and a complaint when the environment sets it wrongly."""
    raw = os.environ.get(ENV_MAX_MB, "").strip()
    if not raw:
        return int(DEFAULT_MAX_MB * 1024 * 1024), None
    try:
        mb = float(raw)
        if not mb > 0 or mb == float("inf"):
            raise ValueError
    except ValueError:
        return int(DEFAULT_MAX_MB * 1024 * 1024), (f"环境变量 {ENV_MAX_MB}={raw[:20]!r} 无效，按 {DEFAULT_MAX_MB:g} MB "
                                                   f"检查 / {ENV_MAX_MB} is not a positive number; using the default")
    return int(mb * 1024 * 1024), None


def _content_problem(path: Path, size: int) -> tuple[str, str] | None:
    """(rule, message) about what the file holds, or None for a usable PDF."""
    with path.open("rb") as fh:
        head = fh.read(1024)
        if not head.startswith(b"%PDF-"):
            return "pdf-not-pdf", "文件内容不是 PDF（开头没有 %PDF-） / not a PDF: it does not start with %PDF-"
        fh.seek(max(0, size - _TAIL))
        tail = fh.read()
        if b"%%EOF" not in tail:
            return "pdf-not-pdf", "PDF 文件不完整（结尾没有 %%EOF），可能未下载完或已损坏 / the PDF is truncated or damaged"
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as body:
            if b"startxref" not in tail and not _OBJECT.search(body):
                return "pdf-not-pdf", "PDF 文件结构无法识别 / the PDF has no readable structure"
            if _ENCRYPT.search(body):
                return "pdf-encrypted", ("PDF 已加密或设置了密码，网站无法接收，请另存为未加密的 PDF / the PDF is "
                                         "encrypted; save an unencrypted copy")
    return None


def check_file(base: Path, relative: str, limit: int) -> tuple[str, str] | None:
    """(rule, message) for one attachment path written in a spec, or None when it is fine."""
    given = Path(relative)
    inside = os.path.normpath(relative)
    if given.is_absolute() or given.drive or inside == ".." or inside.startswith(".." + os.sep):
        return "path-outside", (f"附件必须放在本文件所在文件夹内，并写相对路径：{relative[:60]} / attachments must be "
                                "inside the spec's folder, written as a relative path")
    path = base / inside
    try:
        st = path.stat()
    except (OSError, ValueError):
        return "pdf-missing", f"找不到文件 {path} / file not found"
    if not stat.S_ISREG(st.st_mode):
        return "pdf-missing", f"{path} 不是文件 / not a file"
    if path.suffix.lower() != ".pdf":
        return "pdf-not-pdf", "文件名应以 .pdf 结尾，网站只接收 PDF / the file name must end in .pdf"
    key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    if key in _cache and st.st_size <= limit:
        return _cache[key]
    if st.st_size == 0:
        return "pdf-empty", "文件为空 / the file is empty"
    if st.st_size > limit:
        return "pdf-too-large", (f"文件 {st.st_size / 1048576:.1f} MB，超过上限 {limit / 1048576:g} MB / the file is "
                                 f"larger than the {limit / 1048576:g} MB limit")
    try:
        problem = _content_problem(path, st.st_size)
    except OSError as e:
        problem = "pdf-missing", f"无法读取文件 / cannot read the file: {e.strerror}"
    _cache[key] = problem
    return problem
