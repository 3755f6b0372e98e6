"""Calls to action and link lines left in a wide reading: what a page's frame says to click.

The whole page's text and its ``<main>`` carry the buttons and links of the page's frame that
the DOM pass had no name for: "Book a demo", "Get started", "Add to cart", "Contact us",
"Privacy Policy". In such a reading, a short block that is nothing but short links (a link
line, not a sentence) is the frame, and goes; each is recorded like any removal. Readability's
reading and the article container are precise and left alone.
"""

from __future__ import annotations

from lire.model import Block, BlockKind, Removal

__all__ = ["LINK_LINE_RULE", "MAX_WORDS", "without_link_lines"]

LINK_LINE_RULE = "nav/extract-link-line"
MAX_WORDS = 4  # in each link
MAX_LINE_WORDS = 8  # in the whole block
_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})


def without_link_lines(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], tuple[Removal, ...]]:
    """``blocks`` without their link lines, and a removal for each."""
    kept: list[Block] = []
    removed: list[Removal] = []
    for block in blocks:
        if _is_link_line(block):
            removed.append(Removal(LINK_LINE_RULE, block.text, kind=block.kind))
        else:
            kept.append(block)
    return tuple(kept), tuple(removed)


def _is_link_line(block: Block) -> bool:
    if block.kind not in _KINDS or not block.links or len(block.text.split()) > MAX_LINE_WORDS:
        return False
    if any(len(link.text.split()) > MAX_WORDS for link in block.links):
        return False
    letters = sum(character.isalnum() for character in block.text)
    linked = sum(character.isalnum() for link in block.links for character in link.text)
    return letters > 0 and linked >= letters
