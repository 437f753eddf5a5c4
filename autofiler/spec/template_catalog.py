"""The commented template `autofiler init --form <generation>` writes for a catalog-driven generation.

Grouped by tab; every field with its label, whether (and when) it is required, its kind and options, the
condition that shows it and its English twin. Repeating groups have one blank row to fill in. Values are blank
(not filled), except the default route of the first tab (generations.yaml, `template_defaults`).
"""

from __future__ import annotations

from typing import Any

import yaml

from autofiler.spec.catalog_index import Control, Index, extras, index
from autofiler.spec.catalog_scope import Scope

WIDTH = 110
KINDS = {
    "text": "文本", "textarea": "多行文本（key: |- 后缩进书写）", "number": "整数", "decimal": "数字",
    "date": "日期 YYYY-MM-DD", "daterange": "日期范围 {start: YYYY-MM-DD, end: YYYY-MM-DD}", "radio": "单选",
    "select": "单选", "dependent_select": "单选（随上一级变化）", "checkbox_pair": "是/否勾选", "country": "国家",
    "province": "省份", "checkbox_group": "多选列表 [A, B]", "autocomplete": "文本（网站联想输入）",
    "modal_pick": "弹窗选择，列表 [A, B]", "repeat_group": "多行：每行以 - 开头", "pdf": "PDF 相对路径",
    "file": "PDF 相对路径", "files": "PDF 相对路径列表", "multiselect": "多选列表 [A, B]", "table": "多行：每行以 - 开头",
    "institution": "网站已注册的机构名称",
}


def width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text)


def header(idx: Index) -> str:
    generation, label, when = idx.form.generation, idx.form.label, idx.twins_when
    twins = f"""\
# - 当 {idx.words(when)} 时（公开到中国临床试验注册中心），
#   标有「英文」的项还要填写其英文键（<key>_en）。When {when} (published on ChiCTR),
#   every field with an English twin also needs its twin key in English.
""" if when else ""
    return f"""\
# autofiler 医学研究备案描述文件 / autofiler project spec — 表单 {generation}：{label}
#
# 填写方法 / how to fill it in:
# - 在冒号后填写值；留空表示未填写。选项必须与列出的中文完全一致。
#   Write each value after its colon; a blank value counts as not filled. Options must match exactly.
# - 日期写作 YYYY-MM-DD；日期范围写 {{start: …, end: …}}；多选和其他列表写成 [A, B]。
#   Dates are YYYY-MM-DD; a date range is {{start, end}}; a multiple choice or any other list is [A, B].
# - 多行的组（表格）每行以 "- " 开头；模板给出一行空行，需要几行就复制几行。
#   A repeating group is a list of rows; copy the blank row for more rows.
# - 「显示条件」不成立时网页不显示该项，不必填写。Fields whose 显示条件 does not hold are not shown; leave them.
{twins}# - 附件是本文件所在文件夹内的 PDF，写相对路径。Attachments are PDFs inside this file's folder.
# - 检查：autofiler validate <本文件>；编辑器补全：autofiler schema --form {generation} --out spec.schema.json
"""


def pad(text: str, columns: int = 36) -> str:
    """Text padded to a terminal width (a Chinese character takes two columns)."""
    return text + " " * max(1, columns - width(text))


def wrap(text: str, indent: str = "#     ") -> list[str]:
    """A long comment line broken after a " · " so that each line fits WIDTH."""
    out, row = [], ""
    for piece in text.replace(" · ", " · \0").split("\0"):
        if row and width(row) + width(piece) > WIDTH:
            out.append(row.rstrip())
            row = indent
        row += piece
    return [*out, row]


def need(c: Control) -> str:
    req = c.field.required
    if c.field.readonly:
        return "只读（网站填入；写了则提交时只核对）"
    return f"条件必填：{req}" if isinstance(req, str) else "必填" if req else "选填"


def describe(c: Control) -> str:
    f = c.field
    kind = KINDS.get(f.widget, f.widget)
    if f.inputs:
        kind = f"列表，1–{f.inputs} 项"
    if c.has_rows and f.widget == "modal_pick":
        kind = "弹窗选择，多行"
    parts = [f.label, need(c), kind]
    if f.unit:
        parts.append(f"单位 {f.unit}")
    if f.max_length:
        parts.append(f"最多 {f.max_length} 字")
    if f.data_size:
        parts.append(f"≤ {f.data_size:g} MB")
    if f.pattern:
        parts.append(f"格式 {f.pattern}")
    if f.dictionary:
        parts.append("网站字典更长，列出的是已知选项")
    if c.shows:
        parts.append("显示条件：" + " and ".join(f"({s})" if " or " in s else s for s in c.shows))
    if c.columns and not c.has_rows:  # a picker's dialog for what the site does not know yet
        parts.append("未注册的写成 {" + ", ".join(f"{d.key}: {d.field.label}" for d in c.columns) + "}")
    if f.twin:
        parts.append(f"英文 {f.twin.key}")
    return " | ".join(parts)


def _options(c: Control) -> list[str]:
    f = c.field
    if f.options_by_parent:
        return [f"{parent} → {' / '.join(opts)}" for parent, opts in f.options_by_parent.items()]
    return [" / ".join(f.options)] if f.options else []


def _line(key_text: str, comment: str, c: Control, indent: str) -> list[str]:
    text = f"{pad(key_text)} # {comment}"
    opts = _options(c)
    if len(opts) == 1 and width(text) + width(opts[0]) + 8 <= WIDTH:
        return [f"{text} | 选项：{opts[0]}"]
    out = [text]
    for opt in opts:
        row = f"{indent}#   选项："
        for i, piece in enumerate(opt.split(" / ")):
            piece += " / " if i < len(opt.split(" / ")) - 1 else ""
            if width(row) + width(piece) > WIDTH:
                out.append(row.rstrip())
                row = f"{indent}#         "
            row += piece
        out.append(row.rstrip())
    return out


def _value(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True).strip().removesuffix("...").strip()


def _control(c: Control, indent: str, lead: str, defaults: dict[str, Any]) -> list[str]:
    f = c.field
    first = f"{indent}{lead}{f.key}:"
    if f.key in defaults:
        first += f" {_value(defaults[f.key])}"
    lines = _line(first, describe(c), c, indent + " " * len(lead))
    inner = indent + " " * len(lead)
    if c.has_rows:
        lines.append(f"{inner}  # 每行一组；需要几行就复制几行 / one row each; copy the row for more")
        for i, col in enumerate(c.columns):
            lines += _control(col, inner + "  ", "- " if i == 0 else "  ", defaults)
    elif f.widget == "daterange":
        lines.append(pad(f"{inner}  start:") + " # 开始日期 YYYY-MM-DD")
        lines.append(pad(f"{inner}  end:") + " # 结束日期 YYYY-MM-DD")
    if f.twin:
        t = f.twin
        when = "公开到中国临床试验注册中心时必填" if t.required is True else \
            f"公开到中国临床试验注册中心时：{t.required if isinstance(t.required, str) else '选填'}"
        cond = f" | 显示条件：{t.visible_if}" if t.visible_if else ""
        kind = "英文，每行一项的列表" if c.has_rows else "英文"
        lines.append(pad(f"{inner}{t.key}:") + f" # {t.label} | {when} | {kind}{cond}")
    return lines


def routes(idx: Index, defaults: dict[str, Any]) -> list[str]:
    """What each route of the first tab's cascading choice shows: its own fields, and tabs that come and go."""
    first = idx.form.modules[0]
    chain = [c for c in idx.modules[first.key] if c.parent and c.field.widget == "dependent_select"]
    if not chain:
        return []
    child = chain[0]
    parent = idx.controls[child.parent or ""]
    base = {parent.key, child.key}
    out = [f"# {parent.field.label} > {child.field.label} 的路线 / routes, and what each shows:"]
    for top, subs in child.field.options_by_parent.items():
        for sub in subs:
            scope = Scope(idx, {first.key: {parent.key: top, child.key: sub}})
            extra = [c.field.label for c in idx.modules[first.key] if c.key not in base and c.shows
                     and scope.shown(c.key)]
            hidden = [m.label for m in idx.form.modules if m.visible_if and not scope.module_shown(m.key)]
            mark = "（模板默认 / the default）" if defaults.get(parent.key) == top and defaults.get(child.key) == sub else ""
            text = f"#   {top} > {sub}{mark}：本页另有 {(' · '.join(extra)) or '无'}"
            if hidden:
                text += f"；不显示「{'、'.join(hidden)}」页"
            out += wrap(text)
    return out


def render(generation: str) -> str:
    idx = index(generation)
    defaults = extras(generation).get("template_defaults") or {}
    out = [header(idx), f"form: {generation}",
           "# site_project_id:                  # 网站上的项目编号（可选；找项目时优先用它） / the site's project id", ""]
    for n, mod in enumerate(idx.form.modules):
        tab = f"（{mod.tab}）" if mod.tab else ""
        out.append(f"# ── {mod.label}{tab} ──")
        if mod.visible_if:
            out.append(f"# 此页只在 {mod.visible_if} 时显示；否则整页不写 / this tab is shown only when "
                       f"{mod.visible_if}")
        if n == 0:
            out += routes(idx, defaults)
        out.append(f"{mod.key}:")
        for c in idx.modules[mod.key]:
            out += _control(c, "  ", "", defaults)
        out.append("")
    return "\n".join(out)
