"""Loading a spec: read the file, parse YAML with positions, validate each module, apply the rules.

`load` never raises for anything in the file: every problem is a finding with a place in the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from autofiler import forms
from autofiler.errors import SpecError
from autofiler.spec import catalog, pdfcheck, rules, translate
from autofiler.spec.findings import ERROR, NOTE, WARNING, Finding
from autofiler.spec.meta import SpecModel
from autofiler.spec.model import Spec
from autofiler.spec.modules import MODULES
from autofiler.spec.reporter import Reporter, locate
from autofiler.spec.yamlpos import Parsed, join, parse


@dataclass
class LoadResult:
    path: Path
    spec: Spec | None  # None when there are errors
    findings: list[Finding]
    parsed: Parsed = field(repr=False, default_factory=Parsed)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def notes(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == NOTE]

    @property
    def ok(self) -> bool:
        return not self.errors

    def position(self, dotted_path: str) -> tuple[int, int]:
        """(line, col) of a dotted path, or of its closest written parent (best effort).

        A path without its module (`participating_units[1].unit_pi_phone`, as the site names fields) is looked
        up in the module that has that field.
        """
        first = catalog.split_path(dotted_path)[:1]
        if first and isinstance(first[0], str) and not catalog.module(first[0]):
            for mod in catalog.MODULES:
                if mod.field(first[0]):
                    return locate(self.parsed, join(mod.key, dotted_path))
        return locate(self.parsed, dotted_path)

    def format(self) -> str:
        return "\n".join(f.format() for f in self.findings)


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


def _validate_modules(data: dict[Any, Any], out: Reporter) -> dict[str, SpecModel | None]:
    for key in data:
        if key not in MODULES:
            out.error("unknown-key", join("", key), translate.unknown_key_message(join("", key)))
    modules: dict[str, SpecModel | None] = {}
    for key, (_label, model) in MODULES.items():
        raw = data.get(key)
        modules[key] = None
        meta = catalog.module(key)
        if key not in data:
            if meta is None or meta.required:
                out.error("required", key, translate.required_message(key))
            else:
                modules[key] = model()
        elif not isinstance(raw, dict):
            out.error("type", key, translate.type_message("mapping"))
        else:
            try:
                modules[key] = model.model_validate(raw)
            except ValidationError as e:
                translate.report(e, key, out)
    return modules


def _top_keys(data: dict[Any, Any], file: str, parsed: Parsed) -> tuple[str | None, list[Finding]]:
    """The spec's generation (`form:`, absent = sop-2020; None when unknown) and findings on the top-level keys."""
    out = Reporter(file, parsed)
    before = len(out.findings)
    known = forms.generations()
    form = data.get("form", forms.DEFAULT_GENERATION)
    if form not in known:
        out.error("form", "form", f"未知的表单版本 {translate.shown(form)}；可选：{', '.join(known)} / unknown form "
                                  f"generation '{translate.shown(form)}'; known: {', '.join(known)}")
        form = None
    pid = data.get("site_project_id")
    if pid is not None and (isinstance(pid, bool) or not isinstance(pid, (int, str)) or not str(pid).strip()):
        out.error("type", "site_project_id", "应为网站上的项目编号（数字或文本） / should be the site's project id "
                                             "(a number or text)")
    return form, out.findings[before:]


def load_text(text: str, file: str = "<spec>", base_dir: Path | None = None) -> LoadResult:
    """Check spec text; attachment paths are relative to `base_dir` (default: the current folder).

    The top-level `form:` names the spec's generation: sop-2020 (the default) is checked by the hand-written
    models, any other generation straight from its catalog (autofiler.spec.catalog_spec).
    """
    base = base_dir or Path.cwd()
    parsed = parse(text, file)
    data = parsed.data
    top: list[Finding] = []
    pid = None
    if parsed.ok and isinstance(data, dict):
        form, top = _top_keys(data, file, parsed)
        if form is None:
            findings = sorted([*Reporter(file, parsed).findings, *top], key=lambda f: (f.line, f.col))
            return LoadResult(Path(file), None, findings, parsed)
        if form != forms.DEFAULT_GENERATION:
            from autofiler.spec.catalog_spec import load_catalog

            return load_catalog(parsed, file, base, form, top)
        pid = data.get("site_project_id")
        data = {k: v for k, v in data.items() if k not in ("form", "site_project_id")}
    out = Reporter(file, parsed)
    out.findings += top
    spec = None
    if parsed.ok and data is None:
        out.error("empty-file", "", "文件是空的；可用 autofiler init 生成模板 / the file is empty; autofiler init "
                                    "writes a template")
    elif parsed.ok and not isinstance(data, dict):
        out.error("not-mapping", "", "顶层应为映射，键为各模块（basic_info: …） / the top level must be a mapping "
                                     "of modules (basic_info: …)")
    elif parsed.ok:
        # `basic_info:` with nothing under it (left out as blank) is an empty module: its fields are reported.
        data = {**{k: {} for k in MODULES if k in parsed.keys}, **data}
        modules = _validate_modules(data, out)
        rules.check(data, modules, out)
        pdfcheck.check(data, base, out)
        if not out.has_errors:
            spec = Spec.model_validate({k: m for k, m in modules.items() if m is not None})
            spec._base_dir = base
            spec._site_project_id = pid
    findings = sorted(out.findings, key=lambda f: (f.line, f.col))
    return LoadResult(Path(file), spec, findings, parsed)


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
