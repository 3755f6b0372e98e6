"""Lists are read whole: what the learned model would take of a list the article keeps stays.

The model judges each block on its own, and the items of a list after a short paragraph (a
programme, a results table, a recipe's ingredients) look like a menu's to it: it keeps the first
items, next to the article, and takes the rest. Three readings give such items back
(``read_whole``):

- a marked-up list at least half of whose items stay stays whole;
- a list the article announces with a line that ends in a colon ("The 33-strong squad is as
  follows:", "Setlist:") stays, up to its first line that runs or that a rule removes;
- a line written on the same pattern as a line that stays just before it ("2 Julian
  ALAPHILIPPE FRA EQS 0", then "3 Alejandro VALVERDE ESP MOV 0"; "Grupo Sertanília – BA", then
  "Celo Costa – BA") continues the same list: the pattern is the sequence of its words' forms
  (a number, a word in capitals, a capitalised word, a word in lower case) and its marks, and
  must hold at least ``PATTERN_PARTS`` parts ("Menu" or "images audio video" is no pattern).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lire.model import Block, BlockKind

__all__ = ["pattern", "read_whole"]

ANNOUNCED_WORDS = 12  # an item of a list the article announces, or continues, is this short
PATTERN_PARTS = 3  # a line's pattern holds this many parts at least to make a list of lines
_TOKEN = re.compile(r"\w+|[^\w\s]")


def read_whole(
    blocks: Sequence[Block], prose: Sequence[bool], gone: set[int], ruled: set[int]
) -> set[int]:
    """The blocks of ``gone`` (the model's removals) that belong to a list the article keeps
    (``prose``: whether each block reads as running text; ``ruled``: the blocks a rule removes)."""
    kept = _kept_lists(blocks, gone, ruled)
    kept |= _announced(blocks, prose, gone, ruled)
    return kept | _continued(blocks, prose, gone - kept, ruled)


def pattern(text: str) -> str:
    """The pattern of a line: each word's form (``d`` a number, ``U`` capitals, ``C``
    capitalised, ``l`` lower case) and each mark, repeats folded ("Celo Costa – BA": ``C–U``)."""
    parts: list[str] = []
    for token in _TOKEN.findall(text):
        if token.isdigit():
            part = "d"
        elif token.isupper() and len(token) > 1:
            part = "U"
        elif token[:1].isupper():
            part = "C"
        elif token[:1].isalpha():
            part = "l"
        else:
            part = token
        if not parts or parts[-1] != part:
            parts.append(part)
    return "".join(parts)


def _continued(
    blocks: Sequence[Block], prose: Sequence[bool], gone: set[int], ruled: set[int]
) -> set[int]:
    """The short lines of ``gone`` written on the pattern of a line that stays before them,
    through lines of that pattern only (each line judged once: a run of 20,000 menu lines on one
    pattern costs 20,000 steps)."""
    kept: set[int] = set()
    patterns: dict[int, str] = {}
    judged: dict[int, bool] = {}  # a short line of ``gone`` on a pattern: whether it stays

    def pattern_of(i: int) -> str:
        if i not in patterns:
            patterns[i] = pattern(blocks[i].text)
        return patterns[i]

    for i in sorted(gone):
        if prose[i] or len(blocks[i].text.split()) > ANNOUNCED_WORDS:
            continue
        form = pattern_of(i)
        if len(form) < PATTERN_PARTS:
            continue
        j = i - 1
        if j in judged:  # the line before is one of these: this one goes on its list, or not
            stays = judged[j] and pattern_of(j) == form
        else:
            stays = j >= 0 and j not in gone and j not in ruled and pattern_of(j) == form
        judged[i] = stays
        if stays:
            kept.add(i)
    return kept


def _kept_lists(blocks: Sequence[Block], gone: set[int], ruled: set[int]) -> set[int]:
    """The blocks of ``gone`` in a list at least half of whose items stay, neither in ``gone``
    nor removed by a rule (``ruled``): a list is read whole."""
    kept: set[int] = set()
    run: list[int] = []
    for i, block in enumerate([*blocks, None]):
        if block is not None and block.kind is BlockKind.LIST_ITEM:
            run.append(i)
            continue
        if len(run) >= 2:
            removed = [j for j in run if j in gone or j in ruled]
            if removed and 2 * len(removed) <= len(run):
                kept.update(j for j in removed if j in gone)
        run = []
    return kept


def _announced(
    blocks: Sequence[Block], prose: Sequence[bool], gone: set[int], ruled: set[int]
) -> set[int]:
    """The blocks of ``gone`` in a list the article announces: after a line that ends with a
    colon ("The 33-strong squad is as follows:", "Setlist:"), which stays, with running text
    that stays before it, the short lines that follow it, up to the first that runs or that a
    rule removes (a squad, a setlist, a table's cells)."""
    kept: set[int] = set()
    read = False  # running text that stays came before
    i = 0
    while i < len(blocks):
        if read and i not in gone and i not in ruled and blocks[i].text.rstrip().endswith(":"):
            j = i + 1
            while (
                j < len(blocks)
                and j not in ruled
                and not prose[j]
                and len(blocks[j].text.split()) <= ANNOUNCED_WORDS
            ):
                if j in gone and blocks[j].kind is not BlockKind.LIST_ITEM:
                    kept.add(j)  # a marked-up list is read whole by ``_kept_lists``
                j += 1
            i = j
            continue
        read = read or (prose[i] and i not in gone)
        i += 1
    return kept
