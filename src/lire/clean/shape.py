"""The weak signal a block's form alone gives, named like a rule: a line of links, a short line
in capitals, a price, an enumerated perk, a connective line, a word or two. Part of the block
classification (``lire.clean.classify``).
"""

from __future__ import annotations

import re

from lire.model import Block, BlockKind

__all__ = ["SHAPE_MAX_WORDS", "shape_signal"]

SHAPE_MAX_WORDS = 30  # longer blocks have no shape signal
PRICE_MAX_WORDS = 20  # a price in a longer block or sentence is news, not an offer
_PRICE = re.compile(r"\d\s?(?:[€$£]|eur\b|euros?\b|usd\b)|[€$£]\s?\d", re.IGNORECASE)
_ENUMERATED = re.compile(r"^[-–•*]?\s*\d{1,2}[.)]?\s+\S")


def shape_signal(block: Block, words: int) -> str | None:
    """A weak signal from the block's form alone, named like a rule."""
    text = block.text.strip()
    if not text or words > SHAPE_MAX_WORDS or (block.kind is BlockKind.HEADING and words > 3):
        return None
    if block.links and words <= 20:
        letters = sum(c.isalpha() for c in text)
        linked = sum(sum(c.isalpha() for c in link.text) for link in block.links)
        if letters and linked >= 0.8 * letters:
            return "nav/link-only"
    if words <= 8 and text.upper() == text and sum(c.isalpha() for c in text) >= 4:
        return "nav/all-caps"
    if words <= PRICE_MAX_WORDS and _PRICE.search(text):
        return "subscription/price"
    if _ENUMERATED.match(text):
        return "subscription/enumerated-perk"
    if words <= 12 and text[-1] in ",:":
        return "nav/connective"
    if words <= 2:
        return "nav/short"
    return None
