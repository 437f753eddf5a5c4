"""`autofiler schema [--form GENERATION] [--out FILE]`: the JSON Schema of a spec, for editors' YAML completion;
without --form, of the generation `init` writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_OK, ConfigError

# Without --form: the same generation `autofiler init` writes.
DEFAULT_FORM = "live-2026"
HELP = ("打印描述文件的 JSON Schema，供编辑器补全；不加 --form 时为 live-2026（与 init 相同） / print the spec's JSON "
        "Schema for editor completion; without --form it is live-2026, as for init")
FORM_HELP = "表单版本，默认 live-2026 / the form generation (default: live-2026; also sop-2020)"


def build(form: str = DEFAULT_FORM) -> dict[str, Any]:
    from autofiler.spec import schema_catalog

    return schema_catalog.build(form)


def site_map_schema(form: str = DEFAULT_FORM) -> dict[str, Any]:
    """The JSON Schema of a site map of the UI family that the generation's shipped map names."""
    from autofiler.site.maps import choose, classic_model, element_model
    from autofiler.site.maps.resolve import read_yaml

    family = read_yaml(choose.shipped(form)).get("family", "element")
    return (classic_model if family == "classic" else element_model).schema()


def run(args: Any) -> int:
    from autofiler.forms import generations

    form = getattr(args, "form", None) or DEFAULT_FORM
    if form not in generations():
        raise ConfigError(f"未知的表单版本 {form} / unknown form generation {form!r}; known: {', '.join(generations())}")
    document = site_map_schema(form) if getattr(args, "site_map", False) else build(form)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if not args.out:
        print(text, end="")
        return EXIT_OK
    out = Path(args.out)
    if not out.parent.is_dir():
        raise ConfigError(f"文件夹 {out.parent} 不存在 / the folder {out.parent} does not exist")
    out.write_text(text, encoding="utf-8")
    print(f"已写入 {out} / wrote {out}")
    return EXIT_OK
