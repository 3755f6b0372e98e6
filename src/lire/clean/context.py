"""The second look of the learned boilerplate model: each block beside its neighbours' scores.

The first pass scores every block from its own form and position (``lire.clean.features``). A
menu item, a teaser of another article or a comment rarely comes alone: the second pass reads,
besides a block's own features, what the first pass said of it and of the blocks around it (the
scores before and after it, the run of likely boilerplate it stands in, where it stands against
the article's span), as features with names like the others. ``article_span`` is the span both
passes and the decisions of ``lire.clean.learned`` measure the article by.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["article_span", "context_features"]

WINDOW = 3  # blocks either side whose mean score is a feature
RUN_CAP = 6  # runs of likely boilerplate are counted up to this length
DISTANCE_CAP = 5  # and the distance to the article's span up to this


def article_span(scores: Sequence[float], words: Sequence[int]) -> tuple[int, int]:
    """[first, last] of the span whose blocks weigh most as article: each block weighs its
    words (at least one) times how far its score is under one half. (0, -1) when none does."""
    best = running = 0.0
    start, first, last = 0, 0, -1
    for i, (score, count) in enumerate(zip(scores, words, strict=True)):
        value = (0.5 - score) * max(1, count)
        if running <= 0:
            running, start = value, i
        else:
            running += value
        if running > best:
            best, first, last = running, start, i
    return first, last


def context_features(scores: Sequence[float], words: Sequence[int]) -> list[list[str]]:
    """The second pass's features of each block, from the first pass's ``scores``."""
    size = len(scores)
    first, last = article_span(scores, words)
    runs = _runs_beside(scores)
    found: list[list[str]] = []
    for i, score in enumerate(scores):
        before = scores[i - 1] if i else None
        after = scores[i + 1] if i + 1 < size else None
        nearby = [scores[j] for j in range(max(0, i - WINDOW), min(size, i + WINDOW + 1)) if j != i]
        region = "in" if first <= i <= last else ("pre" if i < first else "post")
        distance = 0 if region == "in" else (first - i if region == "pre" else i - last)
        own = _tenth(score)
        block = [
            f"x1:{own}",
            f"xp:{_tenth(before) if before is not None else '^'}",
            f"xn:{_tenth(after) if after is not None else '$'}",
            f"xpn:{_level(before)}{_level(score)}{_level(after)}",
            f"xr:{min(RUN_CAP, runs[i])}",
            f"xs:{region}",
            f"xs:{region}|{min(DISTANCE_CAP, distance)}",
            f"xs:{region}|x1:{own}",
        ]
        if nearby:
            block.append(f"xw:{_tenth(sum(nearby) / len(nearby))}")
        found.append(block)
    return found


def _tenth(score: float) -> int:
    return min(9, int(score * 10))


def _level(score: float | None) -> str:
    if score is None:
        return "e"
    return "h" if score >= 0.6 else ("m" if score >= 0.4 else "l")


def _runs_beside(scores: Sequence[float]) -> list[int]:
    """For each block, how many blocks next to it, on either side without a break, score one
    half or more (counted in one pass each way: a pasted menu of thousands of lines stays
    linear)."""
    size = len(scores)
    before, after = [0] * size, [0] * size
    for i in range(1, size):
        before[i] = before[i - 1] + 1 if scores[i - 1] >= 0.5 else 0
    for i in range(size - 2, -1, -1):
        after[i] = after[i + 1] + 1 if scores[i + 1] >= 0.5 else 0
    return [left + right for left, right in zip(before, after, strict=True)]
