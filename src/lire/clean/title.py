"""The title and the headline of pasted text, which the block pass judges like its other lines.

lire takes plain text's title from its first line (``lire.extract.text_blocks``): on a page
copied as text that line may be "ADVERTISEMENT", "Share" or a section name. The block pass
judges the title as the text's first block (``with_title_block``), and gives it back its place
when it stays (``title_back``). The headline (``headline_candidates``) is never removed, whatever a
rule says of it: an article about subscriptions may be headed "Subscribe to read: ...".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from lire.clean.features import is_prose
from lire.model import Article, Block, BlockKind

__all__ = ["TITLE_MAX_WORDS", "headline_candidates", "title_back", "with_title_block"]

TITLE_MAX_WORDS = 6  # plain text's title is removed by a rule only when it is this short
HEADLINE_WITHIN = 4  # without such a title, the headline is looked for in this many blocks
HEADLINE_WORDS = (TITLE_MAX_WORDS + 1, 25)  # and is this long
_HEADLINE_ENDS = tuple(".:;,!?…")


def with_title_block(article: Article) -> Article:
    """Plain text's title as its first block (a heading), the article without a title; an
    article with no title, or read from HTML, as it is."""
    if article.media_type != "text/plain" or not article.title:
        return article
    heading = Block(BlockKind.HEADING, article.title, level=1)
    return replace(article, title=None, blocks=(heading, *article.blocks))


def title_back(cleaned: Article, article: Article) -> Article:
    """The clean article of ``with_title_block(article)`` whose first block, the title, stayed:
    the title back in its place, the removals' positions those of ``article``'s blocks."""
    removed = tuple(
        replace(r, index=r.index - 1) if r.index is not None and r.index > 0 else r
        for r in cleaned.removed[len(article.removed) :]
    )
    return replace(
        cleaned,
        title=article.title,
        blocks=cleaned.blocks[1:],
        removed=(*article.removed, *removed),
    )


def headline_candidates(blocks: Sequence[Block], title: str | None) -> list[int]:
    """The blocks of pasted text that may be its headline (the one chosen is never removed).

    The first block when it is the title lire took from the text's first line and is headline-
    long (more than ``TITLE_MAX_WORDS``: shorter ones may be "ADVERTISEMENT" or "Share"). Else,
    among the first ``HEADLINE_WITHIN`` blocks, those of ``HEADLINE_WORDS`` words that do not end
    like a sentence, before any paragraph (a longer block, or running text): "Subscribe to read:
    what that little button really means" heads an article about subscriptions.
    """
    if title is not None and len(title.split()) > TITLE_MAX_WORDS:
        return [0]
    found: list[int] = []
    for i, block in enumerate(blocks[:HEADLINE_WITHIN]):
        words = len(block.text.split())
        if words > HEADLINE_WORDS[1] or is_prose(block.text, words):
            break  # a paragraph came first
        if words >= HEADLINE_WORDS[0] and not block.text.rstrip().endswith(_HEADLINE_ENDS):
            found.append(i)
    return found
