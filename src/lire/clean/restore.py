"""Putting removed text back where it was: pure functions over lire.model values.

Three kinds of removal come from the cleaner (``Removal.index`` is the block's position before
cleaning):

- a whole block: one Removal, or several with the same index when the block was removed in parts
  of different categories; restored parts of one block are joined back into one block, in order;
- a cut tail (``cut`` set by the cleaner): the block at ``index`` is still in the article,
  shortened; the tail is appended back to the end of that block;
- a DOM removal (``index`` None, made before extraction, so no block position is known): it goes
  at the end of the article, each as its own block, in the order they were removed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from lire.model import Article, Block, Removal

__all__ = ["Restored", "is_cut_tail", "restore", "restore_removals"]

_END = float("inf")


@dataclass(frozen=True, slots=True)
class Restored:
    """The article with removals put back; ``positions[k]`` is where clean block ``k`` is shown."""

    article: Article
    positions: tuple[int, ...]


def is_cut_tail(removal: Removal) -> bool:
    """Whether ``removal`` is the tail of a block the cleaner kept (shortened)."""
    return removal.cut


def restore_removals(article: Article, restored: Collection[int]) -> Article:
    """``article`` with the removals numbered in ``restored`` put back (see the module doc)."""
    return restore(article, restored).article


def restore(article: Article, restored: Collection[int]) -> Restored:
    """The article with removals ``restored`` put back, and where each clean block went."""
    groups: dict[int, list[int]] = {}
    for number, removal in enumerate(article.removed):
        if removal.index is not None:
            groups.setdefault(removal.index, []).append(number)
    tails = {i for i, numbers in groups.items() if any(_cut(article, n) for n in numbers)}
    slots = _kept_slots(len(article.blocks), set(groups) - tails)
    kept_slots = set(slots)
    placed: list[tuple[float, int, Block, int | None]] = []
    for k, (block, slot) in enumerate(zip(article.blocks, slots, strict=True)):
        numbers = groups.get(slot, []) if slot in tails else []
        tail = [article.removed[n].text for n in numbers if n in restored]
        placed.append((slot, 0, _appended(block, tail), k))
    for index, numbers in groups.items():
        chosen = [n for n in numbers if n in restored]
        if chosen and not (index in tails and index in kept_slots):
            placed.append((index, 1, _joined(article.removed, chosen), None))
    for number in sorted(restored):
        removal = article.removed[number]
        if removal.index is None:
            placed.append((_END, 1, Block(kind=removal.kind, text=removal.text), None))
    placed.sort(key=lambda item: (item[0], item[1]))
    positions = [0] * len(article.blocks)
    for shown, (_, _, _, source) in enumerate(placed):
        if source is not None:
            positions[source] = shown
    blocks = tuple(block for _, _, block, _ in placed)
    return Restored(replace(article, blocks=blocks), tuple(positions))


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


def _joined(removed: tuple[Removal, ...], numbers: list[int]) -> Block:
    """Restored parts of one block, joined back in the order the cleaner recorded them."""
    first = removed[numbers[0]]
    return Block(kind=first.kind, text=" ".join(removed[n].text for n in numbers))
