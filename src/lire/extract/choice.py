"""Which candidate reading of a page wins once cleaned: scores, order, confidence, runners-up.

A reading's score is its clean word count weighted by what its source is worth: readability's
choice, a page's single ``<article>`` and its JSON-LD body are precise, ``<main>`` less so, and
the whole page's text is the last resort (it wins when the others hold much less of the page's
text: a landing page, a listing). An empty reading scores 0 and gives way to the next; so does
a small one next to a much larger one. The weights were set on the tuning part of the WCXB
development split (bench/wcxb.py), never on its held-out part.

Cleaning only removes words, so a reading's score before cleaning bounds its score after:
readings are cleaned best bound first, and the search stops as soon as the best clean score
reaches the next bound. The winner is the one cleaning every reading would give, for a fraction
of the work; readings never cleaned are kept as extracted (``Candidate.cleaned`` is False).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lire.model import Article, Candidate, PageKind

__all__ = ["LAST_RESORTS", "WIDE_READINGS", "Choice", "choose", "weight"]

# What a word of each source is worth next to a word of the whole page.
WEIGHTS: dict[str, float] = {
    "readability": 3.0,
    "article": 2.5,
    "json-ld": 2.5,
    "main": 2.0,
    "page": 1.0,
    "text": 1.0,
    "posts": 0.1,  # comments under an article are not the article
    "unpruned": 0.3,  # the page as served, when the DOM pass left (nearly) nothing
    "description": 0.05,  # the page's own summary, when it shows no text at all
}
# Per kind, the weights that differ from those above (set on the WCXB tuning part, by kind
# as lire tells it, so that a wrong kind costs what it costs on unseen pages).
KIND_WEIGHTS: dict[PageKind, dict[str, float]] = {
    PageKind.ARTICLE: {"readability": 5.0, "article": 2.0, "main": 1.5},
    PageKind.FORUM: {"readability": 6.0, "article": 1.0, "main": 1.0, "page": 0.5, "posts": 4.0},
    PageKind.DOCUMENTATION: {"readability": 2.0, "article": 2.5, "main": 2.0},
    PageKind.PRODUCT: {"readability": 2.0, "article": 2.0, "main": 3.0, "page": 1.0},
    PageKind.LISTING: {"readability": 4.0, "article": 3.0, "main": 1.0, "page": 0.75},
    PageKind.COLLECTION: {"readability": 4.0, "article": 3.0, "main": 1.5, "page": 0.3},
    PageKind.SERVICE: {"readability": 2.0, "article": 2.5, "main": 2.0},
}
LAST_RESORTS = frozenset({"page", "unpruned", "description"})
# Readings that hold the page's frame as well as its content (see lire.pipeline's cleaning).
WIDE_READINGS = frozenset({"main", "page", "unpruned"})
MIN_WORDS = 5  # fewer clean words than this: not a reading
PAGE_DISCOUNT = 0.8  # how much less sure lire is when the winner is the page's whole text


@dataclass(frozen=True, slots=True)
class Choice:
    """The winning reading (its index among the readings, its name, its clean article), how sure
    the choice is (0-1), the other readings best first, and the name of the winner when it is
    a last resort (the page's whole text, its description) and nothing else had text."""

    index: int
    name: str
    article: Article
    confidence: float
    others: tuple[Candidate, ...]
    last_resort: str | None = None


def weight(name: str, kind: PageKind) -> float:
    """What a word of the reading named ``name`` is worth on a page of ``kind``."""
    return KIND_WEIGHTS.get(kind, {}).get(name, WEIGHTS.get(name, 1.0))


def choose(
    readings: Sequence[tuple[str, Article]],
    kind: PageKind,
    clean: Callable[[str, Article], Article],
) -> Choice:
    """The best of ``readings`` (at least one) once cleaned with ``clean`` (given the
    reading's name and article)."""
    weights = [weight(name, kind) for name, _ in readings]
    bounds = [_score(article, w) for (_, article), w in zip(readings, weights, strict=True)]
    order = sorted(range(len(readings)), key=lambda i: (-bounds[i], i))
    cleaned: dict[int, Article] = {}
    scores = list(bounds)
    best = order[0]
    for i in order:
        if cleaned and scores[best] >= bounds[i]:
            break
        cleaned[i] = clean(*readings[i])
        scores[i] = _score(cleaned[i], weights[i])
        if scores[i] > scores[best] or best not in cleaned:
            best = i
    order = sorted(range(len(readings)), key=lambda i: (-scores[i], i))
    others = _others(readings, cleaned, scores, order, best)
    return Choice(
        index=best,
        name=readings[best][0],
        article=cleaned[best],
        confidence=_confidence(readings[best][0], scores[best], others),
        others=others,
        last_resort=_last_resort(readings, scores, best),
    )


def _last_resort(
    readings: Sequence[tuple[str, Article]], scores: Sequence[float], best: int
) -> str | None:
    name = readings[best][0]
    others = (score for i, score in enumerate(scores) if readings[i][0] not in LAST_RESORTS)
    return name if name in LAST_RESORTS and not any(score > 0 for score in others) else None


def _others(
    readings: Sequence[tuple[str, Article]],
    cleaned: dict[int, Article],
    scores: Sequence[float],
    order: Sequence[int],
    best: int,
) -> tuple[Candidate, ...]:
    """The readings that did not win, best first, each text once and none empty."""
    seen = {cleaned[best].text}
    others: list[Candidate] = []
    for i in order:
        article = cleaned.get(i, readings[i][1])
        if i == best or not article.blocks or article.text in seen:
            continue
        seen.add(article.text)
        others.append(Candidate(readings[i][0], article, scores[i], cleaned=i in cleaned))
    return tuple(others)


def _confidence(name: str, score: float, others: Sequence[Candidate]) -> float:
    """The winner's share of its score and the best other reading's; lower for the page."""
    if score <= 0:
        return 0.0
    runner_up = max((other.score for other in others), default=0.0)
    share = score / (score + runner_up) if runner_up > 0 else 1.0
    return round(share * (PAGE_DISCOUNT if name in LAST_RESORTS else 1.0), 3)


def _score(article: Article, weight: float) -> float:
    words = article.words
    return 0.0 if words < MIN_WORDS else words * weight
