"""What a reader should be told about a reading: that it is a teaser, or the whole page's text.

A teaser is said plainly when the page marks its paid part (schema.org ``isAccessibleForFree:
false`` with ``hasPart``/``cssSelector``) and that part was not served. When the page marks
none, it is said when the cleaner removed a paywall notice after the last block it kept, or
dropped a container whose prose is a paywall notice ("this article is reserved for
subscribers"; not one dropped for its class name alone, which free articles carry too).
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
_DOM_MARKUP = "/dom-"  # a DOM pass removal made on the markup (class, tag, role), not on prose


def teaser_only(article: Article, *, paid_part_served: bool | None) -> bool:
    """True when ``article`` (cleaned) is the free part of a paywalled text.

    ``paid_part_served`` is what the page's schema.org markup tells (see
    ``lire.extract.paywall``): it settles the question when it is not None.
    """
    if paid_part_served is not None:
        return not paid_part_served
    kept_last = _last_kept_index(article)
    for removal in article.removed:
        if not removal.rule.startswith(_PAYWALL) or removal.cut:
            continue
        if removal.index is None and _DOM_MARKUP not in removal.rule:
            return True
        if removal.index is not None and removal.index > kept_last:
            return True
    return False


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
