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

__all__ = ["Context", "article_span", "context_features", "context_keys", "context_names"]

WINDOW = 3  # blocks either side whose mean score is a feature
RUN_CAP = 6  # runs of likely boilerplate are counted up to this length
DISTANCE_CAP = 5  # and the distance to the article's span up to this
# A block's score, its neighbours' ("^", "$" at the ends), the three levels, its run, region,
# distance to the article's span and the mean score around it (None alone on its page).
Context = tuple[int | str, int | str, int | str, str, int, str, int, int | None]


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
    return [context_names(key) for key in context_keys(scores, words)]


def context_keys(scores: Sequence[float], words: Sequence[int]) -> list[Context]:
    """What the second pass reads of each block, before it is named (``context_names``): its
    score, its neighbours' and their levels, the run it stands in, where it stands against the
    article's span and the mean score around it. Blocks alike have equal keys."""
    size = len(scores)
    if not size:
        return []
    first, last = article_span(scores, words)
    inside = max(0, last - first + 1)
    regions = ["pre"] * first + ["in"] * inside + ["post"] * (size - first - inside)
    distances = [
        min(DISTANCE_CAP, 0 if first <= i <= last else (first - i if i < first else i - last))
        for i in range(size)
    ]
    tenths = [_tenth(score) for score in scores]
    levels = ["e", *map(_level, scores), "e"]  # the mark of no neighbour at either end
    return list(
        zip(
            tenths,
            ["^", *tenths[:-1]],
            [*tenths[1:], "$"],
            [levels[i] + levels[i + 1] + levels[i + 2] for i in range(size)],
            [min(RUN_CAP, run) for run in _runs_beside(scores)],
            regions,
            distances,
            _means(scores),
            strict=True,
        )
    )


def context_names(key: Context) -> list[str]:
    """The second pass's features of a block whose ``context_keys`` key is ``key``."""
    own, before, after, levels, run, region, distance, around = key
    block = [
        *(f"x1:{own}", f"xp:{before}", f"xn:{after}", f"xpn:{levels}", f"xr:{run}"),
        *(f"xs:{region}", f"xs:{region}|{distance}", f"xs:{region}|x1:{own}"),
    ]
    if around is not None:
        block.append(f"xw:{around}")
    return block


def _means(scores: Sequence[float]) -> list[int | None]:
    """The tenth of the mean score of the blocks within ``WINDOW`` of each block, itself left
    out (None alone on its page). Away from the ends the window is whole: its scores are taken
    a page at a time, in the order ``_mean_around`` adds them (so the sums are the same to the
    last bit), without a list per block."""
    size = len(scores)
    inner = max(0, size - 2 * WINDOW)  # the blocks whose window is whole
    offsets = [*range(WINDOW), *range(WINDOW + 1, 2 * WINDOW + 1)]  # from the window's start
    columns = [scores[k : k + inner] for k in offsets]
    whole = [_tenth(sum(window) / len(offsets)) for window in zip(*columns, strict=True)]
    head = [_mean_around(scores, i) for i in range(min(WINDOW, size))]
    tail = [_mean_around(scores, i) for i in range(max(WINDOW, size - WINDOW), size)]
    return [*head, *whole, *tail]


def _mean_around(scores: Sequence[float], i: int) -> int | None:
    nearby = [*scores[max(0, i - WINDOW) : i], *scores[i + 1 : i + WINDOW + 1]]
    return _tenth(sum(nearby) / len(nearby)) if nearby else None


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
