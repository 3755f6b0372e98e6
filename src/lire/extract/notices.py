"""What a reader should be told about a reading: that it is a teaser, or the whole page's text.

A teaser is said plainly when the page marks its paywalled part (schema.org
``isAccessibleForFree: false``, with or without ``hasPart``/``cssSelector``), or when the
cleaner removed a paywall notice after the last block it kept: what is left is the free part.
"""

from __future__ import annotations

from lire.model import Article

__all__ = [
    "DESCRIPTION_NOTICE",
    "TEASER_NOTICE",
    "WHOLE_PAGE_NOTICE",
    "fallback_notice",
    "teaser_only",
]

TEASER_NOTICE = "teaser only: the rest is for subscribers"
WHOLE_PAGE_NOTICE = "no article found on this page: this is its whole text, cleaned"
DESCRIPTION_NOTICE = "no text found on this page: this is its description"
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


def fallback_notice(last_resort: str | None) -> str | None:
    """What to say when the reading is a last resort (see ``lire.extract.choice``)."""
    if last_resort is None:
        return None
    return DESCRIPTION_NOTICE if last_resort == "description" else WHOLE_PAGE_NOTICE
