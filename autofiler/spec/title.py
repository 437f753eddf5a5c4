"""The title of a spec file, read leniently (a spec being edited still names its project): 项目名称 in the SOP's
form, 医学研究题目 in the 2026 form, wherever the generation's counterparts mark the title."""

from __future__ import annotations

from pathlib import Path

import yaml

from autofiler.errors import SpecError


def title_of(path: Path) -> str:
    """The project title written in a spec file; SpecError when it cannot be read or has none."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise SpecError(f"{path}: 无法读取 / cannot read it ({e.strerror})") from None
    except yaml.YAMLError as e:
        raise SpecError(f"{path}: 不是有效的 YAML / not valid YAML: {e}") from None
    module, key, label = _title_field(data.get("form") if isinstance(data, dict) else None)
    section = data.get(module) if isinstance(data, dict) else None
    name = section.get(key) if isinstance(section, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise SpecError(f"{path}: {module}.{key}（{label}）缺失 / is missing")
    return name.strip()


def _title_field(generation: object) -> tuple[str, str, str]:
    """(module, key, label) of the project's title in a form generation (the pair marked `title`)."""
    from autofiler.forms import DEFAULT_GENERATION, generations, load
    from autofiler.spec.counterparts import title_path

    gen = generation if isinstance(generation, str) and generation in generations() else DEFAULT_GENERATION
    other = next(g for g in generations() if g != gen)
    module, _, key = (title_path(gen, other) or "basic_info.project_name").partition(".")
    found = load(gen).find(key)
    return module, key, found.label if found else key
