"""The site's registered institutions, searched as the unit picker does: the request its site map declares
(`institution_search`), sent with the logged-in session's cookies.

Both families' maps may declare it; the classic model types it, an Element map is read for the same key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from autofiler.errors import ConfigError, SessionExpired, SiteError
from autofiler.site.maps.classic_model import InstitutionSearch
from autofiler.site.maps.resolve import read_yaml
from autofiler.site.prewrite import Problem

MAX_RESULTS = 100


@dataclass(frozen=True)
class Institution:
    name: str
    province: str = ""
    city: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def declared(map_path: Path) -> InstitutionSearch:
    """The search request a site map declares; a clear error when it declares none."""
    data = read_yaml(map_path)
    raw = data.get("institution_search") if isinstance(data, Mapping) else None
    if not raw:
        raise ConfigError(f"站点地图 {map_path} 没有声明机构搜索 / the site map declares no institution_search",
                          hint="add institution_search {url, rows, name, province, city} to the site map")
    try:
        return InstitutionSearch.model_validate(raw)
    except ValueError as e:
        raise ConfigError(f"site map {map_path}: institution_search is not valid: {e}") from None


def _rows(data: Any, where: str) -> list[Any]:
    for part in [p for p in where.split(".") if p]:
        data = data.get(part) if isinstance(data, Mapping) else None
    if not isinstance(data, list):
        raise SiteError("机构搜索的回答不是列表 / the institution search did not answer with a list",
                        hint="the site may have changed: run `autofiler doctor`")
    return data


def search(request: Any, base_url: str, how: InstitutionSearch, text: str) -> list[Institution]:
    """Registered institutions whose name holds `text`, in the site's order. `request` is the browser
    context's APIRequestContext (page.request), so the session's cookies go with it."""
    url = base_url.rstrip("/") + "/" + how.url.replace("{q}", quote(text.strip(), safe="")).lstrip("/")
    resp = request.get(url)
    if resp.status == 401:
        raise SessionExpired("登录已过期 / the session expired during the institution search")
    if not resp.ok:
        raise SiteError(f"机构搜索失败 / the institution search answered HTTP {resp.status}")
    try:
        data = resp.json()
    except Exception:  # noqa: BLE001 - not JSON
        raise SiteError("机构搜索的回答不是 JSON / the institution search did not answer with JSON") from None
    out = []
    for row in _rows(data, how.rows)[:MAX_RESULTS]:
        if isinstance(row, Mapping) and str(row.get(how.name) or "").strip():
            out.append(Institution(str(row[how.name]).strip(), str(row.get(how.province) or "").strip(),
                                   str(row.get(how.city) or "").strip()))
    return out


def registered(request: Any, base_url: str, how: InstitutionSearch, name: str) -> bool:
    """Whether the search offers exactly this name, as the picker needs it."""
    return any(i.name == name.strip() for i in search(request, base_url, how, name))


def sop_unit_problems(site: Any, values: dict[str, dict[str, Any]]) -> list[Any]:
    """On an Element-family site: every unit of a table's institution column written as a plain name, looked
    up through the search the site map declares. Not registered: a problem, unless the spec gives its details
    ({name, province, city, address}) for the 添加未在系统注册的医疗卫生机构 dialog."""
    how = getattr(site.map, "institution_search", None)
    if how is None:
        return []
    found: dict[str, bool] = {}
    out = []
    for module in site.map.modules:
        for f in module.fields:
            for c in (col for col in f.columns if col.widget == "institution"):
                for i, row in enumerate((values.get(module.key) or {}).get(f.key) or []):
                    value = row.get(c.key) if isinstance(row, dict) else None
                    name = str(value.get("name", "") if isinstance(value, dict) else value or "").strip()
                    if not name:
                        continue
                    if name not in found:
                        found[name] = registered(site.page.request, site.base_url, how, name)
                    if found[name]:
                        continue
                    path, label = f"{module.key}.{f.key}[{i}].{c.key}", f"{module.tab} › {f.label} 第{i + 1}行 › {c.label}"
                    if isinstance(value, dict):
                        out.append(Problem(path, label, f"“{name}”未在站点注册，将通过“添加未在系统注册的医疗卫生机构”"
                                           f"添加 / “{name}” is not registered: it is added with the details the spec "
                                           "gives", blocking=False))
                    else:
                        out.append(Problem(path, label, f"“{name}”未在站点注册 / “{name}” is not registered on the "
                                           "site: write it as {name, province, city, address} to add it, or pick a "
                                           "registered one (`autofiler institutions`)"))
    return out
