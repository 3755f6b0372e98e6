"""Search in the article: the hits of a query and which one is current, as a plain value.

As in less and vim: case- and accent-insensitive (``cafe`` finds ``Café``), the title
included, the first hit the first from the view down, ``n`` and ``N`` from the view when the
current hit has scrolled out of it. No Textual: the reader screen owns a ``Search`` and hands
its hits to the article view, which only draws them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from lire.model import Block
from lire.sanitize import sanitize_line
from lire.ui.document import block_body

__all__ = ["TITLE", "Match", "Search", "find_matches", "fold"]

TITLE = -1  # the block index of a hit in the title


@dataclass(frozen=True, slots=True)
class Match:
    """One search hit: block index (``TITLE`` for the title) and span in its shown text."""

    block: int
    start: int
    end: int


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` without case or accents, and for each folded character its index in ``text``."""
    folded: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFD", char):
            if unicodedata.combining(part):
                continue
            for small in part.casefold():
                folded.append(small)
                where.append(index)
    return "".join(folded), where


def _find(text: str, needle: str) -> list[tuple[int, int]]:
    folded, where = fold(text)
    spans = []
    for found in re.finditer(re.escape(needle), folded):
        if found.end() > found.start():
            spans.append((where[found.start()], where[found.end() - 1] + 1))
    return spans


def find_matches(blocks: Sequence[Block], query: str, *, title: str | None = None) -> list[Match]:
    """Every occurrence of ``query`` in the title and the blocks' shown text, folded."""
    needle = fold(query)[0]
    if not needle.strip():
        return []
    hits = [Match(TITLE, *span) for span in _find(sanitize_line(title or ""), needle)]
    for index, block in enumerate(blocks):
        hits += [Match(index, *span) for span in _find(block_body(block), needle)]
    return hits


@dataclass(frozen=True, slots=True)
class Search:
    """A query, its hits in order, and the index of the current hit (None: no hit)."""

    query: str = ""
    matches: tuple[Match, ...] = ()
    at: int | None = None

    @classmethod
    def run(
        cls, blocks: Sequence[Block], query: str, *, from_block: int = 0, title: str | None = None
    ) -> Search:
        """Search ``blocks`` (and ``title``) for ``query``; the current hit is the first at
        or after ``from_block`` (the first of all when none is)."""
        matches = tuple(find_matches(blocks, query, title=title))
        if not matches:
            return cls(query)
        at = next((i for i, m in enumerate(matches) if m.block >= from_block), 0)
        return cls(query, matches, at)

    @property
    def current(self) -> Match | None:
        return None if self.at is None else self.matches[self.at]

    def step(self, step: int, *, view: tuple[int, int] | None = None) -> Search:
        """The next (1) or previous (-1) hit, round the end. When ``view`` (the first and last
        block in view) no longer holds the current hit, the step starts from the view."""
        if self.at is None:
            return self
        current, count = self.matches[self.at], len(self.matches)
        if view is None or view[0] <= current.block <= view[1]:
            return Search(self.query, self.matches, (self.at + step) % count)
        if step > 0:
            at = next((i for i, m in enumerate(self.matches) if m.block > view[0]), 0)
            if self.matches[at].block < view[0]:
                at = 0
        else:
            before = [i for i, m in enumerate(self.matches) if m.block < view[0]]
            at = before[-1] if before else count - 1
        return Search(self.query, self.matches, at)

    def describe(self) -> str:
        """``"3/45"`` (the hit and how many), or "" without hits."""
        return "" if self.at is None else f"Match {self.at + 1}/{len(self.matches)}"
