"""Putting removed text back where it was: pure functions over lire.model values.

Three kinds of removal come from the cleaner (``Removal.index`` is the block's position before
cleaning):

- a whole block: one Removal, or several with the same index when the block was removed in parts
  of different categories; restored parts of one block are joined back into one block, in order;
- a cut tail (``cut`` set by the cleaner): the block at ``index`` is still in the article,
  shortened; the tail is appended back to the end of that block;
- a DOM removal (``index`` None, made before extraction): it goes back between the blocks its
  ``after`` and ``before`` words name (the end of the block before it, the start of the block
  after it, else a block holding them), as its own block; at the end of the article when the
  text around it is not in the article (it stood outside the part extraction kept).

``reinstate`` is what the block pass does with the DOM removals the user restored on the site;
``remove_block`` removes a block by hand (the user marked it as the site's boilerplate).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from lire.clean.anchors import anchor_words
from lire.model import Article, Block, Removal
from lire.text.fingerprint import fingerprint

__all__ = [
    "USER_MARKED",
    "Restored",
    "in_place",
    "is_cut_tail",
    "reinstate",
    "remove_block",
    "restore",
    "restore_removals",
]

USER_MARKED = "user/site-boilerplate"  # the rule of a block the user marked as boilerplate
_END = float("inf")
_EDGE = 800  # characters read at a block's start or end to compare with an anchor

Key = tuple[float, int, int]  # where a shown block goes: (position before cleaning, rank, order)


@dataclass(frozen=True, slots=True)
class Restored:
    """The article with removals put back; ``positions[k]`` is where clean block ``k`` is
    shown, and ``holds[j]`` the numbers of the restored removals shown block ``j`` holds."""

    article: Article
    positions: tuple[int, ...]
    holds: tuple[tuple[int, ...], ...] = ()


def is_cut_tail(removal: Removal) -> bool:
    """Whether ``removal`` is the tail of a block the cleaner kept (shortened)."""
    return removal.cut


def in_place(article: Article) -> set[int]:
    """The numbers of the DOM removals that go back between two blocks of ``article`` when
    restored (the others go at the end: the text around them is not in the article)."""
    page = [n for n, r in enumerate(article.removed) if r.index is None and (r.after or r.before)]
    if not page:
        return set()
    whole = {r.index for r in article.removed if r.index is not None and not r.cut}
    spots = _Spots(article, _kept_slots(len(article.blocks), whole))
    return {n for n in page if spots.key(article.removed[n], n)[0] != _END}


def restore_removals(article: Article, restored: Collection[int]) -> Article:
    """``article`` with the removals numbered in ``restored`` put back (see the module doc)."""
    return restore(article, restored).article


def reinstate(article: Article, kept: Collection[str]) -> Article:
    """``article`` (as extracted) with its DOM removals whose fingerprint is in ``kept`` (the
    user restored them on the site) back where they stood, and no longer listed as removed."""
    numbers = {
        number
        for number, removal in enumerate(article.removed)
        if removal.index is None and fingerprint(removal.text) in kept
    }
    if not numbers:
        return article
    shown = restore(article, numbers).article
    left = tuple(r for number, r in enumerate(article.removed) if number not in numbers)
    return replace(shown, removed=left)


def restore(article: Article, restored: Collection[int]) -> Restored:
    """The article with removals ``restored`` put back, and where each clean block went."""
    groups: dict[int, list[int]] = {}
    for number, removal in enumerate(article.removed):
        if removal.index is not None:
            groups.setdefault(removal.index, []).append(number)
    # a block still in the article, shortened: every removal at its index is a cut tail
    tails = {i for i, numbers in groups.items() if all(_cut(article, n) for n in numbers)}
    slots = _kept_slots(len(article.blocks), set(groups) - tails)
    kept_slots = set(slots)
    placed: list[tuple[Key, Block, int | None, tuple[int, ...]]] = []
    for k, (block, slot) in enumerate(zip(article.blocks, slots, strict=True)):
        tail = tuple(n for n in groups.get(slot, []) if n in restored) if slot in tails else ()
        shown = _appended(block, [article.removed[n].text for n in tail])
        placed.append(((slot, 0, 0), shown, k, tail))
    for index, numbers in groups.items():
        chosen = tuple(n for n in numbers if n in restored)
        if chosen and not (index in tails and index in kept_slots):
            placed.append(((index, 1, 0), _joined(article.removed, chosen), None, chosen))
    page = sorted(n for n in restored if article.removed[n].index is None)
    if page:
        spots = _Spots(article, slots)
        for number in page:
            removal = article.removed[number]
            block = Block(kind=removal.kind, text=removal.text)
            placed.append((spots.key(removal, number), block, None, (number,)))
    placed.sort(key=lambda item: item[0])
    positions = [0] * len(article.blocks)
    for shown_at, (_, _, source, _) in enumerate(placed):
        if source is not None:
            positions[source] = shown_at
    blocks = tuple(item[1] for item in placed)
    holds = tuple(item[3] for item in placed)
    return Restored(replace(article, blocks=blocks), tuple(positions), holds)


def remove_block(article: Article, block: int, rule: str) -> Article:
    """``article`` without its block ``block``, recorded as a removal under ``rule`` (the user
    marked it) at the block's position before cleaning, so that restoring it puts it back
    there. The new removal comes last: the numbers of the others do not change."""
    groups = {r.index for r in article.removed if r.index is not None and not r.cut}
    slot = _kept_slots(len(article.blocks), groups)[block]
    gone = article.blocks[block]
    return replace(
        article,
        blocks=article.blocks[:block] + article.blocks[block + 1 :],
        removed=(*article.removed, Removal(rule, gone.text, slot, gone.kind)),
    )


class _Spots:
    """Where DOM removals go: after the block their ``after`` words end (or hold), else before
    the block their ``before`` words start (or are in), else at the end. The blocks looked at
    are the article's and the block pass's removals, each at its position before cleaning."""

    def __init__(self, article: Article, slots: Sequence[int]) -> None:
        texts = [
            (float(slot), block.text) for block, slot in zip(article.blocks, slots, strict=True)
        ]
        texts += [(float(r.index), r.text) for r in article.removed if r.index is not None]
        self.texts = sorted(texts, key=lambda item: item[0])

    def key(self, removal: Removal, number: int) -> Key:
        after, before = removal.after, removal.before
        for matches, anchor, rank in (
            (_ends_with, after, 2),
            (_starts_with, before, -1),
            (_holds, after, 2),
            (_holds, before, -1),
        ):
            if anchor is not None:
                slot = next((s for s, text in self.texts if matches(text, anchor)), None)
                if slot is not None:
                    return (slot, rank, number)
        return (_END, 1, number)


def _ends_with(text: str, anchor: str) -> bool:
    return f" {_joined_words(text[-_EDGE:])}".endswith(f" {anchor}")


def _starts_with(text: str, anchor: str) -> bool:
    return f"{_joined_words(text[:_EDGE])} ".startswith(f"{anchor} ")


def _holds(text: str, anchor: str) -> bool:
    return f" {anchor} " in f" {_joined_words(text)} "


def _joined_words(text: str) -> str:
    return " ".join(anchor_words(text))


def _cut(article: Article, number: int) -> bool:
    return is_cut_tail(article.removed[number])


def _kept_slots(count: int, whole: set[int]) -> list[int]:
    """The positions before cleaning of ``count`` kept blocks, skipping wholly removed ones."""
    slots: list[int] = []
    position = 0
    while len(slots) < count:
        if position not in whole:
            slots.append(position)
        position += 1
    return slots


def _appended(block: Block, tail: list[str]) -> Block:
    if not tail:
        return block
    return replace(block, text=" ".join([block.text.rstrip(), *tail]))


def _joined(removed: tuple[Removal, ...], numbers: Sequence[int]) -> Block:
    """Restored parts of one block, joined back in the order the cleaner recorded them (a
    block's head, removed when the user marked it, before its cut tail)."""
    ordered = sorted(numbers, key=lambda n: removed[n].cut)
    first = removed[ordered[0]]
    return Block(kind=first.kind, text=" ".join(removed[n].text for n in ordered))
