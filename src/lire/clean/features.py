"""The form of each block, as the named features the learned boilerplate model reads.

Three families, all computed from the blocks alone (no markup, so pasted text and fetched pages
are read alike):

- **words**: the block's words (digits folded to ``0``), its first words and pairs of words,
  and the character 4-grams of its start, which carry across languages that share roots
  ("abonn", "newsl", "cooki");
- **shape**: length, final punctuation, capitals, digits, prices, separators, the block's kind,
  whether it repeats another block of the page;
- **position**: where the block stands against the page's prose (the blocks that read as
  running text): before the first, among them, after the last; how far from the nearest; how
  much prose is around it; the shape of its neighbours; how many headline-like lines stand
  around it (a list of other stories is headlines one after another);
- **topic**: how many of the block's words (their first five letters, from four-letter words on)
  the page's prose uses elsewhere: a subheading speaks of what the article speaks of, the
  headline of another article or a menu does not; crossed with the block's place and shape and
  its distance from the prose (a short line on another subject after the article is a teaser).

A rule's verdict on the block (``hints``) is a feature too: the model weighs what the phrase
rules of the packs say against the form and the position. Features are strings; the model hashes
them (``hashed``) into a fixed number of weights, in training and at run time alike.

A block's features come in three groups (``feature_groups``): its place on the page (the
position, the topic, what it repeats, its length and end: ``lire.clean.place``), its text's form
(the words and the rest of the shape, read from the text alone: ``lire.clean.form``), and what a
rule says of it. Blocks alike share each group, built once per page: the lines of a pasted menu
differ by a word or a number, and the model sums a group's weights once too
(``lire.clean.sums``).
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections import Counter
from collections.abc import Sequence

from lire.clean.form import Forms, Group, bucket
from lire.clean.place import (
    PROSE_WORDS,
    SENTENCE_END,
    densities,
    nearest,
    opened_feature,
    place_features,
    shape_key,
    title_feature,
)
from lire.model import Block

__all__ = [
    "PROSE_WORDS",
    "Group",
    "block_features",
    "feature_groups",
    "hashed",
    "is_prose",
    "reads_as_headline",
]

LONG_PROSE_WORDS = 40  # running text this long, whatever its end (``PROSE_WORDS``: if it ends so)
HEADLINE_WORDS = 4  # a headline before the article's first paragraph has at least this many
HEADLINES_WINDOW = 3  # blocks either side counted for the headlines around a block
HEADLINES_CAP = 3
_NOT_HEADLINE_END = (".", ":", ",", ";", "!", "…")
TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
TOPIC_PREFIX = 5  # the letters of a word the topic share compares (inflections and plurals)
HASHES_KEPT = 200_000  # the features whose weight index is remembered, at most


def is_prose(text: str, words: int) -> bool:
    """Running text: a long block, or a fairly long one that ends like a sentence."""
    return words >= LONG_PROSE_WORDS or (
        words >= PROSE_WORDS and text.rstrip().endswith(SENTENCE_END)
    )


class _Hashes(dict[str, int]):
    """The weight index of each feature met so far, for one number of bits: features repeat
    from block to block ("bias", "rg:post", a word), and a lookup costs a fifth of a CRC."""

    def __init__(self, bits: int) -> None:
        super().__init__()
        self.mask = (1 << bits) - 1

    def __missing__(self, feature: str) -> int:
        if len(self) >= HASHES_KEPT:
            self.clear()  # a page of millions of distinct words: memory stays bounded
        index = self[feature] = zlib.crc32(feature.encode("utf-8", "surrogatepass")) & self.mask
        return index


_HASHES: dict[int, _Hashes] = {}


def hashed(features: Sequence[str], bits: int) -> list[int]:
    """The weight index of each feature (CRC-32: stable across runs and platforms)."""
    known = _HASHES.get(bits)
    if known is None:
        known = _HASHES[bits] = _Hashes(bits)
    return list(map(known.__getitem__, features))


def block_features(
    blocks: Sequence[Block],
    hints: Sequence[str | None] | None = None,
    title: str | None = None,
) -> list[list[str]]:
    """The features of every block of a page, in order (``hints``: a rule's name per block;
    ``title``: the title lire read from the text, if any)."""
    return [
        [feature for group in groups for feature in group]
        for groups in feature_groups(blocks, hints, title)
    ]


def feature_groups(
    blocks: Sequence[Block],
    hints: Sequence[str | None] | None = None,
    title: str | None = None,
) -> list[tuple[Group, ...]]:
    """``block_features`` in groups: for each block its place on the page (first), its text's
    form and, when a rule names it, the rule's; blocks alike share the same group objects."""
    size = len(blocks)
    if not size:
        return []
    texts = [block.text.strip() for block in blocks]
    counts = [len(text.split()) for text in texts]
    prose = [is_prose(text, count) for text, count in zip(texts, counts, strict=True)]
    prose_at = [i for i, flag in enumerate(prose) if flag]
    first, last = (prose_at[0], prose_at[-1]) if prose_at else (size, -1)
    folded = [" ".join(text.casefold().split()) for text in texts]
    seen = Counter(folded)
    total = sum(counts) or 1
    shapes = [shape_key(text, count) for text, count in zip(texts, counts, strict=True)]
    named = hints if hints is not None else [None] * size
    categories = [(hint or "").partition("/")[0] for hint in named]
    headline = _headline(texts, counts, first, categories)
    titled = " ".join(title.casefold().split()) if title else ""
    inside = max(0, last - first + 1)
    regions = ["pre"] * first + ["in"] * inside + ["post"] * (size - first - inside)
    edge = [min(i, 4) for i in range(size)]  # blocks before it, up to 4
    # What ``place_features`` reads of each block, in the order of its arguments, a page at a
    # time: the blocks whose places are alike share one group.
    keys = zip(
        [bucket(count) for count in counts],
        [block.kind.value for block in blocks],
        shapes,
        regions,
        densities(counts, prose),
        [bucket(distance) for distance in nearest(prose_at, size)],
        [min(9, 10 * before // total) for before in itertools.accumulate(counts[:-1], initial=0)],
        prose,
        ["^", *shapes[:-1]],
        [*shapes[1:], "$"],
        [min(3, seen[text]) for text in folded],
        edge,
        edge[::-1],
        _topic_shares(folded, prose),
        [i == headline for i in range(size)],
        [title_feature(titled, text) for text in folded] if titled else [None] * size,
        [None, *itertools.starmap(opened_feature, itertools.pairwise(texts))],
        ["", *categories[:-1]],
        [*categories[1:], ""],
        _headlines_around(texts, counts, prose),
        strict=True,
    )
    places: dict[tuple[object, ...], Group] = {}
    forms = Forms()
    ruled: dict[tuple[str, str], Group] = {}
    found: list[tuple[Group, ...]] = []
    for block, text, key, hint, region in zip(blocks, texts, keys, named, regions, strict=True):
        place = places.get(key)
        if place is None:
            place = places[key] = place_features(*key)
        if not hint:
            found.append((place, forms.of(block, text)))
            continue
        rule = ruled.get((hint, region))
        if rule is None:
            rule = ruled[hint, region] = _rule(hint, region)
        found.append((place, forms.of(block, text), rule))
    return found


def _rule(hint: str, region: str) -> Group:
    """The features of the rule named ``hint`` on a block in ``region``."""
    category = hint.partition("/")[0]
    return (f"r:{hint}", f"rc:{category}", f"rc:{category}|rg:{region}")


def _headline(
    texts: Sequence[str], counts: Sequence[int], first: int, categories: Sequence[str]
) -> int | None:
    """The block most likely the article's headline: before the first prose block, the first of
    at least ``HEADLINE_WORDS`` words that does not end like a sentence or a lead-in, and that
    no rule names ("As low as $3 for 3 months" is no headline)."""
    for i in range(min(first, len(texts))):
        if (
            counts[i] >= HEADLINE_WORDS
            and not texts[i].endswith((".", ":", ",", ";"))
            and not categories[i]
        ):
            return i
    return None


def reads_as_headline(text: str, words: int, prose: bool) -> bool:
    """Whether a block (its stripped ``text``, its ``words``, whether it is running text) reads
    as a headline: no running text, ``HEADLINE_WORDS`` words or more, no end of a sentence or a
    lead-in."""
    return not prose and words >= HEADLINE_WORDS and not text.endswith(_NOT_HEADLINE_END)


def _headlines_around(
    texts: Sequence[str], counts: Sequence[int], prose: Sequence[bool]
) -> list[int]:
    """For each block, how many of the blocks within ``HEADLINES_WINDOW`` of it (itself left
    out) read as headlines: no running text, ``HEADLINE_WORDS`` words or more, no end of a
    sentence or a lead-in (a list of other stories is headlines one after another or between
    their teasers; an article's subheadings stand apart). Up to ``HEADLINES_CAP``."""
    flags = list(map(reads_as_headline, texts, counts, prose))
    size = len(flags)
    before = list(itertools.accumulate(flags, initial=0))  # headlines before each index
    return [
        min(
            HEADLINES_CAP,
            before[min(size, i + HEADLINES_WINDOW + 1)]
            - before[max(0, i - HEADLINES_WINDOW)]
            - flags[i],
        )
        for i in range(size)
    ]


def _topic_shares(folded: Sequence[str], prose: Sequence[bool]) -> list[Group]:
    """For each block (its text casefolded), the share of its words the page's prose uses (its
    own words left out of a prose block's count), in fifths, alone and with the number of its
    words and whether it is prose itself. Blocks of the same words share one group."""
    words = [tuple(TOPIC_WORD.findall(text)) for text in folded]
    used: Counter[str] = Counter()
    for found, flag in zip(words, prose, strict=True):
        if flag:
            used.update({word[:TOPIC_PREFIX] for word in found})
    alone = ("tp:none",) if used else ("tp:no-prose",)
    known: dict[tuple[tuple[str, ...], bool], Group] = {}
    named: dict[tuple[int, int, bool], Group] = {}
    for key in zip(words, prose, strict=True):
        if key in known:
            continue
        own = {word[:TOPIC_PREFIX] for word in key[0]}
        if not own or not used:
            known[key] = alone
            continue
        flag = key[1]
        shared = sum(1 for word in own if used[word] > flag)  # a prose block's own words: 1
        share, size = min(4, 5 * shared // len(own)), min(3, len(own) // 3)
        if (group := named.get((share, size, flag))) is None:
            group = named[share, size, flag] = (
                f"tp:{share}",
                f"tp:{share}|n:{size}",
                f"tp:{share}|p:{flag}",
            )
        known[key] = group
    return [known[key] for key in zip(words, prose, strict=True)]
