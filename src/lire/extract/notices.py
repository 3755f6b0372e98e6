"""What a reader should be told about a reading: that it is a teaser, or the whole page's text.

A teaser is said plainly when the page marks its paywalled part (schema.org
``isAccessibleForFree: false``, with or without ``hasPart``/``cssSelector``), or when the
cleaner removed a paywall notice after the last block it kept: what is left is the free part.
"""

from __future__ import annotations

from lire.model import Article

__all__ = ["TEASER_NOTICE", "WHOLE_PAGE_NOTICE", "teaser_only"]

TEASER_NOTICE = "teaser only: the rest is for subscribers"
WHOLE_PAGE_NOTICE = "no article found on this page: this is its whole text, cleaned"
_PAYWALL = "paywall/"


def teaser_only(article: Article, *, paywalled: bool) -> bool:
    """True when ``article`` (cleaned) is the free part of a paywalled text."""
    if paywalled:
        return True
    kept_last = _last_kept_index(article)
    return any(
        removal.rule.startswith(_PAYWALL)
        and removal.index is not None
        and not removal.cut
        and removal.index > kept_last
        for removal in article.removed
    )


def _last_kept_index(article: Article) -> int:
    """The index, before cleaning, of the last block the cleaner kept (-1: none)."""
    removed = {r.index for r in article.removed if r.index is not None and not r.cut}
    total = len(article.blocks) + len(removed)
    kept = [index for index in range(total) if index not in removed]
    return kept[-1] if kept else -1
