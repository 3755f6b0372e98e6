"""Text knowledge shared by the cleaner and the summary: sentences, words, languages.

``sentences`` splits text into sentences (abbreviations, decimals, quotes, ellipses) in the seven
languages; ``lexicon`` holds their stop words and stemmers (no downloads); ``language`` tells
which of them a text is in; ``fingerprint`` is how the same block is recognised again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lire.exports import lazy_exports

if TYPE_CHECKING:
    from lire.text.language import detect_language, normalize_lang, resolve_language
    from lire.text.sentences import split_sentences

__all__ = [
    "detect_language",
    "normalize_lang",
    "resolve_language",
    "split_sentences",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "detect_language": "lire.text.language",
        "normalize_lang": "lire.text.language",
        "resolve_language": "lire.text.language",
        "split_sentences": "lire.text.sentences",
    },
)
