"""ArticleView: the article drawn through Textual's line API.

Each block is wrapped once per width into strips; only the lines in view are painted, so a
100,000-word article scrolls without mounting thousands of widgets. Search hits and the brief
highlight of a summary point restyle only the blocks they touch.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from lire.model import Article, BlockKind
from lire.ui.document import Match, Palette, block_text, header_text
from lire.ui.messages import ArticleScrolled

__all__ = ["ArticleView"]

_TIGHT = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article: a header (title, metadata) then every block, one blank line between."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = Article(blocks=())
        self.palette = Palette()
        self._matches: dict[int, list[Match]] = {}
        self._current: Match | None = None
        self._flash: int | None = None
        self._lines: list[list[Strip]] = []  # per item: item 0 is the header, item i+1 block i
        self._starts: list[int] = []
        self._width = 0
        self._note: Text | None = None

    # -- content -----------------------------------------------------------------------------

    def show(self, article: Article, palette: Palette, *, top_block: int = 0) -> None:
        """Replace the article and scroll so that ``top_block`` is at the top."""
        self.article = article
        self.palette = palette
        self._note = None
        self._matches, self._current, self._flash = {}, None, None
        self._width = 0
        self._relayout()
        self.scroll_to_block(top_block, animate=False)

    def show_note(self, note: str) -> None:
        """Show a line of text (already safe) in place of an article."""
        self.article = Article(blocks=())
        self._note = Text(note, style="italic")
        self._width = 0
        self._relayout()

    def set_palette(self, palette: Palette) -> None:
        """Redraw with the styles of a new theme, keeping the position."""
        self.palette = palette
        top = self.top_block
        self._width = 0
        self._relayout()
        self.scroll_to_block(top, animate=False)

    def set_matches(self, matches: Iterable[Match], current: Match | None) -> None:
        """Mark search hits (``current`` stronger), restyling only the blocks involved."""
        touched = set(self._matches) | ({self._current.block} if self._current else set())
        self._matches = {}
        for hit in matches:
            self._matches.setdefault(hit.block, []).append(hit)
        self._current = current
        touched |= set(self._matches)
        self._restyle(touched)

    def flash(self, block: int | None) -> None:
        """Highlight one block (``None`` clears the highlight)."""
        touched = {b for b in (self._flash, block) if b is not None}
        self._flash = block
        self._restyle(touched)

    # -- geometry ----------------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return self._starts[-1] if self._starts else 0

    @property
    def top_block(self) -> int:
        """Index of the block shown on the first line in view (0 while the header shows)."""
        return self.block_at(round(self.scroll_y))

    def block_at(self, y: int) -> int:
        """Index of the block drawn at line ``y``, or of the block after a blank line."""
        item = max(0, bisect_right(self._starts, y) - 1)
        return max(0, min(item - 1, len(self.article.blocks) - 1))

    def block_line(self, block: int) -> int:
        """The first line of ``block``."""
        item = block + 1
        return self._starts[item] if 0 <= item < len(self._starts) else 0

    def scroll_to_block(self, block: int, *, animate: bool = False) -> None:
        y = 0 if block <= 0 else self.block_line(block)
        self.scroll_to(y=y, animate=animate, force=True, immediate=not animate)

    def position(self) -> tuple[int, int]:
        """Percent read (bottom of the view) and minutes left (blocks below the view)."""
        total = self.line_count
        height = max(1, self.scrollable_content_region.height)
        if total <= height:
            return 100, 0
        bottom = min(total, round(self.scroll_y) + height)
        percent = round(100 * bottom / total)
        first_unread = self.block_at(bottom)
        blocks = self.article.blocks[first_unread + (bottom >= total) :]
        words = sum(len(block.text.split()) for block in blocks)
        return percent, round(words / 230) if bottom < total else 0

    # -- Textual hooks -----------------------------------------------------------------------

    def on_resize(self) -> None:
        top = self.top_block
        at_top = self.scroll_y == 0
        self._relayout()
        if not at_top:
            self.scroll_to_block(top)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._report()

    def render_line(self, y: int) -> Strip:
        line = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        item = bisect_right(self._starts, line) - 1
        if 0 <= item < len(self._lines):
            strips = self._lines[item]
            offset = line - self._starts[item]
            if offset < len(strips):
                return strips[offset].apply_style(base).crop_extend(0, width, base)
        return Strip.blank(width, base)

    # -- internals ---------------------------------------------------------------------------

    def _relayout(self) -> None:
        width = max(10, self.scrollable_content_region.width)
        if width == self._width and self._lines:
            return
        self._width = width
        if self._note is not None:
            self._lines = [self._wrap(self._note)]
            self._restart()
            return
        self._lines = [self._wrap(header_text(self.article, self.palette))]
        self._lines.extend(self._wrap(self._styled(i)) for i in range(len(self.article.blocks)))
        self._restart()

    def _restart(self) -> None:
        starts, y = [], 0
        for item, strips in enumerate(self._lines):
            starts.append(y)
            y += len(strips) + self._gap(item)
        starts.append(y)
        self._starts = starts
        self.virtual_size = Size(self._width, y)
        self.refresh()
        self._report()

    def _gap(self, item: int) -> int:
        blocks = self.article.blocks
        if item == 0 or item >= len(blocks):
            return 1
        tight = blocks[item - 1].kind in _TIGHT and blocks[item].kind == blocks[item - 1].kind
        return 0 if tight else 1

    def _restyle(self, blocks: set[int]) -> None:
        if not self._lines:
            return
        for block in blocks:
            if 0 <= block < len(self.article.blocks):
                self._lines[block + 1] = self._wrap(self._styled(block))
        self._restart()

    def _styled(self, index: int) -> Text:
        return block_text(
            self.article.blocks[index],
            self.palette,
            matches=self._matches.get(index, ()),
            current=self._current,
            flash=index == self._flash,
        )

    def _wrap(self, text: Text) -> list[Strip]:
        console = self.app.console
        options = console.options.update_width(self._width)
        lines = console.render_lines(text, options, pad=False)
        return [Strip(Segment.simplify(line)) for line in lines]

    def _report(self) -> None:
        if self.is_mounted:
            percent, minutes = self.position()
            self.post_message(ArticleScrolled(percent, minutes, self.top_block))
