"""Readability.js's widening of readability's choice to the sections around it.

readability scores each container of paragraphs apart and takes the best: when an article is
cut into sections (a post split into blocks by its editor, a buying guide's products, a
checklist's items) it takes one section. Readability.js then looks at the other top candidates:
when at least ``MIN_CLOSE`` of them score nearly as well as the best (``CLOSE_SCORE``), the
nearest ancestor of the best that holds ``MIN_CLOSE`` of them is the article. Readability.js asks
for three rivals; two was better on the WCXB tuning part's articles (``bench/wcxb.py``), and
lire widens only the pages it reads as articles (on forums it took in the user boxes).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml.html import HtmlElement

__all__ = ["CLOSE_SCORE", "MIN_CLOSE", "TOP_CANDIDATES", "widened"]

TOP_CANDIDATES = 5
CLOSE_SCORE = 0.75
MIN_CLOSE = 2
_FRAME = frozenset({"body", "html"})


def widened(
    best: HtmlElement, score: float, ranked: Sequence[tuple[HtmlElement, float]]
) -> HtmlElement | None:
    """The ancestor of ``best`` (scored ``score``) that holds ``MIN_CLOSE`` of its close rivals
    among the candidates ``ranked`` (best first, with their scores), or None."""
    if score <= 0:
        return None
    close = [
        set(element.iterancestors())
        for element, rival in ranked[:TOP_CANDIDATES]
        if element is not best and rival >= CLOSE_SCORE * score
    ]
    if len(close) < MIN_CLOSE:
        return None
    for ancestor in best.iterancestors():
        if ancestor.tag in _FRAME:
            return None
        if sum(ancestor in ancestors for ancestors in close) >= MIN_CLOSE:
            return ancestor
    return None
