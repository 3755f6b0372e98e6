"""Article -> Summary: an extractive, deterministic summary in the article's own language.

Every sentence of the article is scored by the cosine similarity of its words to the word counts
of the whole article (stemmed, without stop words: a sentence that uses the article's most
repeated words stands for it), plus a bias towards the start of the article, since news puts
what matters first. The best sentences are taken in rank order, skipping near-duplicates of
those already taken and sentences too short or too long to stand alone, then returned in
article order: points read as a short text whose pronouns and connectives still follow what
they refer to, and jumping from one to the next moves forward through the article.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lire.model import Article, Block, BlockKind, KeyPoint, Summary
from lire.sanitize import sanitize
from lire.text.language import detect_language, normalize_lang
from lire.text.lexicon import content_words, stem_map, terms
from lire.text.sentences import split_sentences

__all__ = [
    "EMPTY_NOTE",
    "SHORT_NOTE",
    "article_from_text",
    "closest_block",
    "lead",
    "summarize",
    "summarize_text",
]

SHORT_NOTE = "The article is short enough to read whole."
EMPTY_NOTE = "There is no text to summarize."

_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE})
_SKIPPED = frozenset(
    {BlockKind.CODE, BlockKind.PREFORMATTED, BlockKind.TABLE_ROW, BlockKind.TABLE, BlockKind.IMAGE}
)
MIN_WORDS = 6  # shorter sentences rarely stand alone ("He declined.")
MAX_WORDS = 70  # longer ones are run-ons or glued paragraphs
# The bonus of the sentence at ``position``: POSITION_WEIGHT * points ** POSITION_POWER, divided by
# 1 + POSITION_DECAY * position / points. One point is the most central sentence; more points
# lean towards the lead, which news writes as its own summary.
POSITION_WEIGHT = 0.1
POSITION_POWER = 3.0
POSITION_DECAY = 1.0
DUPLICATE_OVERLAP = 0.6  # share of a sentence's terms already in a chosen one
LANG_SAMPLE_BLOCKS = 40  # the blocks a pasted text's language is told from
# A summary is drawn from the first this many sentences (about 100,000 words): a book-length page
# costs no more to summarize than a very long article. Shorter articles are read whole.
MAX_SENTENCES = 5_000
_TERMINAL = (".", "!", "?", "…")


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    block: int
    position: int
    prose: bool
    words: int
    terms: tuple[str, ...]


def summarize(article: Article, *, points: int = 3, lang: str | None = None) -> Summary:
    """The ``points`` sentences that best stand for ``article``, each linked to its block."""
    _check(points)
    lang = lang or normalize_lang(article.lang)
    sentences = _sentences(article, lang)
    if note := _note(sentences, points):
        return Summary(lang=lang, note=note, method="offline")
    chosen = _choose(sentences, _scores(sentences, article, lang, points), points)
    return Summary(points=_key_points(chosen), lang=lang, method="offline")


def lead(article: Article, *, points: int = 3) -> Summary:
    """The first ``points`` sentences of the body (the lead-N baseline)."""
    _check(points)
    lang = normalize_lang(article.lang)
    sentences = _sentences(article, lang, stem=False)
    if note := _note(sentences, points):
        return Summary(lang=lang, note=note, method="lead")
    prose = [sentence for sentence in sentences if sentence.prose] or sentences
    return Summary(points=_key_points(prose[:points]), lang=lang, method="lead")


def summarize_text(text: str, *, lang: str | None = None, points: int = 3) -> list[str]:
    """Summarize plain text (one paragraph per line) into at most ``points`` sentences."""
    summary = summarize(article_from_text(text), points=points, lang=lang)
    return [point.text for point in summary.points]


def article_from_text(text: str) -> Article:
    """An Article with one paragraph per non-blank line of ``text``, its language detected."""
    lines = (line.strip() for line in text.splitlines())
    blocks = tuple(Block(BlockKind.PARAGRAPH, line) for line in lines if line)
    sample = " ".join(block.text for block in blocks[:LANG_SAMPLE_BLOCKS])
    return Article(blocks=blocks, lang=detect_language(sample), media_type="text/plain")


def _check(points: int) -> None:
    if points < 1:
        raise ValueError(f"a summary needs at least one point, not {points}")


def _sentences(article: Article, lang: str | None, *, stem: bool = True) -> list[_Sentence]:
    pieces: list[tuple[str, int, bool]] = []
    for index, block in enumerate(article.blocks):
        if len(pieces) >= MAX_SENTENCES:
            break
        if block.kind not in _SKIPPED:
            pieces += [(text, index, block.kind in _PROSE) for text in _texts(block, lang)]
    words = [content_words(text, lang) for text, _, _ in pieces]
    stems = stem_map({word for found in words for word in found}, lang) if stem else {}
    return [
        _Sentence(text, index, position, prose, len(text.split()), _stemmed(found, stems))
        for position, ((text, index, prose), found) in enumerate(zip(pieces, words, strict=True))
    ]


def _stemmed(words: list[str], stems: dict[str, str]) -> tuple[str, ...]:
    return tuple(map(stems.get, words, words))  # a word without a stem stands for itself


def _texts(block: Block, lang: str | None) -> list[str]:
    if block.kind is BlockKind.HEADING:
        return [block.text]
    return [sentence.text for sentence in split_sentences(block.text, lang=lang)]


def _note(sentences: list[_Sentence], points: int) -> str | None:
    if not any(sentence.terms or sentence.words for sentence in sentences):
        return EMPTY_NOTE
    prose = sum(1 for sentence in sentences if sentence.prose)
    return SHORT_NOTE if (prose or len(sentences)) <= points else None


def _scores(
    sentences: list[_Sentence], article: Article, lang: str | None, points: int
) -> list[float]:
    title = terms(article.title, lang) if article.title else ()
    whole = _counts([term for sentence in sentences for term in sentence.terms], *title)
    norm = math.sqrt(sum(value * value for value in whole.values())) or 1.0
    return [
        _coverage(sentence.terms, whole) / norm + _position_bonus(sentence.position, points)
        for sentence in sentences
    ]


def _coverage(found: tuple[str, ...], whole: Vector) -> float:
    """The cosine numerator and the sentence's own norm: its distinct terms, each weighing 1."""
    distinct = set(found)
    if not distinct:
        return 0.0
    return sum(map(whole.__getitem__, distinct)) / math.sqrt(len(distinct))


def _position_bonus(position: int, points: int) -> float:
    weight = POSITION_WEIGHT * math.pow(points, POSITION_POWER)
    return weight / (1.0 + POSITION_DECAY * position / points)


def _choose(sentences: list[_Sentence], scores: list[float], points: int) -> list[_Sentence]:
    prose = [s for s in sentences if s.prose]
    pool = [s for s in prose if MIN_WORDS <= s.words <= MAX_WORDS and _complete(s.text)]
    pool = pool or [s for s in prose if MIN_WORDS <= s.words <= MAX_WORDS] or prose or sentences
    ranked = sorted(pool, key=lambda s: (-scores[s.position], s.position))
    chosen: list[_Sentence] = []
    for sentence in ranked:
        if len(chosen) == points:
            break
        if not any(_duplicate(sentence, other) for other in chosen):
            chosen.append(sentence)
    return sorted(chosen, key=lambda sentence: sentence.position)


def _complete(text: str) -> bool:
    """Whether ``text`` ends as a sentence does (a line without one is a subhead or a label)."""
    return text.rstrip("»”“’‘\"')] \u00a0").endswith(_TERMINAL)


def _duplicate(sentence: _Sentence, other: _Sentence) -> bool:
    return overlap(sentence.terms, other.terms) >= DUPLICATE_OVERLAP


def _key_points(sentences: list[_Sentence]) -> tuple[KeyPoint, ...]:
    return tuple(KeyPoint(sanitize(sentence.text), sentence.block) for sentence in sentences)


# Similarity: cosine over stemmed content words (a sentence's set against the article's counts).

Vector = dict[str, float]


def _counts(found: Sequence[str], *extra: str) -> Vector:
    counts = Counter(found)
    counts.update(term for term in extra if term in counts)
    return {term: float(seen) for term, seen in counts.items()}


def cosine(left: Vector, right: Vector) -> float:
    """The cosine of the angle between two sparse vectors (0 when either is empty)."""
    if len(left) > len(right):
        left, right = right, left
    dot = sum(value * right.get(term, 0.0) for term, value in left.items())
    if dot == 0.0:
        return 0.0
    norms = math.sqrt(sum(v * v for v in left.values()) * sum(v * v for v in right.values()))
    return dot / norms


def overlap(left: Sequence[str], right: Sequence[str]) -> float:
    """The share of the smaller term set that the other one holds too."""
    small, large = sorted((set(left), set(right)), key=len)
    return len(small & large) / len(small) if small else 0.0


def closest_block(text: str, article: Article, lang: str | None) -> int:
    """The index of the article block most similar to ``text`` (0 for an empty article)."""
    if not article.blocks:
        return 0
    wanted = _counts(terms(text, lang))
    scores = [cosine(wanted, _counts(terms(block.text, lang))) for block in article.blocks]
    return max(range(len(scores)), key=lambda index: (scores[index], -index))
