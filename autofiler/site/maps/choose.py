"""Which site map serves a spec: the shipped map of the spec's form generation, or the one given with
--selectors, which must be of that same generation."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from autofiler.errors import ConfigError
from autofiler.paths import package_data
from autofiler.site.maps import resolve

LEGACY_GENERATION = "sop-2020"  # selectors/registry.yaml names no generation: it is the sop-2020 map
SHIPPED = {"sop-2020": "registry.yaml", "live-2026": "live-2026.yaml"}


def shipped(generation: str) -> Path:
    try:
        return package_data("selectors") / SHIPPED[generation]
    except KeyError:
        raise ConfigError(f"no site map is shipped for the form generation {generation!r}; "
                          f"give one with --selectors") from None


def generation_of(data: object) -> str:
    return str(data.get("form") or LEGACY_GENERATION) if isinstance(data, Mapping) else LEGACY_GENERATION


def check_generation(map_form: str, spec_form: str, source: Path | str) -> None:
    if map_form != spec_form:
        raise ConfigError(
            f"站点地图 {source} 属于表单 {map_form}，规格属于 {spec_form} / the site map is for form {map_form}, "
            f"the spec is for form {spec_form}",
            hint=f"use a site map of {spec_form} (or none: the shipped one is used)")


def for_spec(spec_form: str, selectors: str | Path | None) -> tuple[Path, str]:
    """The site map's path for a spec of `spec_form`, and its family ('classic' or 'element')."""
    path = Path(selectors) if selectors else shipped(spec_form)
    data = resolve.read_yaml(path)
    check_generation(generation_of(data), spec_form, path)
    family = str(data.get("family") or "element") if isinstance(data, Mapping) else "element"
    return path, family
