"""The --shuffle-dom rewrite of a server-rendered page: random ids (and, unless kept, names) and class order on
every tag.

A driver that leans on ids breaks here while one that follows labels, or the control names a site keeps as its
contract (the live face passes keep_names), keeps working. The order of form items is shuffled earlier, where the
live face lays out a tab (`live/live_shuffle.py`), because only there is it known which items belong together.
The Element face draws its own shuffle in the browser.
"""

from __future__ import annotations

import itertools
import random
import re
import string

# A whole <script>/<style> block (left alone) or one start tag with its attributes.
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<([a-zA-Z][\w-]*)(\s[^<>]*)?>", re.DOTALL | re.IGNORECASE)
_ATTR = re.compile(r'([^\s"=<>/]+)="([^"]*)"')
_ALPHABET = string.ascii_lowercase + string.digits
# Attributes that name an id and must follow the id's new value.
_ID_REFS = ("aria-controls", "aria-labelledby", "aria-describedby", "aria-owns")


class _Rewriter:
    def __init__(self, rng: random.Random, keep_names: bool = False) -> None:
        self.rng = rng
        self.keep_names = keep_names
        self.ids: dict[str, str] = {}
        self.names: dict[str, str] = {}

    def token(self, prefix: str) -> str:
        return prefix + "".join(self.rng.choice(_ALPHABET) for _ in range(10))

    def new_id(self, value: str) -> str:
        # the same old id always maps to the same new one, so aria references stay valid
        if value not in self.ids:
            self.ids[value] = self.token("el-id-")
        return self.ids[value]

    def attr(self, m: re.Match[str]) -> str:
        key, value = m.group(1), m.group(2)
        low = key.lower()
        if low == "id" and value:
            value = self.new_id(value)
        elif low == "name" and value and not self.keep_names:
            # one old name, one new name: radio groups keep grouping
            value = self.names.setdefault(value, self.token("f"))
        elif low in _ID_REFS and value:
            value = " ".join(self.new_id(v) for v in value.split())
        elif low == "class" and value:
            classes = value.split()
            self.rng.shuffle(classes)
            value = " ".join(classes)
        return f'{key}="{value}"'

    def tag(self, m: re.Match[str]) -> str:
        if m.group(1) is not None:
            block = m.group(0)
            # only the opening tag of a script or style block is rewritten
            end = block.index(">") + 1
            return _ATTR.sub(self.attr, block[:end]) + block[end:]
        return _ATTR.sub(self.attr, m.group(0))


class PageDraws:
    """With --shuffle-dom, a new random draw per page (seeded from --seed, so runs can be reproduced); else None."""

    def __init__(self, enabled: bool, seed: int | None) -> None:
        self.enabled, self.seed = enabled, seed
        self._pages = itertools.count()

    def next(self) -> random.Random | None:
        if not self.enabled:
            return None
        n = next(self._pages)
        return random.Random(f"{self.seed}:{n}") if self.seed is not None else random.Random()


def shuffle_dom(html: str, rng: random.Random, keep_names: bool = False) -> str:
    """The page with every id (and name, unless kept) replaced and every class list reordered (same classes)."""
    return _TAG.sub(_Rewriter(rng, keep_names).tag, html)
