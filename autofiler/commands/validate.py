"""`autofiler validate SPEC...`: check specs offline and print one compiler-style line per finding."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_ERROR, EXIT_OK

# Below this many files one process is quicker than starting workers.
PARALLEL_FROM = 64


def expand(targets: list[str]) -> list[str]:
    """Spec paths as given; a folder stands for the *.yaml and *.yml files in it."""
    out: list[str] = []
    for target in targets:
        if os.path.isdir(target):
            found = sorted(p for p in Path(target).iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            out += [str(p) for p in found]
        else:
            out.append(target)
    return out


def _findings(path: str) -> list[Any]:
    from autofiler.spec.loader import load

    return load(path).findings


def check_all(paths: list[str]) -> list[Any]:
    """Findings of every spec, in the order of `paths`; a large batch is spread over the CPU cores."""
    import autofiler.spec.catalog_spec  # noqa: F401  (imported once, before any worker is forked)
    from autofiler.spec import loader

    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [f for p in paths for f in loader.load(p).findings]
    from autofiler.forms import generations
    from autofiler.spec.catalog_index import index

    for generation in generations():  # each generation's index built once, shared by the workers
        index(generation)
    chunk = max(1, len(paths) // (workers * 4))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return [f for found in pool.imap(_findings, paths, chunksize=chunk) for f in found]


def summary(files: int, findings: list[Any]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "note")}
    return (f"{files} 个文件：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['note']} 个提示 / "
            f"{files} file(s): {counts['error']} error(s), {counts['warning']} warning(s), {counts['note']} note(s)")


def run(args: Any) -> int:
    paths = expand(args.specs)
    findings = check_all(paths)
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f.format())
        print(summary(len(paths), findings))
    failing = {"error", "warning"} if args.strict else {"error"}
    return EXIT_ERROR if any(f.severity in failing for f in findings) else EXIT_OK
