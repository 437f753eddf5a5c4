"""A self-contained status page: one HTML file with its charts drawn as inline SVG and a table that sorts and
filters with a few lines of inline script. It loads nothing from anywhere, so it opens offline and can be mailed.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f")
STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}.charts{display:flex;flex-wrap:wrap;gap:24px}
figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:12px}figcaption{font-weight:bold;margin-bottom:6px}
table{border-collapse:collapse;font-size:13px;width:100%}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left}
th{background:#f3f6fa;cursor:pointer;user-select:none}th[data-dir=asc]::after{content:" ▲"}
th[data-dir=desc]::after{content:" ▼"}input.filter{margin:8px 0;padding:4px 8px;width:320px}.note{color:#666}
"""
# Sorting compares numbers as numbers and text in Chinese collation; the filter keeps rows containing the text.
SCRIPT = """
document.querySelectorAll('table.data').forEach(function (table) {
  var body = table.tBodies[0];
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var dir = th.dataset.dir === 'asc' ? 'desc' : 'asc';
      table.querySelectorAll('th').forEach(function (o) { delete o.dataset.dir; });
      th.dataset.dir = dir;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent, y = b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'zh-CN');
        return dir === 'asc' ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var input = document.querySelector('input.filter[data-for="' + table.id + '"]');
  if (input) input.addEventListener('input', function () {
    var q = input.value.trim();
    Array.prototype.forEach.call(body.rows, function (r) {
      r.hidden = q !== '' && r.textContent.indexOf(q) < 0;
    });
  });
});
"""


@dataclass
class Chart:
    title: str
    bars: dict[str, float]  # label -> value, in display order
    unit: str = ""
    note: str = ""


def bar_chart(chart: Chart, width: int = 460) -> str:
    """A horizontal bar chart as inline SVG: one labelled bar per entry, its value at the end."""
    note = f'<p class="note">{html.escape(chart.note)}</p>' if chart.note else ""
    if not chart.bars:
        return f'<figure><figcaption>{html.escape(chart.title)}</figcaption><p class="note">暂无数据</p>{note}</figure>'
    label_w, row_h, top = 150, 26, 6
    peak = max(chart.bars.values()) or 1
    height = top * 2 + row_h * len(chart.bars)
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
              f'aria-label="{html.escape(chart.title)}">')]
    for i, (label, value) in enumerate(chart.bars.items()):
        y = top + i * row_h
        w = max(2.0, (width - label_w - 60) * value / peak)
        shown = f"{value:g}{chart.unit}"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end" font-size="12">{html.escape(label)}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
            f'fill="{PALETTE[i % len(PALETTE)]}"><title>{html.escape(label)}: {shown}</title></rect>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 17}" font-size="12">{html.escape(shown)}</text>')
    parts.append("</svg>")
    return f'<figure><figcaption>{html.escape(chart.title)}</figcaption>{"".join(parts)}{note}</figure>'


def data_table(table_id: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in r) + "</tr>"
                   for r in rows)
    return (f'<input class="filter" data-for="{table_id}" placeholder="筛选：输入任意文字">'
            f'<table class="data" id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def page(title: str, subtitle: str, charts: Sequence[Chart], tables: Sequence[tuple[str, str]],
         data: object = None) -> str:
    """The whole document. `tables` are (heading, table html); `data` is embedded as JSON for other tools."""
    blob = ""
    if data is not None:
        text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        blob = f'<script type="application/json" id="data">{text}</script>'
    sections = "".join(f"<h2>{html.escape(h)}</h2>{t}" for h, t in tables)
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p class=\"note\">{html.escape(subtitle)}</p>"
        f'<div class="charts">{"".join(bar_chart(c) for c in charts)}</div>{sections}{blob}'
        f"<script>{SCRIPT}</script></body></html>\n"
    )
