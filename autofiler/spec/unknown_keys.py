"""The message for a key a spec's form does not have: the key whose label it is, its counterpart in another
generation, the key it resembles, or the module it belongs to."""

from __future__ import annotations

import re
from typing import Any

from autofiler.forms import DEFAULT_GENERATION, generations
from autofiler.spec import counterparts
from autofiler.spec.catalog_index import Index
from autofiler.spec.wording import shown, suggest


def unknown_message(index: Index, key: Any, allowed: dict[str, str], where: str) -> str:
    """Unknown key: the key whose label it is, its counterpart in this generation, the key it resembles, or the
    module it belongs to."""
    text = shown(key)
    guess = {label: k for k, label in allowed.items()}.get(str(key))
    gen = index.form.generation
    for other in generations() if not guess else ():
        pair = counterparts.counterpart(str(key), where, other, gen) if other != gen else None
        if pair:
            target = pair.target
            label = index.label_of(re.sub(r"\[\d*\]", "[0]", target)).split(" ")[-1]
            missing = (f"（文件开头缺少 form: {other}？）", f" (is `form: {other}` missing?)") \
                if gen == DEFAULT_GENERATION else ("", "")
            return (f"{text} 是 {other} 表单的键{missing[0]}；{gen} 中对应 {target}（{label}） / '{text}' is a key of "
                    f"the {other} form{missing[1]}; in {gen} it is {target} ({label})")
    guess = guess or suggest(str(key), list(allowed))
    if guess:
        return f"未知的键 {text}，是否应为 {guess}（{allowed[guess]}）？ / unknown key '{text}'; did you mean {guess}?"
    home = index.controls.get(str(key)) or index.twins.get(str(key))
    if home and "." not in where and "[" not in where and where:
        return (f"{text} 属于模块 {home.module.key}（{home.module.label}），不在 {where} 中 / '{text}' belongs in "
                f"module {home.module.key}")
    return f"未知的键 {text}（可用 autofiler init --form {gen} 生成带全部键的模板） / unknown key '{text}'"
