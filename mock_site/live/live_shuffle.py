"""--shuffle-dom on the live face: the order of a tab's form items, and random ids and class order on a page.

What moves is what a site could lay out otherwise without changing the form: a tab's top-level fields (a
group with its heading moves as one block, an English twin stays right after its field, a dependent select
right after its parent). Control names, labels, `lay-*` attributes and the columns of a row stay as they are:
the names are what the site's saves post, so a driver that goes by label or name keeps working.
"""

from __future__ import annotations

import random

from mock_site.dom_shuffle import shuffle_dom
from mock_site.live.form import Control, Tab, form


def units(t: Tab) -> list[list[Control]]:
    """The tab's controls in blocks that keep together, in page order."""
    module = form().modules[t.index]
    top = {c.key: f.key for f in module.fields for c in f.flat()}
    blocks: dict[str, list[Control]] = {}
    for c in t.controls:
        blocks.setdefault(top.get(c.twin_of or c.key, c.key), []).append(c)
    out: list[list[Control]] = []
    where: dict[str, list[Control]] = {}
    for block in blocks.values():
        parent = next((c.parent for c in block if c.parent and c.parent in where), None)
        if parent is not None:  # a dependent select joins its parent's block
            where[parent].extend(block)
            target = where[parent]
        else:
            out.append(block)
            target = block
        for c in block:
            where[c.key] = target
    return out


def shuffled(t: Tab, rng: random.Random) -> list[Control]:
    blocks = units(t)
    rng.shuffle(blocks)
    return [c for block in blocks for c in block]


def rewrite(html: str, rng: random.Random) -> str:
    """Random ids and class order; names are the site's contract and stay."""
    return shuffle_dom(html, rng, keep_names=True)
