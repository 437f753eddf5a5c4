"""`autofiler init [PATH]`: write a commented spec template with every field, its label and its options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from autofiler.errors import EXIT_OK, ConfigError


def run(args: Any) -> int:
    from autofiler.spec import template

    path = Path(args.path)
    if path.is_dir():
        raise ConfigError(f"{path} 是文件夹，请给出文件名 / {path} is a folder; give a file name")
    if path.exists() and not args.force:
        raise ConfigError(f"{path} 已存在，未覆盖 / {path} exists and was not overwritten",
                          hint="加 --force 覆盖 / add --force to overwrite it")
    if not path.parent.is_dir():
        raise ConfigError(f"文件夹 {path.parent} 不存在 / the folder {path.parent} does not exist")
    path.write_text(template.render(), encoding="utf-8")
    print(f"已写入模板 {path}；填写后运行 autofiler validate {path} / wrote {path}; fill it in, then run "
          f"autofiler validate {path}")
    return EXIT_OK
