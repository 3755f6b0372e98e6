"""A block's place on its page, as features of the learned boilerplate model.

Where the block stands against the page's prose (``lire.clean.features``): before the first
block of running text, among them, after the last; how far from the nearest; how much prose is
around it; its shape and its neighbours'; whether it repeats another block; whether it is the
headline or the title; whether it goes on from the line before it; what the rules say of its
neighbours. ``feature_groups`` reads these a page at a time and names them with
``place_features`` once for each distinct place: on a page of many blocks most places repeat.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from lire.clean.form import Group

__all__ = [
    "PROSE_WORDS",
    "SENTENCE_END",
    "densities",
    "nearest",
    "opened_feature",
    "place_features",
    "shape_key",
    "title_feature",
]

PROSE_WORDS = 20  # a block this long that ends like a sentence is running text
WINDOW = 3  # blocks either side counted for the prose density around a block
SENTENCE_END = tuple('.!?…»"”)')
_OPEN_END = (*SENTENCE_END, ":", ";")  # a line ending otherwise goes on in the next


def place_features(
    own: int,
    kind: str,
    shape: str,
    region: str,
    density: int,
    near: int,
    at: int,
    prose: bool,
    before: str,
    after: str,
    repeats: int,
    index: int,
    left: int,
    topics: Group,
    headline: bool,
    title: str | None,
    opened: str | None,
    previous: str,
    following: str,
    headlines: int,
) -> Group:
    """The features of a block's place on the page, from what ``feature_groups`` read of it."""
    found = [
        "bias",
        f"n:{own}",
        f"k:{kind}",
        f"s:{shape}",
        f"rg:{region}",
        f"rg:{region}|n:{own}",
        f"rg:{region}|s:{shape}",
        f"d:{density}",
        f"d:{density}|n:{own}",
        f"near:{near}",
        f"near:{near}|rg:{region}",
        f"at:{at}",
        f"prose:{prose}",
        f"ctx:{before}|{shape}|{after}",
        f"rep:{repeats}",
        f"i:{index}",
        f"j:{left}",
        *topics,
        f"{topics[0]}|rg:{region}|s:{shape}",
        f"{topics[0]}|near:{near}",
        f"hl:{headlines}",
        f"hl:{headlines}|rg:{region}|s:{shape}",
    ]
    if headline:
        found.append("headline")
    if title:
        found.append(title)
    if opened:
        found.append(opened)  # the line goes on from the one before it (a hard-wrapped sentence)
    if previous:
        found.append(f"prc:{previous}")
    if following:
        found.append(f"nrc:{following}")
    return tuple(found)


def title_feature(titled: str, folded: str) -> str | None:
    """The feature saying a block (``folded``) is the title lire read, or part of it."""
    if not titled or not folded:
        return None
    if folded == titled:
        return "title:same"
    return "title:part" if titled in folded or folded in titled else None


def opened_feature(before: str, text: str) -> str | None:
    """The feature saying a block (``text``) goes on from the one ``before`` it (a hard-wrapped
    sentence, a list): that one ends with no sentence's end, no colon and no semicolon."""
    if not before or before.endswith(_OPEN_END):
        return None
    return "after-open|lower" if text[:1].islower() else "after-open"


def nearest(prose_at: Sequence[int], size: int) -> list[int]:
    """For each position, how many blocks away the nearest prose block is (0 for prose)."""
    distance = [size] * size
    for i in prose_at:
        distance[i] = 0
    for i in range(1, size):  # comparisons, not min(): a page of thousands of blocks
        if distance[i - 1] + 1 < distance[i]:
            distance[i] = distance[i - 1] + 1
    for i in range(size - 2, -1, -1):
        if distance[i + 1] + 1 < distance[i]:
            distance[i] = distance[i + 1] + 1
    return distance


def densities(counts: Sequence[int], prose: Sequence[bool]) -> list[int]:
    """For each block, the share of the words around it (itself excluded) in prose, in
    quarters (-1 without words around it), from running sums: a page of thousands of blocks
    stays linear."""
    size = len(counts)
    words = list(itertools.accumulate(counts, initial=0))
    inside = list(
        itertools.accumulate((c if p else 0 for c, p in zip(counts, prose, strict=True)), initial=0)
    )
    found: list[int] = []
    for i, (count, flag) in enumerate(zip(counts, prose, strict=True)):
        low, high = max(0, i - WINDOW), min(size, i + WINDOW + 1)
        around = words[high] - words[low] - count
        prosy = inside[high] - inside[low] - (count if flag else 0)
        found.append(4 * prosy // around if around else -1)
    return found


def shape_key(text: str, count: int) -> str:
    """A coarse shape: length class and final character class."""
    length = "0" if count <= 2 else ("s" if count <= 8 else ("m" if count < PROSE_WORDS else "l"))
    last = text[-1:] or " "
    end = (
        "."
        if last in SENTENCE_END
        else (last if last in ":,;" else ("a" if last.isalnum() else "o"))
    )
    return length + end
