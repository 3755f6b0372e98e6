"""A block's fingerprint: how the site memory and the cleaner recognise the same text again."""

from __future__ import annotations

import hashlib
import re

__all__ = ["fingerprint"]

_WORDS = re.compile(r"\w+")


def fingerprint(text: str) -> str:
    """A hash of ``text`` that ignores case, punctuation and spacing ("" for wordless text)."""
    words = _WORDS.findall(text.casefold())
    if not words:
        return ""
    return hashlib.blake2b(
        " ".join(words).encode("utf-8", "surrogatepass"), digest_size=12
    ).hexdigest()
