"""Layout: an article wrapped to one width, item by item, and where each item starts.

Item 0 is the header (or a note shown instead of an article), item ``i + 1`` is block ``i``.
Blocks are wrapped on demand (``extend_to``) so a long article is laid out in pieces; a block
whose styles changed (a search hit, a highlight) is wrapped again when it is next drawn.
No widget here: the article view owns one Layout per article and width.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from textual.strip import Strip

from lire.model import WORDS_PER_MINUTE, Block, BlockKind
from lire.ui.document import Drawn

__all__ = ["Layout", "wrap"]

_TIGHT = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)

Wrap = Callable[[Drawn], list[Strip]]


class Layout:
    """The strips of each laid-out item and the first line of each (then the end)."""

    def __init__(
        self, blocks: Sequence[Block], first: Drawn, *, style: Callable[[int], Drawn], wrap: Wrap
    ) -> None:
        self.blocks = blocks
        self._style = style
        self._wrap = wrap
        self.items: list[list[Strip]] = [wrap(first)]
        self.starts: list[int] = [0, len(self.items[0]) + 1]
        self.stale: set[int] = set()  # blocks to wrap again before they are drawn
        self.blocks_shown = True  # False: the first item is a note, nothing follows
        self.words = list(accumulate((len(b.text.split()) for b in blocks), initial=0))

    @property
    def line_count(self) -> int:
        return self.starts[-1]

    @property
    def complete(self) -> bool:
        """Whether every block is laid out."""
        return not self.blocks_shown or len(self.items) > len(self.blocks)

    def extend_to(self, items: int, *, lines: int | None = None) -> bool:
        """Lay out blocks until ``items`` items are done, or until ``lines`` lines are; whether
        anything was added."""
        target = min(items, len(self.blocks) + 1)
        if not self.blocks_shown or len(self.items) >= target:
            return False
        for item in range(len(self.items), target):
            if lines is not None and self.starts[-1] >= lines:
                break
            self.items.append(self._wrap(self._style(item - 1)))
            self.starts.append(self.starts[-1] + len(self.items[-1]) + self._gap(item))
        return True

    def block_at(self, y: int) -> int:
        """Index of the block drawn at line ``y``, or of the block after a blank line."""
        item = max(0, bisect_right(self.starts, y) - 1)
        return max(0, min(item - 1, len(self.blocks) - 1))

    def start_of(self, block: int) -> int:
        """The first line of ``block`` (0 for the header), as far as it is laid out."""
        item = max(0, min(block + 1, len(self.items) - 1, len(self.blocks)))
        return self.starts[item]

    def strip(self, line: int) -> Strip | None:
        """The strip drawn at ``line`` (None on a blank line or past the end)."""
        item = bisect_right(self.starts, line) - 1
        if item - 1 in self.stale:
            self.stale.discard(item - 1)
            self.items[item] = self._wrap(self._style(item - 1))
        if 0 <= item < len(self.items):
            strips, offset = self.items[item], line - self.starts[item]
            if offset < len(strips):
                return strips[offset]
        return None

    def position(self, bottom: int) -> tuple[int, int]:
        """Percent read and minutes left when line ``bottom`` is the first below the view."""
        words = self.words
        if words[-1] == 0 or (self.complete and bottom >= self.line_count):
            return 100, 0
        read = words[min(self.block_at(bottom - 1) + 1, len(words) - 1)]
        return round(100 * read / words[-1]), round((words[-1] - read) / WORDS_PER_MINUTE)

    def restyle(self, blocks: set[int]) -> None:
        """Mark blocks to be wrapped again when next drawn (styles never change the wrap)."""
        self.stale |= {block for block in blocks if 0 <= block < len(self.items) - 1}

    def _gap(self, item: int) -> int:
        blocks = self.blocks
        if item == 0 or item >= len(blocks):
            return 1
        tight = blocks[item - 1].kind in _TIGHT and blocks[item].kind == blocks[item - 1].kind
        return 0 if tight else 1


def wrap(
    drawn: Drawn, console: Console, options: ConsoleOptions, width: int, column: int
) -> list[Strip]:
    """``drawn`` wrapped in a reading column of ``column`` cells (0: all of ``width``) centred
    in ``width``, with its margin before each line."""
    column = min(width, column) if column > 0 else width
    indent = Segment(" " * ((width - column) // 2))
    first = list(drawn.first.render(console, end=""))
    rest = list(drawn.rest.render(console, end=""))
    inner = max(1, column - drawn.first.cell_len)
    lines = console.render_lines(drawn.body, options.update_width(inner), pad=False)
    return [
        Strip(Segment.simplify([indent, *(rest if n else first), *line]))
        for n, line in enumerate(lines)
    ]
