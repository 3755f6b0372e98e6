"""Search in the article: the hits of a query and which one is current, as a plain value.

No Textual: the reader screen owns a ``Search`` and hands its hits to the article view, which
only draws them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lire.model import Block
from lire.ui.document import block_body

__all__ = ["Match", "Search", "find_matches"]


@dataclass(frozen=True, slots=True)
class Match:
    """One search hit: block index and character span in that block's shown text."""

    block: int
    start: int
    end: int


def find_matches(blocks: Sequence[Block], query: str) -> list[Match]:
    """Every case-insensitive occurrence of ``query`` in the blocks' shown text."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [
        Match(index, found.start(), found.end())
        for index, block in enumerate(blocks)
        for found in pattern.finditer(block_body(block))
    ]


@dataclass(frozen=True, slots=True)
class Search:
    """A query, its hits in order, and the index of the current hit (None: no hit)."""

    query: str = ""
    matches: tuple[Match, ...] = ()
    at: int | None = None

    @classmethod
    def run(cls, blocks: Sequence[Block], query: str, *, from_block: int = 0) -> Search:
        """Search ``blocks`` for ``query``; the current hit is the first at or after
        ``from_block`` (the first of all when none is)."""
        matches = tuple(find_matches(blocks, query))
        if not matches:
            return cls(query)
        at = next((i for i, m in enumerate(matches) if m.block >= from_block), 0)
        return cls(query, matches, at)

    @property
    def current(self) -> Match | None:
        return None if self.at is None else self.matches[self.at]

    def step(self, step: int) -> Search:
        """The next (1) or previous (-1) hit, round the end."""
        if self.at is None:
            return self
        return Search(self.query, self.matches, (self.at + step) % len(self.matches))

    def describe(self) -> str:
        """``"Match 3/45"``, or "" without hits."""
        return "" if self.at is None else f"Match {self.at + 1}/{len(self.matches)}"
