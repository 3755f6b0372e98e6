"""Marks: what is drawn over an article's blocks beyond their text: search hits, the block
flashed after a jump, link numbers. A plain value of the article view, no Textual."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate

from lire.model import Block
from lire.ui.document import Drawn, Palette, Span, draw_block

__all__ = ["Marks"]


class Marks:
    """Search hits by block (one current), a flashed block, and whether links are numbered."""

    def __init__(self) -> None:
        self.hits: dict[int, list[Span]] = {}
        self.current: tuple[int, Span] | None = None
        self.flashed: int | None = None
        self.numbers = False
        self._first_links: list[int] = [1]

    def reset(self, blocks: Sequence[Block]) -> None:
        """A new article: no hits, nothing flashed; its links numbered from 1 in order."""
        self.hits, self.current, self.flashed = {}, None, None
        self._first_links = list(accumulate((len(b.links) for b in blocks), initial=1))

    def set_hits(
        self, hits: Iterable[tuple[int, Span]], current: tuple[int, Span] | None
    ) -> set[int]:
        """Mark search hits; the blocks whose look changed."""
        touched = set(self.hits) | ({self.current[0]} if self.current else set())
        self.hits = {}
        for block, span in hits:
            self.hits.setdefault(block, []).append(span)
        self.current = current
        return touched | set(self.hits)

    def flash(self, block: int | None) -> set[int]:
        """Highlight one block (None: none); the blocks whose look changed."""
        touched = {b for b in (self.flashed, block) if b is not None}
        self.flashed = block
        return touched

    def drawn(self, index: int, block: Block, palette: Palette) -> Drawn:
        """Block ``index`` with its marks."""
        current = self.current
        return draw_block(
            block,
            palette,
            hits=self.hits.get(index, ()),
            current=current[1] if current is not None and current[0] == index else None,
            flash=index == self.flashed,
            first_link=self._first_links[index] if self.numbers else None,
        )
