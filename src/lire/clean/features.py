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
  much prose is around it; the shape of its neighbours;
- **topic**: how many of the block's words (their first five letters, from four-letter words on)
  the page's prose uses elsewhere: a subheading speaks of what the article speaks of, the
  headline of another article or a menu does not; crossed with the block's place and shape and
  its distance from the prose (a short line on another subject after the article is a teaser).

A rule's verdict on the block (``hints``) is a feature too: the model weighs what the phrase
rules of the packs say against the form and the position. Features are strings; the model hashes
them (``hashed``) into a fixed number of weights, in training and at run time alike.
"""

from __future__ import annotations

import bisect
import itertools
import re
import zlib
from collections import Counter
from collections.abc import Sequence

from lire.model import Block, BlockKind

__all__ = ["PROSE_WORDS", "block_features", "hashed", "is_prose"]

PROSE_WORDS = 20  # a block this long that ends like a sentence is running text
LONG_PROSE_WORDS = 40  # this long, whatever its end
MAX_WORDS = 12  # the words of a block beyond its first this many carry no feature
GRAM_CHARS = 40  # character n-grams are taken from the block's start, this long
WINDOW = 3  # blocks either side counted for the prose density around a block
HEADLINE_WORDS = 4  # a headline before the article's first paragraph has at least this many
_WORD = re.compile(r"\w+")
_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
TOPIC_PREFIX = 5  # the letters of a word the topic share compares (inflections and plurals)
_DIGITS = re.compile(r"\d")
_PRICE = re.compile(r"\d\s?(?:[€$£]|eur\b|euros?\b|usd\b)|[€$£]\s?\d", re.IGNORECASE)
_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b")
_SENTENCE_END = tuple('.!?…»"”)')
_SEPARATORS = ("|", "•", "·", "›", "»", "/")
_BUCKETS = (0, 1, 2, 3, 5, 8, 12, 20, 35, 60)
HASHES_KEPT = 200_000  # the features whose weight index is remembered, at most


def is_prose(text: str, words: int) -> bool:
    """Running text: a long block, or a fairly long one that ends like a sentence."""
    return words >= LONG_PROSE_WORDS or (
        words >= PROSE_WORDS and text.rstrip().endswith(_SENTENCE_END)
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
    texts = [block.text.strip() for block in blocks]
    counts = [len(text.split()) for text in texts]
    prose = [is_prose(text, count) for text, count in zip(texts, counts, strict=True)]
    prose_at = [i for i, flag in enumerate(prose) if flag]
    first, last = (prose_at[0], prose_at[-1]) if prose_at else (len(blocks), -1)
    seen = Counter(" ".join(text.casefold().split()) for text in texts)
    total = sum(counts) or 1
    before = 0
    nearest = _nearest(prose_at, len(blocks))
    shapes = [_shape_key(text, count) for text, count in zip(texts, counts, strict=True)]
    categories = [(hint or "").partition("/")[0] for hint in hints or [None] * len(blocks)]
    headline = _headline(texts, counts, first, categories)
    titled = " ".join(title.casefold().split()) if title else ""
    topics = _topic_shares(texts, prose)
    features: list[list[str]] = []
    for i, block in enumerate(blocks):
        text, count = texts[i], counts[i]
        region = "in" if first <= i <= last else ("pre" if i < first else "post")
        own = _bucket(count)
        density = _density(counts, prose, i)
        before_shape = shapes[i - 1] if i else "^"
        after_shape = shapes[i + 1] if i + 1 < len(blocks) else "$"
        found = [
            "bias",
            f"n:{own}",
            f"k:{block.kind.value}",
            f"s:{shapes[i]}",
            f"rg:{region}",
            f"rg:{region}|n:{own}",
            f"rg:{region}|s:{shapes[i]}",
            f"d:{density}",
            f"d:{density}|n:{own}",
            f"near:{_bucket(nearest[i])}",
            f"near:{_bucket(nearest[i])}|rg:{region}",
            f"at:{min(9, 10 * before // total)}",
            f"prose:{prose[i]}",
            f"ctx:{before_shape}|{shapes[i]}|{after_shape}",
            f"rep:{min(3, seen[' '.join(text.casefold().split())])}",
            f"i:{min(i, 4)}",
            f"j:{min(len(blocks) - 1 - i, 4)}",
        ]
        found += topics[i]
        found.append(f"{topics[i][0]}|rg:{region}|s:{shapes[i]}")
        found.append(f"{topics[i][0]}|near:{_bucket(nearest[i])}")
        if i == headline:
            found.append("headline")
        if titled and (folded := " ".join(text.casefold().split())):
            if folded == titled:
                found.append("title:same")
            elif titled in folded or folded in titled:
                found.append("title:part")
        if i and texts[i - 1] and not texts[i - 1].endswith(_SENTENCE_END + tuple(":;")):
            # the line goes on from the one before it (a hard-wrapped sentence, a list)
            found.append("after-open" + ("|lower" if text[:1].islower() else ""))
        if i and categories[i - 1]:
            found.append(f"prc:{categories[i - 1]}")
        if i + 1 < len(blocks) and categories[i + 1]:
            found.append(f"nrc:{categories[i + 1]}")
        found += _shape(block, text, count)
        found += _words(text)
        if hints is not None and (hint := hints[i]):
            category = hint.partition("/")[0]
            found += [f"r:{hint}", f"rc:{category}", f"rc:{category}|rg:{region}"]
        features.append(found)
        before += count
    return features


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


def _topic_shares(texts: Sequence[str], prose: Sequence[bool]) -> list[list[str]]:
    """For each block, the share of its words the page's prose uses (its own words left out of
    a prose block's count), in fifths, alone and with the number of its words and whether it is
    prose itself."""
    words = [
        {word[:TOPIC_PREFIX] for word in _TOPIC_WORD.findall(text.casefold())} for text in texts
    ]
    used: Counter[str] = Counter()
    for own, flag in zip(words, prose, strict=True):
        if flag:
            used.update(own)
    found: list[list[str]] = []
    for own, flag in zip(words, prose, strict=True):
        if not own or not used:
            found.append(["tp:none" if used else "tp:no-prose"])
            continue
        shared = sum(1 for word in own if used[word] > flag)  # a prose block's own words: 1
        share = min(4, 5 * shared // len(own))
        size = min(3, len(own) // 3)
        found.append([f"tp:{share}", f"tp:{share}|n:{size}", f"tp:{share}|p:{flag}"])
    return found


def _bucket(value: int) -> int:
    """The largest of ``_BUCKETS`` not above ``value``."""
    return _BUCKETS[max(0, bisect.bisect_right(_BUCKETS, value) - 1)]


def _nearest(prose_at: Sequence[int], size: int) -> list[int]:
    """For each position, how many blocks away the nearest prose block is (0 for prose)."""
    distance = [size] * size
    for i in prose_at:
        distance[i] = 0
    for i in range(1, size):
        distance[i] = min(distance[i], distance[i - 1] + 1)
    for i in range(size - 2, -1, -1):
        distance[i] = min(distance[i], distance[i + 1] + 1)
    return distance


def _density(counts: Sequence[int], prose: Sequence[bool], i: int) -> int:
    """The share of the words around block ``i`` (itself excluded) in prose, in quarters."""
    low, high = max(0, i - WINDOW), min(len(counts), i + WINDOW + 1)
    words = sum(counts[low:high]) - counts[i]
    if not words:
        return -1
    inside = sum(counts[j] for j in range(low, high) if j != i and prose[j])
    return 4 * inside // words


def _shape_key(text: str, count: int) -> str:
    """A coarse shape: length class and final character class."""
    length = "0" if count <= 2 else ("s" if count <= 8 else ("m" if count < PROSE_WORDS else "l"))
    last = text[-1:] or " "
    end = (
        "."
        if last in _SENTENCE_END
        else (last if last in ":,;" else ("a" if last.isalnum() else "o"))
    )
    return length + end


def _shape(block: Block, text: str, count: int) -> list[str]:
    found: list[str] = []
    letters = list(filter(str.isalpha, text))
    if letters:
        upper = sum(map(str.isupper, letters)) / len(letters)
        found.append(f"up:{min(4, int(5 * upper))}")
    words = text.split()
    if words:
        capital = sum(word[:1].isupper() for word in words) / len(words)
        found.append(f"cap:{min(4, int(5 * capital))}|n:{_bucket(count)}")
        found.append(
            "first:" + ("d" if words[0][:1].isdigit() else ("U" if words[0][:1].isupper() else "o"))
        )
    digits = len(_DIGITS.findall(text))
    if digits:
        found.append(f"dig:{min(3, digits // 2)}")
    if _PRICE.search(text):
        found.append("price")
    if _DATE.search(text):
        found.append("date")
    found += [f"sep:{mark}" for mark in _SEPARATORS if mark in text]
    if "©" in text or "(c)" in text.casefold():
        found.append("copy")
    if "@" in text or "http" in text or "www." in text:
        found.append("address")
    if block.links:
        linked = sum(len(link.text) for link in block.links)
        found.append(f"linked:{min(4, int(5 * linked / max(1, len(text))))}")
    if block.kind is BlockKind.HEADING:
        found.append(f"h|n:{_bucket(count)}")
    return found


def _words(text: str) -> list[str]:
    folded = _DIGITS.sub("0", text.casefold())
    words = _WORD.findall(folded)[:MAX_WORDS]
    found = [f"w:{word}" for word in dict.fromkeys(words)]
    if words:
        found.append(f"w0:{words[0]}")
        found.append(f"w$:{words[-1]}")
    found += [f"b:{a} {b}" for a, b in itertools.pairwise(words[:7])]
    start = " " + " ".join(words)[:GRAM_CHARS] + " "
    found += [f"c:{start[k : k + 4]}" for k in range(len(start) - 3)]
    return found
