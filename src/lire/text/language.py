"""Which language an article is in: its metadata first, else stop-word and letter statistics.

Detection covers en fr de es it pt nl. Each language has its most frequent function words, a few
of them weighted because they are its own ("the", "und", "het", "não"). When those words make up
enough of the first few hundred words to trust, the language with the most of them wins, letters
only one of them uses ("ß", "ã", "ñ", "ij") adding to its count.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

__all__ = ["DETECTABLE", "detect_language", "normalize_lang", "resolve_language"]

# The commonest words of each language; a word listed twice counts twice (it is distinctive).
_MARKERS: dict[str, str] = {
    "en": "the the and of to in is that for it with as was on are be by this have from his "
    "has not but they which you were their been would will an its who said he she",
    "fr": "le la les les des du et est une un une que qui dans pour pas sur au aux avec il "
    "elle ce cette sont ont été être mais plus par nous vous leur son ses",
    "de": "der die das und und ist nicht ein eine den dem des mit sich auf für von zu im "
    "auch es sie ich wird wurde sind werden hat aus bei nach noch über",
    "es": "el la los las los del y y que en un una es por con para se no al lo como más "
    "pero sus su fue ha está muy también según",
    "it": "il il la le gli gli di e che è è un una per non con del della dei delle nel "
    "nella alla sono anche più ha come questo",
    "pt": "o a os as do da dos das e que em um uma é não não com para por no na nos se "
    "ao mais como foi também seu sua são",
    "nl": "de het het een en van van in is dat op te zijn met voor niet niet aan er ook "
    "worden wordt door maar bij naar om als ze",
}
_LETTERS: dict[str, str] = {"de": "ßäöü", "pt": "ãõ", "es": "ñ¿¡", "fr": "œèêëç", "it": "ìò"}
DETECTABLE = tuple(_MARKERS)
_SAMPLE_WORDS = 400
_MIN_SHARE = 0.12  # below this share of marker words the text is not one of ours
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def normalize_lang(tag: str | None) -> str | None:
    """``"fr-FR"`` -> ``"fr"``; ``None`` for a missing or malformed tag."""
    if tag is None:
        return None
    match = _TAG.match(tag.strip())
    return match.group(1).lower() if match else None


def resolve_language(declared: str | None, text: str) -> str | None:
    """The article's declared language (primary subtag) if any, else the detected one."""
    return normalize_lang(declared) or detect_language(text)


def detect_language(text: str) -> str | None:
    """The language of ``text`` among en fr de es it pt nl, or ``None`` when unsure."""
    words = _WORD.findall(text[:4_000].lower())[:_SAMPLE_WORDS]
    if not words:
        return None
    counts = Counter(words)
    by_words = {lang: _word_score(lang, counts) for lang in DETECTABLE}
    if max(by_words.values()) / len(words) < _MIN_SHARE:
        return None  # letters alone ("ä", "ñ") are no evidence: Finnish has "ä" too
    letters = Counter("".join(words))
    return max(DETECTABLE, key=lambda lang: by_words[lang] + _letter_score(lang, counts, letters))


def _word_score(lang: str, counts: Counter[str]) -> float:
    return float(sum(counts[word] * weight for word, weight in _weights(lang).items()))


def _letter_score(lang: str, counts: Counter[str], letters: Counter[str]) -> float:
    score = 0.5 * sum(letters[letter] for letter in _LETTERS.get(lang, ""))
    if lang == "nl":
        score += 0.5 * sum(count for word, count in counts.items() if "ij" in word)
    return score


@cache
def _weights(lang: str) -> dict[str, int]:
    return dict(Counter(_MARKERS[lang].split()))
