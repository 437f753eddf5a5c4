"""`autofiler migrate SPEC --to GENERATION [--out FILE] [--force]`: move a spec to another form generation.

Prints what was moved, what has no counterpart (also listed at the top of the new spec) and the TODO lines the
new form needs; never overwrites a file without --force.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_OK, ConfigError, SpecError


def target_path(spec: Path, to: str) -> Path:
    """multi-center.yaml -> multi-center.live-2026.yaml, beside the spec."""
    return spec.with_name(f"{spec.stem}.{to}.yaml")


def run(args: Any) -> int:
    from autofiler import forms
    from autofiler.spec.migration import migrate
    from autofiler.spec.yamlpos import parse

    spec = Path(args.spec)
    if args.to not in forms.generations():
        raise ConfigError(f"未知的表单版本 {args.to} / unknown form generation {args.to!r}; known: "
                          f"{', '.join(forms.generations())}")
    try:
        text = spec.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise SpecError(f"{spec}: 无法读取 / cannot read: {e}") from e
    parsed = parse(text, str(spec))
    if not parsed.ok or not isinstance(parsed.data, dict):
        raise SpecError(f"{spec}: 不是可读的 YAML 描述文件 / not a readable YAML spec", hint=f"autofiler validate {spec}")
    source = parsed.data.get("form", forms.DEFAULT_GENERATION)
    if source == args.to:
        raise ConfigError(f"{spec} 已是 {args.to} 表单 / {spec} is already on form {args.to}")
    out = Path(args.out) if args.out else target_path(spec, args.to)
    if out.exists() and not args.force:
        raise ConfigError(f"{out} 已存在，未覆盖 / {out} exists and was not overwritten",
                          hint="加 --force 覆盖，或用 --out 另给文件名 / add --force, or give --out")
    if not out.parent.is_dir():
        raise ConfigError(f"文件夹 {out.parent} 不存在 / the folder {out.parent} does not exist")
    result = migrate(parsed.data, str(source), args.to, spec.resolve().parent, out.resolve().parent)
    out.write_text(result.text, encoding="utf-8")
    print(f"已迁移 {len(result.moved)} 项 / moved {len(result.moved)} value(s): {spec} ({source}) → {out} ({args.to})")
    for old, new in result.moved:
        print(f"  {old} → {new}")
    print(f"未迁移 {len(result.unmapped)} 项（已列在新文件开头） / not moved {len(result.unmapped)} (listed at the top "
          "of the new file):")
    for path, why in result.unmapped:
        print(f"  {path}: {why}")
    print(f"待填写 {len(result.todo)} 项（TODO） / to fill in {len(result.todo)} (TODO):")
    for path, need in result.todo:
        print(f"  {path}: {need}")
    print(f"补全后运行 / then run: autofiler validate {out}")
    return EXIT_OK
