"""The form of a block's text, as features of the learned boilerplate model.

Two families of ``lire.clean.features``, read from the text alone:

- **shape**: capitals, digits, prices, dates, separators, a copyright, an address, how much of
  it is links, whether it is a heading;
- **words**: the block's words (digits folded to ``0``), its first and last words and pairs of
  words, and the character 4-grams of its start, which carry across languages that share roots
  ("abonn", "newsl", "cooki"); and, apart, the longer words of its body after its first twelve
  (a donation box's third sentence: "support", "reporters", "independent").

Every digit reads as ``0`` to both: to each test the shape makes, a Unicode digit (``\\d``) is
what ``0`` is (no letter, no space, no case, a digit, a word character of one character), and the
words fold digits to ``0`` first (a test checks every digit). So a block's form is that of its
text with its digits folded, and the lines of a menu that differ by a number ("Page 12", "Page
13") have one form: ``Forms`` reads each distinct form once per page.
"""

from __future__ import annotations

import bisect
import itertools
import re

from lire.model import Block, BlockKind

__all__ = ["FORM_DIGITS", "Forms", "Group", "bucket"]

Group = tuple[str, ...]  # features that come together: blocks alike share the same group
MAX_WORDS = 12  # the words of a block beyond its first this many carry no feature of their own
REST_WORDS = 80  # the words after those, up to this many, are features of the block's body
GRAM_CHARS = 40  # character n-grams are taken from the block's start, this long
FORM_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_PRICE = re.compile(r"\d\s?(?:[€$£]|eur\b|euros?\b|usd\b)|[€$£]\s?\d", re.IGNORECASE)
_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b")
_SEPARATORS = ("|", "•", "·", "›", "»", "/")
_NOT_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())  # of ASCII, deleted
_NOT_CAPITAL = bytes(c for c in range(128) if not chr(c).isupper())
_BUCKETS = (0, 1, 2, 3, 5, 8, 12, 20, 35, 60)
# ``bucket`` of the numbers below the last bucket, looked up rather than searched.
_SMALL = tuple(_BUCKETS[bisect.bisect_right(_BUCKETS, n) - 1] for n in range(_BUCKETS[-1]))


class Forms(dict[tuple[str, BlockKind, int | None], Group]):
    """The form features of each text met on a page, by its text with digits folded, its
    block's kind and the length of its links' text (None without links)."""

    def of(self, block: Block, text: str) -> Group:
        """The form features of ``block``, whose stripped text is ``text``."""
        linked = sum(len(link.text) for link in block.links) if block.links else None
        return self[FORM_DIGITS.sub("0", text), block.kind, linked]

    def __missing__(self, key: tuple[str, BlockKind, int | None]) -> Group:
        text, kind, linked = key
        found = self[key] = (*_shape(text, kind, linked), *_words(text))
        return found


def bucket(value: int) -> int:
    """The largest of ``_BUCKETS`` not above ``value``."""
    if 0 <= value < len(_SMALL):
        return _SMALL[value]
    return _BUCKETS[max(0, bisect.bisect_right(_BUCKETS, value) - 1)]


def _shape(text: str, kind: BlockKind, linked: int | None) -> list[str]:
    found: list[str] = []
    letters, capitals = _letters(text)
    if letters:
        upper = capitals / letters
        found.append(f"up:{min(4, int(5 * upper))}")
    words = text.split()
    count = len(words)
    if words:
        capital = sum(word[:1].isupper() for word in words) / len(words)
        found.append(f"cap:{min(4, int(5 * capital))}|n:{bucket(count)}")
        found.append(
            "first:" + ("d" if words[0][:1].isdigit() else ("U" if words[0][:1].isupper() else "o"))
        )
    digits = len(FORM_DIGITS.findall(text))
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
    if linked is not None:
        found.append(f"linked:{min(4, int(5 * linked / max(1, len(text))))}")
    if kind is BlockKind.HEADING:
        found.append(f"h|n:{bucket(count)}")
    return found


def _letters(text: str) -> tuple[int, int]:
    """How many letters ``text`` holds, and how many capitals; an ASCII text's are counted as
    bytes, the letters and the capitals of ASCII being known."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw.translate(None, _NOT_LETTER)), len(raw.translate(None, _NOT_CAPITAL))
    letters = list(filter(str.isalpha, text))
    return len(letters), sum(map(str.isupper, letters))


def _words(text: str) -> list[str]:
    folded = FORM_DIGITS.sub("0", text.casefold())
    every = _WORD.findall(folded)
    words = every[:MAX_WORDS]
    found = [f"w:{word}" for word in dict.fromkeys(words)]
    found += [f"r:{word}" for word in dict.fromkeys(every[MAX_WORDS:REST_WORDS]) if len(word) > 3]
    if words:
        found.append(f"w0:{words[0]}")
        found.append(f"w$:{words[-1]}")
    found += [f"b:{a} {b}" for a, b in itertools.pairwise(words[:7])]
    start = " " + " ".join(words)[:GRAM_CHARS] + " "
    found += [f"c:{start[k : k + 4]}" for k in range(len(start) - 3)]
    return found
