"""Scoring for the extraction benchmarks (written from their READMEs' descriptions).

Article-extraction benchmark: text is split into word tokens (runs of ``\\w``), compared as
multisets of overlapping 4-word shingles. Per page, TP/FP/FN are normalised by the page's total
so long articles do not dominate; precision and recall are averaged over pages and F1 is taken
from the two averages.

WCXB (``score_words``): the lower-cased ``\\w+`` tokens of prediction and reference compared as
multisets; precision, recall and F1 per page, each averaged over pages (``mean_word_scores``).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "PageScore",
    "Scores",
    "WordScore",
    "bootstrap_f1",
    "mean_word_scores",
    "score_page",
    "score_pages",
    "score_words",
    "shingles",
]

SHINGLE = 4
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's normalised counts (tp + fp + fn == 1 unless both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-word shingles of ``text`` (one shingle if it is shorter)."""
    tokens = _WORD.findall(text)
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def score_page(predicted: str, expected: str) -> PageScore:
    """Normalised TP/FP/FN of one prediction against its reference."""
    got, want = shingles(predicted), shingles(expected)
    tp = sum((got & want).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(1.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def score_pages(pages: Sequence[PageScore]) -> Scores:
    """Precision and recall averaged over pages, F1 from those two averages."""
    if not pages:
        return Scores(0.0, 0.0, 0.0)
    precision = sum(page.precision for page in pages) / len(pages)
    recall = sum(page.recall for page in pages) / len(pages)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def bootstrap_f1(
    pages: Sequence[PageScore], *, rounds: int = 1000, seed: int = 0
) -> tuple[float, float]:
    """A 95% bootstrap interval of F1, resampling pages with replacement."""
    if not pages:
        return (0.0, 0.0)
    generator = random.Random(seed)
    values = sorted(score_pages(generator.choices(pages, k=len(pages))).f1 for _ in range(rounds))
    return values[int(0.025 * rounds)], values[min(rounds - 1, int(0.975 * rounds))]


@dataclass(frozen=True, slots=True)
class WordScore:
    """One page's word-level precision, recall and F1 (WCXB)."""

    precision: float
    recall: float
    f1: float


def score_words(predicted: str, expected: str) -> WordScore:
    """WCXB's metric for one page: the overlap of the two multisets of lower-cased words."""
    got, want = Counter(_WORD.findall(predicted.lower())), Counter(_WORD.findall(expected.lower()))
    if not got and not want:
        return WordScore(1.0, 1.0, 1.0)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return WordScore(precision, recall, f1)


def mean_word_scores(pages: Sequence[WordScore]) -> WordScore:
    """Precision, recall and F1 each averaged over pages (WCXB averages the per-page F1)."""
    if not pages:
        return WordScore(0.0, 0.0, 0.0)
    count = len(pages)
    return WordScore(
        sum(page.precision for page in pages) / count,
        sum(page.recall for page in pages) / count,
        sum(page.f1 for page in pages) / count,
    )
