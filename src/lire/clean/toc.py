"""A table of contents: the article's own headings listed above it, with the label over them.

A long article or guide opens with its sections' headings ("Table of Contents", "Sommaire",
"Inhalt", then "How ad blockers work", "What publishers can do"...); pasted, or read from a page
whose list is no link bar, the list stays as lines of text that say nothing the headings below
do not. It is told by what it repeats, in any language: a run of at least ``MIN_ITEMS`` short
lines (``MIN_ITEMS_LABELLED`` under a label that names a table of contents), each of which comes
back further down, in the same order, as a line of its own. The lines that come back are the
article's headings and stay; the run and its label go, as ``nav/table-of-contents``. A stored
page's text may stop before the last headings: list items that come back nowhere go on a run
whose first items did.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from lire.model import Block, BlockKind
from lire.text.fingerprint import word_key

__all__ = ["TOC_RULE", "table_of_contents"]

TOC_RULE = "nav/table-of-contents"
MAX_ITEM_WORDS = 15  # a heading listed, not a paragraph
MIN_ITEMS = 3  # without a label
MIN_ITEMS_LABELLED = 2
MAX_CUT_OFF_RUN = 12  # a run whose last items come back nowhere holds this many at most
_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[ivx]{1,4}[.)])\s+", re.IGNORECASE)
_LABEL = re.compile(
    r"^\W{0,3}(?:tables? (?:of|des) (?:contents?|matières)|contents|in this (?:article|guide|post)"
    r"|on this page|sommaire|au sommaire|dans cet article|inhalt|inhaltsverzeichnis"
    r"|in diesem artikel|inhoud(?:sopgave)?|in dit artikel|índice|indice(?: dei contenuti)?"
    r"|tabla de contenidos?|contenidos?|en este artículo|in questo articolo|sumário|conteúdos?"
    r"|neste artigo)\W{0,3}$",
    re.IGNORECASE,
)


def table_of_contents(blocks: Sequence[Block], *, cut_off: bool = True) -> set[int]:
    """The indexes of the blocks of ``blocks`` that make up a table of contents, label included
    (``cut_off``: with the items the text stopped before, on an article's text only: a product
    page's lists of features repeat lines of their own)."""
    keys = [_key(block) for block in blocks]
    places: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            places.setdefault(key, []).append(i)
    found: set[int] = set()
    start = 0
    while start < len(blocks):
        end = _run_end(keys, places, start)
        if end > start and cut_off:
            end = _cut_off(blocks, keys, places, start, end)
        labelled = start > 0 and _LABEL.match(blocks[start - 1].text) is not None
        if end - start >= (MIN_ITEMS_LABELLED if labelled else MIN_ITEMS):
            found.update(range(start - labelled, end))
            start = end
        else:
            start += 1
    return found


def _key(block: Block) -> str | None:
    """The words a listed heading and the heading itself share, or None for a block that is no
    heading of a table of contents."""
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING):
        return None
    key = word_key(_NUMBER.sub("", block.text))
    if not key or len(key.split()) > MAX_ITEM_WORDS or not any(c.isalpha() for c in key):
        return None
    return key


def _run_end(keys: Sequence[str | None], places: dict[str, list[int]], start: int) -> int:
    """The end of the run of items from ``start`` on that come back below the run, each after
    the one before it: the first item's line below bounds the run, the others are looked for
    after it in turn."""
    first = keys[start]
    back = _after(places, first, start) if first is not None else None
    if back is None:
        return start
    end, limit = start + 1, back
    while end < limit and (key := keys[end]) is not None:
        found = _after(places, key, back)
        if found is None:
            break
        back = found
        end += 1
    return end


def _after(places: dict[str, list[int]], key: str, index: int) -> int | None:
    """The first place of ``key`` after ``index``, or None."""
    where = places[key]
    at = bisect_right(where, index)
    return where[at] if at < len(where) else None


def _cut_off(
    blocks: Sequence[Block],
    keys: Sequence[str | None],
    places: dict[str, list[int]],
    start: int,
    end: int,
) -> int:
    """The end of a listed run (from ``start``) whose last items come back nowhere, the text
    cut off before their headings (a stored page's first screens): list items go on from
    ``end`` while each is found nowhere else in the text, when the list ends there and holds
    ``MAX_CUT_OFF_RUN`` items at most (a product's specifications go on for longer)."""
    if blocks[end - 1].kind is not BlockKind.LIST_ITEM:
        return end
    last = end
    while (
        last < len(blocks)
        and blocks[last].kind is BlockKind.LIST_ITEM
        and (key := keys[last]) is not None
        and len(places[key]) == 1
    ):
        last += 1
    listed = last < len(blocks) and blocks[last].kind is BlockKind.LIST_ITEM
    return end if listed or last - start > MAX_CUT_OFF_RUN else last
