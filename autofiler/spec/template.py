"""The commented spec template that `autofiler init` writes, generated from the catalog.

Every field is present with its label, whether (and when) it is required, and its options; values are left
blank, which counts as not filled, so the template loads with only `required` findings until it is filled.
"""

from __future__ import annotations

from autofiler.spec import catalog
from autofiler.spec.catalog import FieldMeta

WIDTH = 110

HEADER = """\
# autofiler 临床研究项目备案描述文件 / autofiler project spec
#
# 填写方法 / how to fill it in:
# - 在冒号后填写值；留空表示未填写。选项必须与列出的中文完全一致。
#   Write each value after its colon; a blank value counts as not filled. Options must match exactly.
# - 日期写作 YYYY-MM-DD；日期范围写 start 和 end。多选写成列表 [A, B]。
#   Dates are YYYY-MM-DD; a date range has start and end; a multiselect is a list [A, B].
# - 多行文本写成 "key: |-"，下一行起缩进书写。Multi-line text: "key: |-", then indented lines.
# - 表格的每一行是以 "- " 开头的一组键值；去掉示例行前面的 # 即可使用，需要几行就复制几行。
#   A table is a list of rows; uncomment the example row and copy it for more rows.
# - 是否需在中国临床试验注册中心网站公开 选 是 时，标有“需英文”的字段还要填写 <key>_en。
#   With publish_to_chictr: 是, every field marked 需英文 also needs its English twin <key>_en.
# - 附件是本文件所在文件夹内的 PDF，写相对路径。Attachments are PDFs inside this file's folder.
# - 检查：autofiler validate <本文件>；编辑器补全：autofiler schema --out spec.schema.json
#   Check: autofiler validate <this file>; editor completion: autofiler schema --out spec.schema.json
"""

_KINDS = {
    "text": "文本", "textarea": "多行文本", "number": "整数", "date": "日期 YYYY-MM-DD",
    "daterange": "日期范围", "radio": "单选", "select": "单选", "multiselect": "多选列表", "table": "表格",
    "institution": "已注册机构名称，或 {name, province, city, address}", "file": "PDF 路径", "files": "PDF 路径列表",
}


def need(f: FieldMeta) -> str:
    if f.twin_of:
        return "公开到中国临床试验注册中心时必填"
    if isinstance(f.required, str):
        return f"条件必填：{f.required}"
    return "必填" if f.required else "选填"


def describe(f: FieldMeta) -> str:
    parts = [f.label, need(f), _KINDS.get(f.widget, f.widget)]
    if f.max_length:
        parts.append(f"最多 {f.max_length} 字")
    if f.minimum is not None and f.maximum is not None:
        parts.append(f"范围 {f.minimum}–{f.maximum}")
    elif f.minimum is not None:
        parts.append(f"≥ {f.minimum}")
    if f.en_twin:
        parts.append(f"需英文 {f.key}_en")
    if f.hint and f.widget != "institution":
        parts.append(f.hint)
    return " | ".join(parts)


def width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text)


def _with_options(line: str, comment: str, f: FieldMeta, indent: str) -> list[str]:
    """`line  # comment | 选项：a / b`, wrapping the options onto comment lines when they do not fit."""
    text = f"{line.ljust(32)} # {comment}"
    if not f.options:
        return [text]
    options = " / ".join(f.options)
    if width(text) + width(options) + 8 <= WIDTH:
        return [f"{text} | 选项：{options}"]
    out = [text]
    row = f"{indent}#   选项："
    for i, option in enumerate(f.options):
        piece = option + (" / " if i < len(f.options) - 1 else "")
        if width(row) + width(piece) > WIDTH:
            out.append(row.rstrip())
            row = f"{indent}#         "
        row += piece
    out.append(row.rstrip())
    return out


def _field(f: FieldMeta, indent: str) -> list[str]:
    lines = _with_options(f"{indent}{f.key}:", describe(f), f, indent)
    if f.widget == "daterange":
        for part in f.columns:
            lines.append(f"{indent}  {part.key}:".ljust(32) + f" # {part.label} YYYY-MM-DD")
    elif f.widget == "table":
        lines.append(f"{indent}# 示例行 / example row:")
        for i, col in enumerate(f.columns):
            lead = "- " if i == 0 else "  "
            lines += _with_options(f"{indent}#  {lead}{col.key}:", describe(col), col, f"{indent}#")
            if col.widget == "institution":
                lines.append(f"{indent}#      未注册的机构写作 {{name: 某县人民医院, province: 河北省, city: 保定市, "
                             "address: 某路1号}")
    return lines


def render() -> str:
    form = "form: sop-2020                   # 表单版本 / the form generation (autofiler init --form live-2026: the 2026 form)"
    out = [HEADER, form, ""]
    for mod in catalog.MODULES:
        need_text = "" if mod.required else "（可整体省略 / may be left out）"
        out.append(f"# ── {mod.label}{need_text} ──")
        out.append(f"{mod.key}:")
        for f in mod.fields:
            out += _field(f, "  ")
        out.append("")
    return "\n".join(out)
