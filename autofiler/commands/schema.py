"""`autofiler schema [--out FILE]`: the JSON Schema of a spec, for editors' YAML completion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_OK, ConfigError


def build() -> dict[str, Any]:
    from autofiler.spec.model import Spec

    schema = Spec.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "autofiler spec: 医学研究登记备案信息系统 临床研究项目备案",
        "description": "One clinical research project to file; keys are the registry's modules and fields. "
        "Check a spec with `autofiler validate`.",
    }


def run(args: Any) -> int:
    text = json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
    if not args.out:
        print(text, end="")
        return EXIT_OK
    out = Path(args.out)
    if not out.parent.is_dir():
        raise ConfigError(f"文件夹 {out.parent} 不存在 / the folder {out.parent} does not exist")
    out.write_text(text, encoding="utf-8")
    print(f"已写入 {out} / wrote {out}")
    return EXIT_OK
