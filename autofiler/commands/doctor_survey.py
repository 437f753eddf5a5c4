"""autofiler doctor --survey [--out FILE] [--project ID]: list every control of the site's editor and compare it
with the site map and the form catalog.

Logs in, opens a new project's editor without saving (or the project --project names), walks every tab and lists
each control: label, control name, detected kind, options, required mark, shown or hidden. Then: found, missing
on the site, new on the site (with a proposed key), label, options, name or kind changed. Never clicks 保存, 提交,
完成 or 下一步. Exit 0 when everything matches, 1 when differences were found. `--out FILE` writes a site map
draft to FILE and a catalog draft to `<stem>.catalog.yaml` beside it. The shipped live-2026 map (classic
family) unless --selectors names another; on an Element-family site a new project is saved as soon as it is
started, so there the survey needs --project.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from autofiler.errors import ConfigError
from autofiler.site.filing_display import FilingDisplay
from autofiler.site.survey.survey_data import Difference, Found, FoundTab, Survey

LIVE_GENERATION = "live-2026"  # the live registry's form: its shipped site map is surveyed by default
HEADINGS = {
    "missing_tab": ("站点缺少的标签页 / tabs missing on the site", "red"),
    "new_tab": ("站点新增的标签页 / tabs new on the site", "red"),
    "tab_label": ("标签页标题变化 / tab titles changed", "red"),
    "missing": ("站点缺少 / missing on the site", "red"),
    "new": ("站点新增 / new on the site", "red"),
    "label": ("标签变化 / label changed", "red"),
    "options": ("选项变化 / options changed", "red"),
    "name": ("控件名称变化 / control name changed", "red"),
    "widget": ("控件类型不同 / kind differs", "red"),
}


def _control_line(f: Found, indent: str) -> str:
    parts = [f.label, f.name or "—", f.kind]
    if f.inputs > 1:
        parts.append(f"{f.inputs} inputs")
    parts.append("必填 / required" if f.required else "选填 / optional")
    parts.append("显示 / shown" if f.shown else "隐藏 / hidden")
    if f.options:
        parts.append("选项 / options: " + "、".join(f.options))
    if f.headers:
        parts.append("表头 / columns: " + "、".join(f.headers))
    return indent + " · ".join(parts)


def list_controls(r: FilingDisplay, found: list[FoundTab]) -> None:
    r.say("站点上的控件 / controls on the site", "bold")
    for tab in found:
        count = sum(1 + len(c.columns) for c in tab.controls)
        r.say(f"  【{tab.label}】{'' if tab.shown else '（标签页隐藏 / tab hidden）'} {count} 个控件 / controls")
        for c in tab.controls:
            r.say(_control_line(c, "    "))
            for col in c.columns:
                r.say(_control_line(col, "      ↳ "))


def _where(d: Difference) -> str:
    return f"{d.tab_label} › " + (f"{d.group} › " if d.group else "")


def _difference_line(d: Difference) -> str:
    if d.kind in ("missing_tab", "new_tab"):
        return d.label
    if d.kind == "tab_label":
        return f"{d.old} → {d.new}"
    if d.kind == "missing":
        return f"{_where(d)}{d.label} ({d.key})"
    if d.kind == "new":
        f = d.found
        name = f.name if f and f.name else "—"
        options = f" [{'、'.join(d.added)}]" if d.added else ""
        return f"{_where(d)}{d.label} ({name}, {d.new}){options} → 建议键 / proposed key: {d.key}"
    if d.kind == "options":
        return (f"{_where(d)}{d.label} ({d.key}): "
                + " ".join([f"+{o}" for o in d.added] + [f"−{o}" for o in d.removed]))
    return f"{_where(d)}{d.label} ({d.key}): {d.old} → {d.new}"


def report(r: FilingDisplay, survey: Survey) -> None:
    r.say("与站点地图和表单目录比对 / compared with the site map and the form catalog", "bold")
    r.say(f"  ✓ 找到 / found: {len(survey.matched)}", "green")
    if survey.unseen:
        r.say(f"  · 条件字段未出现 / conditional fields not on the page: {len(survey.unseen)} ("
              + "、".join(e.label for _, e in survey.unseen) + ")", "yellow")
    for kind, (heading, style) in HEADINGS.items():
        items = survey.of(kind)
        if not items:
            continue
        r.say(f"  ✗ {heading}: {len(items)}", style)
        for d in items:
            r.say(f"      {_difference_line(d)}")


def run(args: Any) -> int:
    from autofiler import config
    from autofiler.forms import load as load_form
    from autofiler.forms.catalog import HERE as CATALOGS
    from autofiler.site.maps import choose, resolve
    from autofiler.site.survey import drafts

    r = FilingDisplay(getattr(args, "verbose", 0) or 0)
    selectors = getattr(args, "selectors", None)
    map_path = Path(selectors) if selectors else choose.shipped(LIVE_GENERATION)
    data = resolve.read_yaml(map_path)
    family = str(data.get("family") or "element") if isinstance(data, dict) else "element"
    project = getattr(args, "project", None)
    project = str(project) if project else None
    if family != "classic" and not project:
        raise ConfigError("这个站点的“新增”会先保存一个项目：请用 --project 指定一个草稿 / on this site a new project is "
                          "saved as soon as it is started: name a draft with --project",
                          hint="the survey never saves anything")
    plain = copy.copy(args)
    if family == "classic":
        plain.selectors = None  # the classic map is read here, not by the loader in config
    settings = config.resolve(plain)
    where = f"项目 / project {project}" if project else "新建项目，不保存 / a new project, never saved"
    r.say(f"调查 / survey: {settings.site} · {where}", "bold")
    if family == "classic":
        site = resolve.parse(data, map_path)
        form = load_form(site.form)
        r.say(f"站点地图 / site map: {map_path} (form {site.form}, family classic)")
        found, survey = _classic(settings, site, form, project)
    else:
        from autofiler.site import sitemap

        smap = sitemap.parse(data, map_path)  # type: ignore[arg-type]
        form = load_form(smap.form)
        r.say(f"站点地图 / site map: {map_path} (form {smap.form}, family {family})")
        found, survey = _element(settings, smap, form, project or "")
    list_controls(r, found)
    report(r, survey)
    out = getattr(args, "out", None)
    if out:
        written = drafts.write(Path(out), survey, map_path, CATALOGS / f"{form.generation}.yaml", family)
        r.say(f"已写出草稿 / drafts written: {written[0]} (站点地图 / site map), {written[1]} (表单目录 / catalog)")
    n = len(survey.differences)
    if n:
        r.say(f"{n} 处差异 / {n} difference(s)", "red")
        return 1
    r.say("站点与站点地图、表单目录一致 / the site matches the site map and the catalog", "green")
    return 0


def _classic(settings: Any, site: Any, form: Any, project: str | None) -> tuple[list[FoundTab], Survey]:
    from autofiler.site.session.classic_session import open_classic
    from autofiler.site.survey.match import match
    from autofiler.site.survey.walk import survey_site

    with open_classic(settings, site) as session:
        found = survey_site(session, site, project)
    return found, match(site, form, found)


def _element(settings: Any, smap: Any, form: Any, project: str) -> tuple[list[FoundTab], Survey]:
    from autofiler.site.session.site_session import open_site
    from autofiler.site.survey.element_walk import ElementWalker, expected
    from autofiler.site.survey.match import match_tabs

    with open_site(settings, site_map=smap) as session:
        found = ElementWalker(session).walk(project)
    return found, match_tabs(expected(smap, form), form, found)
