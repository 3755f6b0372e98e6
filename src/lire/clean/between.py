"""Lines left standing among removed ones after the article: a list's label or one of its items.

After a pasted article's last paragraph, the rules and the model remove a list of other stories,
a comment section, a row of dates, and now and then leave one of its lines: a headline whose
date lines on either side went ("Auto in voortuin Nieuwdorp na aanrijding" between two "03
februari 2025"), a label over a list that went ("Ces articles devraient vous intéresser"). Such a
line goes with its neighbours when

- it stands after the article's last paragraph of running text, and is no sentence itself;
- the nearest lines on either side that hold a letter ("-" and "|" lines are looked past) were
  both removed, under the same category; it goes under the one after it;
- or it is the line right after that paragraph, a short label with no final point, and the
  ``LABELLED`` lines after it were all removed as related stories.

Chosen on the news texts' tune sites (``bench/news_eval.py``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from lire.clean.features import is_prose
from lire.model import Block

__all__ = ["between_removed"]

LABEL_WORDS = 8  # a label over a list is this long at most
LABELLED = 3  # the lines after a label that must all have gone
SENTENCE_WORDS = 5  # a line this long that ends like a sentence is one: never taken here
_ENDS = (".", "!", "?", "…")


def between_removed(
    blocks: Sequence[Block], marks: dict[int, str], kept: Collection[int]
) -> dict[int, str]:
    """The blocks of ``blocks`` after the article that go with the removed blocks around them
    (``marks``: the removed blocks and their rules; ``kept``: blocks never removed whole, such
    as the ones a rule cuts), each with the rule it goes under."""
    counts = [len(block.text.split()) for block in blocks]
    last = next(
        (
            i
            for i in range(len(blocks) - 1, -1, -1)
            if i not in marks and is_prose(blocks[i].text, counts[i])
        ),
        None,
    )
    if last is None:
        return {}
    found: dict[int, str] = {}
    for i in range(last + 1, len(blocks)):
        text = blocks[i].text.rstrip()
        if i in marks or i in kept or is_prose(text, counts[i]):
            continue
        if counts[i] >= SENTENCE_WORDS and text.endswith(_ENDS):
            continue
        before, after = _lettered(blocks, i, -1), _lettered(blocks, i, 1)
        if (
            before in marks
            and after in marks
            and _category(marks[before]) == _category(marks[after])
        ):
            found[i] = marks[after]
        elif i == last + 1 and _label(text, counts[i]) and _related_after(marks, i, len(blocks)):
            found[i] = marks[i + 1]
    return found


def _lettered(blocks: Sequence[Block], i: int, step: int) -> int | None:
    """The nearest block from ``i`` in the direction ``step`` that holds a letter, or None."""
    k = i + step
    while 0 <= k < len(blocks):
        if any(c.isalpha() for c in blocks[k].text):
            return k
        k += step
    return None


def _category(rule: str) -> str:
    return rule.partition("/")[0]


def _label(text: str, words: int) -> bool:
    return words <= LABEL_WORDS and not text.endswith(_ENDS)


def _related_after(marks: dict[int, str], i: int, size: int) -> bool:
    after = range(i + 1, i + 1 + LABELLED)
    return after.stop <= size and all(
        k in marks and _category(marks[k]) == "related" for k in after
    )
