"""Search in the article: the hits of a query and which one is current, as a plain value.

As in less and vim: case- and accent-insensitive (``cafe`` finds ``Café``: the text is folded
once per article, with ``str.translate``), the title included, the first hit the first from
the view down, ``n`` and ``N`` from the view when the current hit has scrolled out of it. No
Textual: the reader screen owns a ``Search`` and hands its hits to the article view, which
only draws them.
"""

from __future__ import annotations

import functools
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


_CACHED_CHARACTERS = 8192  # characters whose fold is kept (a page could hold every one)


def _fold_character(character: str) -> str:
    """One character without case or accents: "É" -> "e", "ß" -> "ss", a combining mark -> ""."""
    parts = unicodedata.normalize("NFD", character)
    return "".join(part for part in parts if not unicodedata.combining(part)).casefold()


class _Folds(dict[int, str]):
    """``str.translate``'s table: each character's fold, worked out when first met."""

    def __missing__(self, code: int) -> str:
        folded = _fold_character(chr(code))
        if len(self) < _CACHED_CHARACTERS:
            self[code] = folded
        return folded


class _Uneven(dict[int, str | None]):
    """``str.translate``'s table keeping only the characters that do not fold to exactly one."""

    def __missing__(self, code: int) -> str | None:
        kept = None if len(_FOLDS[code]) == 1 else chr(code)
        if len(self) < _CACHED_CHARACTERS:
            self[code] = kept
        return kept


_FOLDS = _Folds()
_UNEVEN = _Uneven()


def fold(text: str) -> tuple[str, list[int] | None]:
    """``text`` without case or accents, and for each folded character its index in ``text``
    (None when that is its own index: every character folded to exactly one). Two passes of
    ``str.translate``, so a long article folds in milliseconds."""
    if text.isascii():
        return text.lower(), None
    folded = text.translate(_FOLDS)
    uneven = text.translate(_UNEVEN)
    if not uneven:
        return folded, None
    where: list[int] = []  # runs of even characters as ranges, the uneven ones one by one
    last = 0
    for found in _uneven_pattern("".join(sorted(set(uneven)))).finditer(text):
        at = found.start()
        where += range(last, at)
        where += [at] * len(_FOLDS[ord(text[at])])
        last = at + 1
    where += range(last, len(text))
    return folded, where


@functools.lru_cache(maxsize=64)
def _uneven_pattern(characters: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in characters) + "]")


@functools.lru_cache(maxsize=4)
def _folded_blocks(blocks: tuple[Block, ...]) -> tuple[tuple[str, list[int] | None, int], ...]:
    """Each block's shown text folded (and how long it was), once per article: a search, then
    another, costs the folding once."""
    return tuple((*fold(body), len(body)) for body in map(block_body, blocks))


def _find(folded: str, where: list[int] | None, needle: str, length: int) -> list[tuple[int, int]]:
    """The spans of ``needle`` in the text (``length`` long) whose fold is ``folded``; a hit
    that ends on a letter takes the accents folded away after it."""
    spans = []
    for found in re.finditer(re.escape(needle), folded):
        start, end = found.start(), found.end()
        if end <= start:
            continue
        if where is None:
            spans.append((start, end))
        else:
            after = where[end] if end < len(where) else length
            spans.append((where[start], max(where[end - 1] + 1, after)))
    return spans


def find_matches(blocks: Sequence[Block], query: str, *, title: str | None = None) -> list[Match]:
    """Every occurrence of ``query`` in the title and the blocks' shown text, folded."""
    needle = fold(query)[0]
    if not needle.strip():
        return []
    title = sanitize_line(title or "")
    hits = [Match(TITLE, *span) for span in _find(*fold(title), needle, len(title))]
    for index, (folded, where, length) in enumerate(_folded_blocks(tuple(blocks))):
        if needle in folded:
            hits += [Match(index, *span) for span in _find(folded, where, needle, length)]
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
