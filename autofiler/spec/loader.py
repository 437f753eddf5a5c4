"""Loading a spec: read the file, parse YAML with positions, pick the form generation (`form:`), check the spec
against that generation's catalog (autofiler.spec.catalog_spec).

`load` never raises for anything in the file: every problem is a finding with a place in the file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from autofiler import forms
from autofiler.errors import SpecError
from autofiler.spec.finding_collector import FindingCollector
from autofiler.spec.findings import ERROR, Finding
from autofiler.spec.load_result import LoadResult
from autofiler.spec.wording import shown
from autofiler.spec.yamlpos import Parsed, parse


def _read(path: Path, file: str) -> tuple[str | None, Finding | None]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, Finding(file, 0, 0, ERROR, "not-found", "", "", "找不到文件 / file not found")
    except OSError as e:
        return None, Finding(file, 0, 0, ERROR, "not-found", "", "", f"无法读取文件 / cannot read the file: {e.strerror}")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return None, Finding(file, line, 1, ERROR, "encoding", "", "",
                             "文件不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 / the file is not UTF-8; save it as UTF-8")


def _top_keys(data: dict[Any, Any], file: str, parsed: Parsed) -> tuple[str | None, list[Finding]]:
    """The spec's generation (`form:`, absent = sop-2020; None when unknown) and findings on the top-level keys."""
    out = FindingCollector(file, parsed)
    before = len(out.findings)
    known = forms.generations()
    form = data.get("form", forms.DEFAULT_GENERATION)
    if form not in known:
        out.error("form", "form", f"未知的表单版本 {shown(form)}；可选：{', '.join(known)} / unknown form "
                                  f"generation '{shown(form)}'; known: {', '.join(known)}")
        form = None
    pid = data.get("site_project_id")
    if pid is not None and (isinstance(pid, bool) or not isinstance(pid, (int, str)) or not str(pid).strip()):
        out.error("type", "site_project_id", "应为网站上的项目编号（数字或文本） / should be the site's project id "
                                             "(a number or text)")
    return form, out.findings[before:]


def load_text(text: str, file: str = "<spec>", base_dir: Path | None = None) -> LoadResult:
    """Check spec text; attachment paths are relative to `base_dir` (default: the current folder).

    The top-level `form:` names the spec's generation (absent: sop-2020, every spec written before 2026).
    """
    base = base_dir or Path.cwd()
    parsed = parse(text, file)
    data = parsed.data
    out = FindingCollector(file, parsed)
    if parsed.ok and data is None:
        out.error("empty-file", "", "文件是空的；可用 autofiler init 生成模板 / the file is empty; autofiler init "
                                    "writes a template")
    elif parsed.ok and not isinstance(data, dict):
        out.error("not-mapping", "", "顶层应为映射，键为各模块（basic_info: …） / the top level must be a mapping "
                                     "of modules (basic_info: …)")
    elif parsed.ok:
        form, top = _top_keys(data, file, parsed)
        if form is not None:
            from autofiler.spec.catalog_spec import load_catalog

            return load_catalog(parsed, file, base, form, top)
        out.findings += top
    findings = sorted(out.findings, key=lambda f: (f.line, f.col))
    return LoadResult(Path(file), None, findings, parsed)


def load(path: str | os.PathLike[str]) -> LoadResult:
    """Read and check one spec file. Findings carry the path as given."""
    p = Path(path)
    text, problem = _read(p, str(path))
    if problem:
        return LoadResult(p, None, [problem])
    result = load_text(text or "", str(path), p.resolve().parent)
    result.path = p
    return result


def load_valid(path: str | os.PathLike[str]) -> LoadResult:
    """Like `load`, but raise SpecError listing the errors (as `autofiler validate` prints them) if any."""
    result = load(path)
    if result.errors:
        lines = "\n".join(f.format() for f in result.errors)
        raise SpecError(f"{path}: 描述文件有 {len(result.errors)} 个错误 / the spec has errors:\n{lines}",
                        hint=f"autofiler validate {path}")
    return result
