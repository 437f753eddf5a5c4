"""`autofiler init [--form GENERATION] [PATH]`: write a commented spec template with every field, its label and
its options, for the form generation asked for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_OK, ConfigError

# Without --form: the form a PI meets on the site today; `--form sop-2020` writes the SOP's eight-module form.
DEFAULT_FORM = "live-2026"
HELP = ("写一份带注释的描述文件模板；不加 --form 时为 live-2026（网站当前的表单），--form sop-2020 为 SOP 的八模块表单 / "
        "write a commented spec template; without --form it is live-2026 (the form on the site today), "
        "--form sop-2020 the SOP's eight-module form")
FORM_HELP = "表单版本，默认 live-2026 / the form generation (default: live-2026; also sop-2020)"


def render(form: str) -> str:
    from autofiler.spec import template_catalog

    return template_catalog.render(form)


def run(args: Any) -> int:
    from autofiler.forms import generations

    form = getattr(args, "form", None) or DEFAULT_FORM
    if form not in generations():
        raise ConfigError(f"未知的表单版本 {form} / unknown form generation {form!r}; known: {', '.join(generations())}")
    path = Path(args.path)
    if path.is_dir():
        raise ConfigError(f"{path} 是文件夹，请给出文件名 / {path} is a folder; give a file name")
    if path.exists() and not args.force:
        raise ConfigError(f"{path} 已存在，未覆盖 / {path} exists and was not overwritten",
                          hint="加 --force 覆盖 / add --force to overwrite it")
    if not path.parent.is_dir():
        raise ConfigError(f"文件夹 {path.parent} 不存在 / the folder {path.parent} does not exist")
    path.write_text(render(form), encoding="utf-8")
    print(f"已写入模板 {path}（表单 {form}）；填写后运行 autofiler validate {path} / wrote {path} (form {form}); "
          f"fill it in, then run autofiler validate {path}")
    return EXIT_OK
