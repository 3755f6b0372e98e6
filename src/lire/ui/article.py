"""ArticleView: the article drawn through Textual's line API, laid out in pieces.

Each block is wrapped once per width into strips and only the lines in view are painted, so a
100,000-word article never mounts thousands of widgets. Only the lines in view and a page more
are wrapped before the first frame; the rest is wrapped in chunks between frames (or at once
when a jump needs it). Search hits and the brief highlight of a summary point restyle only the
blocks they touch.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from rich.console import ConsoleOptions
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from lire.model import WORDS_PER_MINUTE, Article, BlockKind
from lire.ui.document import Match, Palette, block_text, header_text
from lire.ui.messages import ArticleScrolled

__all__ = ["ArticleView"]

_TIGHT = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)
_CHUNK = 150  # blocks wrapped per step of the background layout


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article: a header (title, metadata) then every block, one blank line between."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = Article(blocks=())
        self.palette = Palette()
        self._matches: dict[int, list[Match]] = {}
        self._current: Match | None = None
        self._flash: int | None = None
        self._note: Text | None = None
        self._lines: list[list[Strip]] = []  # per laid-out item: 0 is the header, i+1 block i
        self._starts: list[int] = [0]  # first line of each laid-out item, then the end
        self._painted: dict[int, Strip] = {}  # final strips by line, for the current width
        self._stale: set[int] = set()  # blocks whose styles changed since they were wrapped
        self._words: list[int] = [0]  # words before each block
        self._width = 0
        self._pending_top: int | None = None
        self._options: ConsoleOptions | None = None
        self._generation = 0

    # -- content -----------------------------------------------------------------------------

    def show(self, article: Article, palette: Palette, *, top_block: int = 0) -> None:
        """Replace the article and scroll so that ``top_block`` is at the top."""
        self.article, self.palette, self._note = article, palette, None
        self._matches, self._current, self._flash = {}, None, None
        self._words = list(accumulate((len(b.text.split()) for b in article.blocks), initial=0))
        self._relayout(force=True)
        self.scroll_to_block(top_block)

    def show_note(self, note: str) -> None:
        """Show a line of text (already safe) in place of an article."""
        self.show(Article(blocks=()), self.palette)
        self._note = Text(note, style="italic")
        self._relayout(force=True)

    def set_palette(self, palette: Palette) -> None:
        """Redraw with the styles of a new theme, keeping the position."""
        self.palette = palette
        top = self.top_block
        self._relayout(force=True)
        self.scroll_to_block(top)

    def set_matches(self, matches: Iterable[Match], current: Match | None) -> None:
        """Mark search hits (``current`` stronger), restyling only the blocks involved."""
        touched = set(self._matches) | ({self._current.block} if self._current else set())
        self._matches = {}
        for hit in matches:
            self._matches.setdefault(hit.block, []).append(hit)
        self._current = current
        self._restyle(touched | set(self._matches))

    def flash(self, block: int | None) -> None:
        """Highlight one block (``None`` clears the highlight)."""
        touched = {b for b in (self._flash, block) if b is not None}
        self._flash = block
        self._restyle(touched)

    # -- geometry ----------------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return self._starts[-1]

    @property
    def complete(self) -> bool:
        """Whether every block is laid out."""
        return self._note is not None or len(self._lines) > len(self.article.blocks)

    @property
    def top_block(self) -> int:
        """Index of the block shown on the first line in view (0 while the header shows)."""
        return self.block_at(round(self.scroll_y))

    def block_at(self, y: int) -> int:
        """Index of the block drawn at line ``y``, or of the block after a blank line."""
        item = max(0, bisect_right(self._starts, y) - 1)
        return max(0, min(item - 1, len(self.article.blocks) - 1))

    def block_line(self, block: int) -> int:
        """The first line of ``block`` (laying the article out that far if needed)."""
        item = max(0, min(block + 1, len(self.article.blocks)))
        self._extend_to(item + max(1, self.size.height))  # and a screen after it
        return self._starts[item]

    def scroll_to_block(self, block: int) -> None:
        if self._width == 0:  # not laid out yet: the first resize will scroll there
            self._pending_top = block
            return
        y = 0 if block <= 0 else self.block_line(block)
        self.scroll_to(y=y, animate=False, force=True, immediate=True)

    def scroll_to_end(self) -> None:
        self._extend_to(len(self.article.blocks) + 1)
        self.scroll_to(y=self.max_scroll_y, animate=False, force=True, immediate=True)

    def position(self) -> tuple[int, int]:
        """Percent read (words above the bottom of the view) and minutes left."""
        total = self._words[-1]
        height = max(1, self.scrollable_content_region.height)
        bottom = round(self.scroll_y) + height
        if total == 0 or (self.complete and bottom >= self.line_count):
            return 100, 0
        read = self._words[min(self.block_at(bottom - 1) + 1, len(self._words) - 1)]
        return round(100 * read / total), round((total - read) / WORDS_PER_MINUTE)

    # -- Textual hooks -----------------------------------------------------------------------

    def on_resize(self) -> None:
        top, self._pending_top = self._pending_top or self.top_block, None
        at_top = self.scroll_y == 0 and top == 0
        self._relayout()
        if not at_top:
            self.scroll_to_block(top)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._report()

    def render_line(self, y: int) -> Strip:
        line = round(self.scroll_y) + y
        if (strip := self._painted.get(line)) is None:
            strip = self._paint(line)
            self._painted[line] = strip
        return strip

    # -- internals ---------------------------------------------------------------------------

    def _paint(self, line: int) -> Strip:
        width, base = self.scrollable_content_region.width, self.rich_style
        item = bisect_right(self._starts, line) - 1
        if item - 1 in self._stale:
            self._stale.discard(item - 1)
            self._lines[item] = self._wrap(self._styled(item - 1))
        if 0 <= item < len(self._lines):
            strips, offset = self._lines[item], line - self._starts[item]
            if offset < len(strips):
                return strips[offset].apply_style(base).crop_extend(0, width, base)
        return Strip.blank(width, base)

    def _relayout(self, *, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:  # no size yet: wait for the first resize
            self._width, self._lines, self._starts = 0, [], [0]
            self._painted.clear()
            return
        if width == self._width and not force:
            return
        self._width = width
        self._options = self.app.console.options.update_width(width)
        self._generation += 1
        first = self._note if self._note is not None else header_text(self.article, self.palette)
        self._lines, self._starts, self._stale = [self._wrap(first)], [0], set()
        self._starts.append(len(self._lines[0]) + 1)
        screens = 2 * max(1, self.size.height)  # what is in view and a page more, no further
        self._extend_to(len(self.article.blocks) + 1, lines=round(self.scroll_y) + screens)
        self._resized()
        self.call_later(self._continue, self._generation)

    def _extend_to(self, items: int, *, lines: int | None = None) -> None:
        """Lay out blocks until ``items`` items (header included) are done, or until ``lines``
        lines are."""
        target = min(items, len(self.article.blocks) + 1)
        if self._width == 0 or self._note is not None or len(self._lines) >= target:
            return
        for item in range(len(self._lines), target):
            if lines is not None and self._starts[-1] >= lines:
                break
            self._lines.append(self._wrap(self._styled(item - 1)))
            self._starts.append(self._starts[-1] + len(self._lines[-1]) + self._gap(item))
        self._resized()

    def _continue(self, generation: int) -> None:
        if generation == self._generation and not self.complete:
            self._extend_to(len(self._lines) + _CHUNK)
            self.call_later(self._continue, generation)

    def _resized(self) -> None:
        self._painted.clear()
        self.virtual_size = Size(self._width, self._starts[-1])
        self.refresh()
        self._report()

    def _gap(self, item: int) -> int:
        blocks = self.article.blocks
        if item == 0 or item >= len(blocks):
            return 1
        tight = blocks[item - 1].kind in _TIGHT and blocks[item].kind == blocks[item - 1].kind
        return 0 if tight else 1

    def _restyle(self, blocks: set[int]) -> None:
        """Mark blocks to be wrapped again when next painted (styles never change the wrap)."""
        self._stale |= {block for block in blocks if 0 <= block < len(self._lines) - 1}
        self._painted.clear()
        self.refresh()

    def _styled(self, index: int) -> Text:
        return block_text(
            self.article.blocks[index],
            self.palette,
            matches=self._matches.get(index, ()),
            current=self._current,
            flash=index == self._flash,
        )

    def _wrap(self, text: Text) -> list[Strip]:
        lines = self.app.console.render_lines(text, self._options, pad=False)
        return [Strip(Segment.simplify(line)) for line in lines]

    def _report(self) -> None:
        if self.is_mounted:
            percent, minutes = self.position()
            self.post_message(ArticleScrolled(percent, minutes, self.top_block))
