"""`autofiler schema [--form GENERATION] [--out FILE]`: the JSON Schema of a spec, for editors' YAML completion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_OK, ConfigError

# Top-level keys every generation accepts beside its modules.
_TOP = {
    "form": {"type": "string", "title": "表单版本 / form generation", "default": "sop-2020"},
    "site_project_id": {"type": ["integer", "string"], "title": "网站上的项目编号 / the site's project id"},
}


def build(form: str = "sop-2020") -> dict[str, Any]:
    if form != "sop-2020":
        from autofiler.spec import schema_catalog

        return schema_catalog.build(form)
    from autofiler.spec.model import Spec

    schema = Spec.model_json_schema()
    schema["properties"] = {**_TOP, **schema["properties"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "autofiler spec: 医学研究登记备案信息系统 临床研究项目备案",
        "description": "One clinical research project to file; keys are the registry's modules and fields. "
        "Check a spec with `autofiler validate`.",
    }


def run(args: Any) -> int:
    from autofiler.forms import generations

    form = getattr(args, "form", None) or "sop-2020"
    if form not in generations():
        raise ConfigError(f"未知的表单版本 {form} / unknown form generation {form!r}; known: {', '.join(generations())}")
    text = json.dumps(build(form), ensure_ascii=False, indent=2) + "\n"
    if not args.out:
        print(text, end="")
        return EXIT_OK
    out = Path(args.out)
    if not out.parent.is_dir():
        raise ConfigError(f"文件夹 {out.parent} 不存在 / the folder {out.parent} does not exist")
    out.write_text(text, encoding="utf-8")
    print(f"已写入 {out} / wrote {out}")
    return EXIT_OK
