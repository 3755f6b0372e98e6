"""Headings left without a section once a reading is cleaned.

A heading introduces what follows it. When the cleaner has removed everything under it (a
"You may also like" heading over its teasers, "Join our newsletter" over its form, "Quick
links" over its links), the heading is all that is left of a block of the page's frame: it
stands at the end of the reading, or (a short label, not a quoted line) right before a heading
of its own rank or above: landing pages set whole sentences and testimonials as headings of
their own. Such a heading goes too, recorded like any removal with its position before
cleaning, so that it can be put back where it was. A heading over a subsection (an h2 before an
h3) keeps its place.
"""

from __future__ import annotations

from dataclasses import replace

from lire.model import Article, Block, BlockKind, Removal

__all__ = ["EMPTY_SECTION_RULE", "without_empty_sections"]

EMPTY_SECTION_RULE = "related/extract-empty-section"
DEEPEST = 7  # below any heading level: the end of the reading closes every section
MAX_LABEL_WORDS = 6  # a heading this short before another is a label, not a line of text
_QUOTES = "\"“”„«»‘’'"


def without_empty_sections(article: Article) -> Article:
    """``article`` without the headings whose section it no longer holds."""
    blocks = article.blocks
    empty = [i for i, block in enumerate(blocks) if _is_empty(block, _next(blocks, i))]
    if not empty:
        return article
    slots = _slots(article)
    gone = set(empty)
    removals = tuple(
        Removal(EMPTY_SECTION_RULE, blocks[i].text, index=slots[i], kind=BlockKind.HEADING)
        for i in empty
    )
    kept = tuple(block for i, block in enumerate(blocks) if i not in gone)
    return replace(article, blocks=kept, removed=(*article.removed, *removals))


def _next(blocks: tuple[Block, ...], index: int) -> Block | None:
    return blocks[index + 1] if index + 1 < len(blocks) else None


def _is_empty(block: Block, following: Block | None) -> bool:
    """True for a heading followed by nothing, or by a heading of its rank or above."""
    if block.kind is not BlockKind.HEADING:
        return False
    if following is None:
        return True
    if following.kind is not BlockKind.HEADING or _level(following) > _level(block):
        return False
    return len(block.text.split()) <= MAX_LABEL_WORDS and not block.text.startswith(tuple(_QUOTES))


def _level(block: Block) -> int:
    return block.level if 1 <= block.level <= 6 else DEEPEST


def _slots(article: Article) -> list[int]:
    """The position before cleaning of each block of ``article`` (the blocks the cleaner
    removed whole have a position; a cut tail leaves its block in place)."""
    whole = {r.index for r in article.removed if r.index is not None and not r.cut}
    slots: list[int] = []
    position = 0
    while len(slots) < len(article.blocks):
        if position not in whole:
            slots.append(position)
        position += 1
    return slots
