"""Putting removed blocks back where they were: a pure function over lire.model values."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from lire.model import Article, Block

__all__ = ["restore_removals"]


def restore_removals(article: Article, restored: Collection[int]) -> Article:
    """``article`` with the removals numbered in ``restored`` put back at their ``index``.

    ``Removal.index`` is the block's position before cleaning: the kept blocks fill the other
    positions in order. A removal without an index (made on the DOM) goes at the end.
    """
    chosen = [article.removed[number] for number in sorted(restored)]
    original_slots = {r.index for r in article.removed if r.index is not None}
    placed: list[tuple[float, int, Block]] = []
    position = 0
    for block in article.blocks:
        while position in original_slots:
            position += 1
        placed.append((position, 0, block))
        position += 1
    for removal in chosen:
        at = float("inf") if removal.index is None else float(removal.index)
        placed.append((at, 1, Block(kind=removal.kind, text=removal.text)))
    placed.sort(key=lambda item: (item[0], item[1]))
    return replace(article, blocks=tuple(block for _, _, block in placed))
