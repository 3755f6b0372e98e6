"""Teasers: the titles and excerpts of other articles, told apart by their form.

A bare related header ("Read also", "Mehr zum Thema") takes the teaser titles under it; when the
list runs to the end of the text, each title may carry an excerpt and a time line ("AMSTERDAM
(ANP) - ...", "35 minuten geleden"). Without a header, a run of lines at the end of pasted text
that share a form no article paragraph has goes too: excerpts cut off mid-sentence ("...has
arrived…"), or lines that all end with the same word ("... Editar").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lire.clean.classify import Verdict
from lire.model import Block, BlockKind

__all__ = ["mark_teaser_runs", "mark_teasers", "teaser_header"]

TEASER_HEADER_WORDS = 5  # "Lire aussi", "Mehr zum Thema": a related header alone on its line
TEASER_WORDS = 20
TEASER_RUN = 8  # teaser titles taken after one related header at most
LIST_BLOCKS = 24  # a list of teasers with excerpts running to the end has at most this many lines
EXCERPT_WORDS = 60  # an excerpt under a teaser title is at most this long
RUN_MIN = 3  # a run of lines of one form at the end of the text has at least this many
RUN_WORDS = 60  # each at most this long
SAME_END_WORDS = 4  # lines ending with the same word have at least this many words
GAP_WORDS = 2  # a line this short between or after the run's lines goes with them ("MÉRIDA")
# an excerpt cut off mid-sentence: "has arrived…", "Misiekaba benadrukt p…..", "Nova Lima, t ..."
_CUT_OFF = re.compile(r"\w[;,]?\s?(?:…[.…]*|\.{2,})$")
_FINISHED = (".", "!", "?", "…", "»", "”", '"', ")")  # a line that ends so was not cut off
_LAST_WORD = re.compile(r"(?<!\S)([^\W\d_]{2,})$")  # a last word with no punctuation after it
# a sentence ends inside the line (not after an initial: "U.S. officials"), and the next one
# begins with a capital or a figure (not a pause: "de terreur… et")
_SENTENCE_BREAK = re.compile(r"(?<=\w\w)[.!?…]\s+(\w)")
_Form = Callable[[str, Verdict], str | None]  # a line's form: None when it has not that form


def teaser_header(rule: str | None, words: int) -> bool:
    """Whether a block of ``words`` words that ``rule`` removes whole is a bare related header
    ("Derniers articles", "Mehr zum Thema")."""
    return (rule or "").startswith("related/") and words <= TEASER_HEADER_WORDS


def mark_teasers(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], marks: dict[int, str], *, plain: bool
) -> None:
    """A bare "Read also" / "Mehr zum Thema" line takes the teaser titles that follow it, and in
    pasted text the excerpts under them when the list runs to the end of the text, or when
    each title has an excerpt cut off mid-sentence under it ("En France, l'essor du...").

    From HTML a teaser title is a link; pasted text has lost its links.
    """
    for i, name in list(marks.items()):
        if not teaser_header(name, verdicts[i].words):
            continue
        listed = (
            _teaser_list(blocks, verdicts, marks, i) or _teaser_pairs(blocks, verdicts, marks, i)
            if plain
            else []
        )
        for j in listed:
            marks.setdefault(j, name)
        for j in range(i + 1, min(i + 1 + TEASER_RUN, len(blocks))):
            if j in marks or not _teaser(blocks[j], verdicts[j], plain=plain):
                break
            marks[j] = name


def _teaser_pairs(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], marks: dict[int, str], header: int
) -> list[int]:
    """The teaser titles after ``header`` each followed by its excerpt cut off mid-sentence,
    pair after pair (``TEASER_RUN`` blocks at most): a title without such an excerpt ends the
    list, whether it is another teaser or the article's headline."""
    taken: list[int] = []
    j = header + 1
    while j + 1 < len(blocks) and len(taken) < TEASER_RUN:
        title, excerpt = j, j + 1
        if (
            title in marks
            or excerpt in marks
            or not _teaser(blocks[title], verdicts[title], plain=True)
        ):
            break
        if _cut_off(blocks[excerpt].text.strip(), verdicts[excerpt]) is None:
            break
        taken += [title, excerpt]
        j += 2
    return taken


def _teaser(block: Block, verdict: Verdict, *, plain: bool) -> bool:
    """A headline: short, linked (unless pasted), and not ending like a sentence of prose."""
    text = block.text.rstrip()
    return (
        verdict.words <= TEASER_WORDS
        and verdict.cut is None
        and block.kind is not BlockKind.HEADING
        and (plain or bool(block.links))
        and not text.endswith((".", ":"))
    )


def _teaser_list(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], marks: dict[int, str], header: int
) -> list[int]:
    """The blocks after ``header`` when they run to the end of the text as teaser titles, each
    followed by at most one excerpt, with two titles at least, no excerpt or two at least (a
    list repeats its form), and hold fewer words than the text before the header; else none.
    An excerpt never follows another, and the article's paragraphs after an inline "Read also"
    outweigh the first ones or come one after the other."""
    rest = range(header + 1, len(blocks))
    words = sum(verdicts[j].words for j in rest)
    if not 0 < len(rest) <= LIST_BLOCKS or words >= sum(v.words for v in verdicts[:header]):
        return []
    titles = excerpts = 0
    after_title = False
    for j in rest:
        if j in marks or _teaser(blocks[j], verdicts[j], plain=True):
            titles += j not in marks
            after_title = True
        elif after_title and _excerpt(blocks[j], verdicts[j]):
            excerpts += 1
            after_title = False
        else:
            return []
    return [j for j in rest if j not in marks] if titles >= 2 and excerpts != 1 else []


def _excerpt(block: Block, verdict: Verdict) -> bool:
    return (
        verdict.words <= EXCERPT_WORDS
        and verdict.cut is None
        and block.kind is not BlockKind.HEADING
    )


def mark_teaser_runs(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], marks: dict[int, str]
) -> None:
    """At the end of pasted text, after the article, a run of at least ``RUN_MIN`` lines of one
    form: excerpts cut off mid-sentence ("related/cut-off-excerpts"), or lines of a few words
    that all end with the same word ("related/same-last-word"). Short lines among and after
    them ("MÉRIDA", a category) and blocks already removed do not break the run."""
    for name, form in (("related/cut-off-excerpts", _cut_off), ("related/same-last-word", _ends)):
        run, members = _tail_run(blocks, verdicts, marks, form)
        if members >= RUN_MIN:
            for j in run:
                marks.setdefault(j, name)


def _tail_run(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    marks: dict[int, str],
    form: _Form,
) -> tuple[list[int], int]:
    """The blocks of the run that ends the text, and how many of them have ``form`` (the same
    form: the last line's), the others being short lines and removed blocks; no blocks when
    fewer words precede the run than it holds (no article before it)."""
    run: list[int] = []
    members = 0
    wanted: str | None = None
    j = len(blocks) - 1
    while j >= 0:
        found = form(blocks[j].text.strip(), verdicts[j])
        if found is not None and wanted in (None, found):
            wanted, members = found, members + 1
        elif not (j in marks or verdicts[j].words <= GAP_WORDS or _unfinished(blocks, j)):
            break
        run.append(j)
        j -= 1
    before = sum(verdicts[k].words for k in range(j + 1))
    return (run, members) if before > sum(verdicts[k].words for k in run) else ([], 0)


def _unfinished(blocks: Sequence[Block], j: int) -> bool:
    """The text's last block when the copy cut it off in its first sentence ("- President
    Simons waarschuwt ministers: “Nie"): the last item of a list, whatever its form."""
    text = blocks[j].text.strip()
    return (
        j == len(blocks) - 1
        and len(text.split()) <= RUN_WORDS
        and not text.endswith(_FINISHED)
        and not _sentence_break(text)
    )


def _cut_off(text: str, verdict: Verdict) -> str | None:
    """An ellipsis for an excerpt cut off in its first sentence, else None (an article's
    paragraph that ends with an ellipsis has sentences before it)."""
    words = verdict.words
    if not 3 <= words <= RUN_WORDS or _sentence_break(text):
        return None
    return "…" if _CUT_OFF.search(text) else None


def _ends(text: str, verdict: Verdict) -> str | None:
    """The last word of a line of a few words, one sentence, with no punctuation after it,
    else None."""
    if not SAME_END_WORDS <= verdict.words <= RUN_WORDS or _sentence_break(text):
        return None
    match = _LAST_WORD.search(text)
    return match[1].casefold() if match else None


def _sentence_break(text: str) -> bool:
    """Whether a sentence ends inside ``text`` and another begins."""
    return any(not found[1].islower() for found in _SENTENCE_BREAK.finditer(text))
