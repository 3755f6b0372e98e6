"""Split text into sentences, with their offsets, for en fr de es it pt nl and alike.

A sentence ends at ``.``, ``!``, ``?``, ``…`` or ``...`` (and any closing quotes or brackets
that follow), when whitespace and then something other than a lower-case letter come next; and
at every line break. It does not end after a known abbreviation ("Dr.", "z.B.", "p.ex."), an
initial ("J. Craig Venter"), a dotted acronym followed by a name ("U.S. Senate", unlike
"U.S. The"), or, in German, an ordinal number ("am 3. Oktober"). Decimals
("3.5", "3,5") never end one since no space follows their point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lire.text.lexicon import stop_words

__all__ = ["ABBREVIATIONS", "Sentence", "sentence_spans", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and where it is: ``source[start:end] == text``."""

    text: str
    start: int
    end: int


# Lower-cased, without their final point. A point after one of these never ends a sentence.
_ABBREVIATED = """
    mr mrs ms dr drs prof st mt jr sr sra srta srs dra dres sres gov sen capt lt sgt rev nr
    vol vols pp ca cf vs approx dept inc ltd corp bros jan feb apr jun jul aug sep sept oct nov
    dec e.g i.e mme mmes mlle mlles mgr p.ex cie z.b bzw u.a d.h ggf vgl evtl inkl s.o s.u hr
    hrn fr frl dipl bzgl s.a ud uds vd vds pág núm a.c d.c ee.uu dott avv p.es v.g exmo exma
    dhr mevr bijv i.p.v m.b.t b.v n.v
"""
ABBREVIATIONS = frozenset(_ABBREVIATED.split())

# Words that are abbreviations only before a number ("No. 10", "art. 5", "fig. 3").
_BEFORE_NUMBER = frozenset({"no", "nos", "art", "fig", "figs", "ch", "sec", "op", "n", "nº"})

# Abbreviations that often end a sentence too: they end one when a capital letter follows.
_CLOSING_ABBREVIATIONS = frozenset({"etc", "ecc", "usw", "usf", "enz"})

# Every pattern here is linear on any input: a run of what a pattern repeats is entered only at
# its start (the lookbehind), and taken whole, so no position is tried twice and no run split two
# ways (a table of contents of dot leaders, "Introduction ........ 3", once took hours). A
# pattern that opens with a character class, its lookbehind after it, lets the engine skip
# quickly to the next candidate character.
_END = re.compile(
    r"[.!?…](?<![.!?…][.!?…])[.!?…]*+"  # the terminal punctuation, possibly repeated ("?!")
    r"(?:[»”“’‘\"')\]]|[ \u00a0\u202f]»)*"  # closing quotes and brackets ("Bonjour. »")
    r"(?=\s|$)"
)
_BEFORE_CHARS = 40  # the word before a point is looked for in this many characters
_TOKEN_BEFORE = re.compile(r"(?<![\w.º°ª'’-])[\w.º°ª'’-]*+$")
_LINE = re.compile(r"[^\n]+")
_ACRONYM = re.compile(r"(?<![\w.])(?:[^\W\d_]\.)++[^\W\d_]")
_NEXT_WORD = re.compile(r"[^\W\d_]+")


def split_sentences(text: str, *, lang: str | None = None) -> list[Sentence]:
    """Split ``text`` into sentences, each with its offsets in ``text``; blank ones are dropped."""
    return [Sentence(text[start:end], start, end) for start, end in _spans(text, lang)]


def _spans(text: str, lang: str | None) -> list[tuple[int, int]]:
    """[start, end) of each sentence of ``text`` (``split_sentences``), its spaces trimmed."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for end in _boundaries(line.group(), lang):
            _append(spans, text, start, line.start() + end)
            start = line.start() + end
        _append(spans, text, start, line.end())
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _boundaries(line: str, lang: str | None) -> list[int]:
    ends: list[int] = []
    for match in _END.finditer(line):
        following = line[match.end() : match.end() + 12].lstrip()
        if not following or _starts_lower(following):
            continue
        before = line[max(0, match.start() - _BEFORE_CHARS) : match.start()]  # not the whole line
        if match.group().startswith(".") and _abbreviated(before, following, lang):
            continue
        ends.append(match.end())
    return ends


def _starts_lower(following: str) -> bool:
    first = following[0]
    if first in "([«\"'“‘„‚¿¡":  # look past an opening quote or bracket
        rest = following[1:].lstrip()
        return bool(rest) and rest[0].islower() and first in "(["
    return first.islower() or first in ",;:)]"


def _abbreviated(before: str, following: str, lang: str | None) -> bool:
    """Whether the point that ends ``before`` belongs to a word rather than ending a sentence."""
    token = _TOKEN_BEFORE.search(before[-_BEFORE_CHARS:])
    word = token.group().lstrip("'’-").lower() if token else ""
    if not word:
        return False
    if word in _CLOSING_ABBREVIATIONS:
        return not following[0].isupper()
    if word in ABBREVIATIONS:
        return True
    if word in _BEFORE_NUMBER and following[0].isdigit():
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Craig", "M. Macron"
        return True
    if _ACRONYM.fullmatch(word):  # "U.S. Senate" goes on, "U.S. The" ends
        next_word = _NEXT_WORD.match(following)
        return next_word is not None and next_word.group().lower() not in stop_words(lang or "en")
    return lang == "de" and word.isdigit() and len(word) <= 2 and following[0].isalpha()


# A sentence glued to the next: a point between a word's letters and a capitalised word (the
# sentence starts where the match ends).
_GLUED = re.compile(r"[.!?](?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of ``text``; a sentence glued to the one before it, with no
    space after the point ("...all the difference.Three masked men..."), is a sentence too."""
    spans = _spans(text, None)
    glued = [match.end() for match in _GLUED.finditer(text)]
    if not glued:
        return spans
    split: list[tuple[int, int]] = []
    for start, end in spans:
        for cut in (g for g in glued if start < g < end):
            split.append((start, cut))
            start = cut
        split.append((start, end))
    return split
