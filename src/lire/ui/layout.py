"""Layout: an article wrapped to one width, item by item, and where each item starts.

Item 0 is the header (or a note shown instead of an article), item ``i + 1`` is block ``i``.
Blocks are wrapped on demand (``extend_to``) so a long article is laid out in pieces; a block
whose styles changed (a search hit, a highlight) is wrapped again when it is next drawn. A jump
far ahead (``G`` before the article is laid out) only counts the lines of the blocks it passes,
where it can, and wraps them when they are drawn.
No widget here: the article view owns one Layout per article and width.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from lire.model import WORDS_PER_MINUTE, Block, BlockKind
from lire.ui.document import Drawn, running_text
from lire.ui.wrapping import line_count, wrapped_lines

__all__ = ["Layout", "Wrapped", "measure", "words_before", "wrap"]

_TIGHT = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)


@dataclass(slots=True)
class Wrapped:
    """An item wrapped: what goes before its first line and before the others, the style of
    its text, and its lines: a line's text, or its segments where styles change within it.
    Lines are kept as text where they can be: a long article then holds few objects for
    Python's garbage collector to walk (it paused the app for a tenth of a second)."""

    first: list[Segment]
    rest: list[Segment]
    style: Style | None
    lines: Sequence[str | list[Segment]]

    def __len__(self) -> int:
        return len(self.lines)

    def segments(self, n: int) -> list[Segment]:
        """Line ``n``'s segments, its margin first."""
        line = self.lines[n]
        body = ([Segment(line, self.style)] if line else []) if isinstance(line, str) else line
        return [*(self.rest if n else self.first), *body]


Wrap = Callable[[Drawn], Wrapped]
Count = Callable[[int], int | None]  # the lines block ``i`` takes, None: only wrapping tells


class Layout:
    """The lines of each laid-out item and the first line of each (then the end)."""

    def __init__(
        self,
        blocks: Sequence[Block],
        first: Drawn,
        *,
        style: Callable[[int], Drawn],
        wrap: Wrap,
        count: Count | None = None,
        words: list[int] | None = None,
    ) -> None:
        self.blocks = blocks
        self._style = style
        self._wrap = wrap
        self._count = count
        self.items: list[Wrapped] = [wrap(first)]
        self.starts: list[int] = [0, len(self.items[0]) + 1]
        self.stale: set[int] = set()  # blocks to wrap again before they are drawn
        self.blocks_shown = True  # False: the first item is a note, nothing follows
        self.words = words if words is not None else words_before(blocks)

    @property
    def line_count(self) -> int:
        return self.starts[-1]

    @property
    def complete(self) -> bool:
        """Whether every block is laid out."""
        return not self.blocks_shown or len(self.items) > len(self.blocks)

    def extend_to(self, items: int, *, lines: int | None = None, counted: bool = False) -> bool:
        """Lay out blocks until ``items`` items are done, or until ``lines`` lines are; whether
        anything was added. ``counted``: only count the lines of the blocks that ``count``
        can count, and wrap them when they are drawn."""
        target = min(items, len(self.blocks) + 1)
        if not self.blocks_shown or len(self.items) >= target:
            return False
        count = self._count if counted else None
        for item in range(len(self.items), target):
            if lines is not None and self.starts[-1] >= lines:
                break
            size = count(item - 1) if count is not None else None
            if size is None:
                self.items.append(self._wrap(self._style(item - 1)))
            else:  # as many lines as the wrap will give, each blank until then
                self.items.append(Wrapped([], [], None, [""] * size))
                self.stale.add(item - 1)
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
            wrapped, offset = self.items[item], line - self.starts[item]
            if offset < len(wrapped):
                return Strip(Segment.simplify(wrapped.segments(offset)))
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

    def restyle_all(self, first: Drawn) -> None:
        """New styles for everything (a theme): the header drawn again now, as many lines as
        before, and every block laid out when it is next drawn."""
        self.items[0] = self._wrap(first)
        self.stale = set(range(len(self.items) - 1))

    def rewrap(self, blocks: set[int]) -> None:
        """Wrap these blocks again now (their text changed: link numbers); the lines after
        them move. Blocks not laid out yet are wrapped when they are."""
        for block in blocks:
            if 0 <= block < len(self.items) - 1:
                self.items[block + 1] = self._wrap(self._style(block))
                self.stale.discard(block)
        sizes = (len(lines) + self._gap(item) for item, lines in enumerate(self.items))
        self.starts = list(accumulate(sizes, initial=0))

    def _gap(self, item: int) -> int:
        blocks = self.blocks
        if item == 0 or item >= len(blocks):
            return 1
        tight = blocks[item - 1].kind in _TIGHT and blocks[item].kind == blocks[item - 1].kind
        return 0 if tight else 1


def words_before(blocks: Sequence[Block]) -> list[int]:
    """How many words come before each block, then in all (the reading position's measure)."""
    return list(accumulate((len(block.text.split()) for block in blocks), initial=0))


def wrap(
    drawn: Drawn, console: Console, options: ConsoleOptions, width: int, column: int
) -> Wrapped:
    """``drawn`` wrapped in a reading column of ``column`` cells (0: all of ``width``) centred
    in ``width``, with its margin before each line."""
    column = min(width, column) if column > 0 else width
    indent = Segment(" " * ((width - column) // 2))
    first = [indent, *drawn.first.render(console, end="")]
    rest = [indent, *drawn.rest.render(console, end="")]
    inner = max(1, column - drawn.first.cell_len)
    body = drawn.body
    if isinstance(body, Text) and (lines := wrapped_lines(body, console, inner)) is not None:
        return Wrapped(first, rest, console.get_style(body.style) if body.style else None, lines)
    rendered = console.render_lines(body, options.update_width(inner), pad=False)  # code, tables
    return Wrapped(first, rest, None, rendered)


def measure(block: Block, width: int, column: int, *, numbered: bool) -> int | None:
    """How many lines ``wrap`` gives ``block`` drawn (``lire.ui.document.draw_block``, link
    numbers on when ``numbered``) with the same ``width`` and ``column``, counted without
    drawing or wrapping it; None when it must be drawn and wrapped to tell (all but running
    text, or characters other than one cell wide)."""
    text = running_text(block, numbered=numbered)
    if text is None:
        return None
    return line_count(text, min(width, column) if column > 0 else width)
