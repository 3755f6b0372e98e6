"""Which candidate reading of a page wins, once each is cleaned: scores, order and confidence.

A reading's score is its clean word count weighted by what its source is worth: readability's
choice and a page's single ``<article>`` are precise, ``<main>`` less so, the whole page's text
is the last resort (it wins when the others hold much less of the page's text: a landing
page, a listing). An empty reading scores 0 and gives way to the next; so does a small one next
to a much larger one. The page's kind shifts the weights: a thread, a listing or a product page
is read whole more often than an article is. The weights were set on the tuning part of the
WCXB development split (bench/wcxb.py), never on its held-out part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lire.model import Article, PageKind

__all__ = ["Ranked", "confidence", "rank"]

# What a word of each source is worth next to a word of the whole page.
WEIGHTS: dict[str, float] = {
    "readability": 3.0,
    "article": 2.5,
    "json-ld": 2.5,
    "posts": 3.0,
    "main": 2.0,
    "readability-2": 0.5,
    "page": 1.0,
    "text": 1.0,
}
# Per kind, the weights that differ from those above.
KIND_WEIGHTS: dict[PageKind, dict[str, float]] = {}
MIN_WORDS = 5  # fewer clean words than this: not a reading


@dataclass(frozen=True, slots=True)
class Ranked:
    """One candidate's place: its index among the candidates, its name and its score."""

    index: int
    name: str
    score: float


def rank(readings: Sequence[tuple[str, Article]], kind: PageKind) -> tuple[Ranked, ...]:
    """The candidates, best first; ties keep the order they came in."""
    weights = WEIGHTS | KIND_WEIGHTS.get(kind, {})
    scored = [
        Ranked(index, name, _score(article, weights.get(name, 1.0)))
        for index, (name, article) in enumerate(readings)
    ]
    return tuple(sorted(scored, key=lambda r: (-r.score, r.index)))


def confidence(ranked: Sequence[Ranked], texts: Sequence[str]) -> float:
    """How sure the choice is (0-1): the winner's share of the two best *different* readings'
    scores; lower when the winner is the whole page's text, 0 when nothing has text."""
    if not ranked or ranked[0].score <= 0:
        return 0.0
    best = ranked[0]
    other = next((r for r in ranked[1:] if texts[r.index] != texts[best.index]), None)
    share = 1.0 if other is None or other.score <= 0 else best.score / (best.score + other.score)
    return round(share * (0.8 if best.name == "page" else 1.0), 3)


def _score(article: Article, weight: float) -> float:
    words = article.words
    return 0.0 if words < MIN_WORDS else words * weight
