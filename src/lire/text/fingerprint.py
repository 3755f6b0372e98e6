"""A block's fingerprint: how the site memory and the cleaner recognise the same text again."""

from __future__ import annotations

import hashlib
import re

__all__ = ["fingerprint", "word_key"]

_WORDS = re.compile(r"\w+")


def fingerprint(text: str) -> str:
    """A hash of ``text`` that ignores case, punctuation and spacing ("" for wordless text)."""
    words = word_key(text)
    if not words:
        return ""
    return hashlib.blake2b(words.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def word_key(text: str) -> str:
    """What ``fingerprint`` hashes: the words of ``text``, casefolded, one space apart. Two
    texts have the same fingerprint when they have the same key; within one article, where
    nothing is stored, the key itself tells repeats apart without hashing."""
    return " ".join(_WORDS.findall(text.casefold()))
