"""The spec as the filing service takes it: validated first (a bad spec never opens a browser), then its title,
site values, path and position lookup."""

from __future__ import annotations

from typing import Any


def load_spec(path: str) -> Any:
    """The validated spec (raises SpecError before any browser starts)."""
    from autofiler.spec import load_valid

    return load_valid(path)


def spec_parts(result: Any) -> tuple[str, dict[str, dict[str, Any]], str, Any]:
    """Project name, site values, spec path and the position lookup of a loaded spec."""
    spec = result.spec
    values = spec.site_values()
    # site_values names every institution by its name; an unregistered one keeps its details so that the
    # driver can add it through the site's dialog when the search does not find it.
    rows = (values.get("implementation") or {}).get("participating_units") or []
    units = getattr(spec.implementation, "participating_units", None) or []
    for row, unit in zip(rows, units, strict=False):
        inst = getattr(unit, "institution", None)
        if inst is not None and not isinstance(inst, str) and hasattr(inst, "model_dump"):
            row["institution"] = inst.model_dump(exclude_none=True)
    position = getattr(result, "position", None)
    return spec.project_name, values, str(getattr(result, "path", "")), position
