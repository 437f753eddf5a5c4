"""A project state's key from the label the site shows (草稿 -> draft), by the site map's `states`: one rule for
every list, page and UI family."""

from __future__ import annotations


def state_key(states: dict[str, str], label: str) -> str | None:
    """The key whose label is `label` (surrounding spaces ignored); None for a label the map does not know."""
    label = label.strip()
    return next((key for key, text in states.items() if text == label), None)
