"""ArticleView: the article drawn through Textual's line API in a reading column, laid out in
pieces; the keys that move in it are its base's (``lire.ui.moves``).

Each block is wrapped once per width into strips and only the lines in view are painted, so a
100,000-word article never mounts thousands of widgets. Only the lines in view and a page more
are wrapped before the first frame; the rest is wrapped after it, a few milliseconds between
two frames (or at once when a jump needs it: the blocks it passes are then only counted, and
wrapped when they are drawn). Search hits and the brief highlight of a summary
point restyle only the blocks they touch.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import ClassVar

from rich.console import ConsoleOptions
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Size
from textual.strip import Strip

from lire.model import Article, Reading
from lire.ui.document import Drawn, Palette, Span
from lire.ui.header import header_text
from lire.ui.layout import Layout, Wrapped, measure, words_before, wrap
from lire.ui.marks import Marks
from lire.ui.messages import ArticleLaidOut, ArticleScrolled
from lire.ui.moves import MOVE_KEYS, Moves

__all__ = ["ArticleView"]

_CHUNK = 16  # blocks wrapped at a time by the background layout
_CHUNK_SECONDS = 0.008  # and for how long, between two frames
_PAINTED_SCREENS = 4  # screens of painted lines kept


class ArticleView(Moves, can_focus=True, inherit_bindings=False):
    """The article: a header (title, metadata) then every block, one blank line between."""

    BINDINGS: ClassVar[list[BindingType]] = MOVE_KEYS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = Article(blocks=())
        self.reading: Reading | None = None  # for the header: confidence, other readings
        self.palette = Palette()
        self.marks = Marks()
        self.column = 80  # the reading column's width (0: the whole view)
        self._note: Text | None = None
        self._layout: Layout | None = None  # None until the view has a width
        self._painted: dict[int, Strip] = {}  # final strips by line, for the current width
        self._width = 0
        self._pending_top: int | None = None
        self._options: ConsoleOptions | None = None
        self._generation = 0
        self._words = [0]  # words before each block of the article, then in all

    # -- content -----------------------------------------------------------------------------

    def show(
        self,
        article: Article,
        palette: Palette,
        *,
        top_block: int = 0,
        reading: Reading | None = None,
    ) -> None:
        """Replace the article and scroll so that ``top_block`` is at the top; ``reading`` is
        what it was read as (the header tells its confidence)."""
        self.article, self.reading, self.palette, self._note = article, reading, palette, None
        self.marks.reset(article.blocks)
        self._words = words_before(article.blocks)  # once per article, not per layout
        self._relayout(force=True)
        self.scroll_to_block(top_block)

    def show_note(self, note: str) -> None:
        """Show a line of text (already safe) in place of an article."""
        self.show(Article(blocks=()), self.palette)
        self._note = Text(note, style="italic")
        self._relayout(force=True)

    def set_palette(self, palette: Palette) -> None:
        """Redraw with the styles of a new theme, keeping the position (a style never
        changes where a line breaks: nothing is laid out again)."""
        self.palette = palette
        if self._layout is not None and self._note is None:
            self._layout.restyle_all(
                Drawn(header_text(self.reading, self.article, palette, words=self._words[-1]))
            )
        self._painted.clear()
        self.refresh()

    def set_column(self, column: int) -> None:
        """Wrap the text at ``column`` characters (0: the whole width), keeping the position."""
        self.column = column
        self._redraw()

    def number_links(self, numbers: bool) -> None:
        """Show each link's number after it (as the ``l`` list numbers them), or not: only the
        blocks with links are wrapped again."""
        self.marks.numbers = numbers
        if self._layout is not None:
            top = self.top_block
            self._layout.rewrap({i for i, block in enumerate(self.article.blocks) if block.links})
            self._resized()
            self.scroll_to_block(top)

    def set_matches(
        self, matches: Iterable[tuple[int, Span]], current: tuple[int, Span] | None
    ) -> None:
        """Mark search hits, each a block and a span in it (``current`` stronger), restyling
        only the blocks involved."""
        self._restyle(self.marks.set_hits(matches, current))

    def jump_to(self, block: int) -> None:
        """Scroll to ``block`` and highlight it for a moment."""
        self.scroll_to_block(block)
        self.flash(block)
        self.set_timer(1.5, lambda: self.flash(None))

    def flash(self, block: int | None) -> None:
        """Highlight one block (``None`` clears the highlight)."""
        self._restyle(self.marks.flash(block))

    # -- geometry ----------------------------------------------------------------------------

    @property
    def complete(self) -> bool:
        """Whether every block is laid out."""
        return self._layout is None or self._layout.complete

    @property
    def top_block(self) -> int:
        """Index of the block shown on the first line in view (0 while the header shows)."""
        return self.block_at(round(self.scroll_y))

    def block_at(self, y: int) -> int:
        """Index of the block drawn at line ``y``, or of the block after a blank line."""
        return self._layout.block_at(y) if self._layout is not None else 0

    def block_line(self, block: int) -> int:
        """The first line of ``block`` (laying the article out that far if needed)."""
        self._extend_to(block + 1 + max(1, self.size.height))  # and a screen after it
        return self._layout.start_of(block) if self._layout is not None else 0

    def scroll_to_block(self, block: int) -> None:
        if self._layout is None:  # not laid out yet: the first resize will scroll there
            self._pending_top = block
            return
        y = 0 if block <= 0 else self.block_line(block)
        self.scroll_to(y=y, animate=False, force=True, immediate=True)

    def scroll_to_end(self) -> None:
        self._extend_to(len(self.article.blocks) + 1)
        self.scroll_to(y=self.max_scroll_y, animate=False, force=True, immediate=True)

    def position(self) -> tuple[int, int]:
        """Percent read (words above the bottom of the view) and minutes left."""
        if self._layout is None:
            return (100, 0) if not self.article.blocks else (0, self.article.reading_minutes)
        bottom = round(self.scroll_y) + max(1, self.scrollable_content_region.height)
        return self._layout.position(bottom)

    # -- Textual hooks -----------------------------------------------------------------------

    def on_resize(self) -> None:
        top, self._pending_top = self._pending_top or self.top_block, None
        if self._layout is not None and self.scrollable_content_region.width == self._width:
            self._report()  # only the height changed: every line stays where it is
            return
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
            if len(self._painted) > _PAINTED_SCREENS * max(1, self.size.height):
                self._painted.clear()  # kept for the lines near the view only: memory, GC
            strip = self._paint(line)
            self._painted[line] = strip
        return strip

    # -- internals ---------------------------------------------------------------------------

    def _paint(self, line: int) -> Strip:
        width, base = self.scrollable_content_region.width, self.rich_style
        strip = self._layout.strip(line) if self._layout is not None else None
        if strip is None:
            return Strip.blank(width, base)
        return strip.apply_style(base).crop_extend(0, width, base)

    def _relayout(self, *, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:  # no size yet: wait for the first resize
            self._width, self._layout = 0, None
            self._painted.clear()
            return
        if width == self._width and not force:
            return
        self._width = width
        self._options = self.app.console.options.update_width(width)
        self._generation += 1
        note = self._note
        first = (
            note
            if note is not None
            else header_text(self.reading, self.article, self.palette, words=self._words[-1])
        )
        self._layout = Layout(
            self.article.blocks,
            Drawn(first),
            style=self._styled,
            wrap=self._wrap,
            count=self._count,
            words=self._words,
        )
        self._layout.blocks_shown = self._note is None
        screens = 2 * max(1, self.size.height)  # what is in view and a page more, no further
        self._layout.extend_to(len(self.article.blocks) + 1, lines=round(self.scroll_y) + screens)
        self._resized()
        self.call_after_refresh(self._continue, self._generation)  # after the first frame

    def _extend_to(self, items: int) -> None:
        """Lay out blocks until ``items`` items (header included) are done, for a jump: the
        blocks passed are counted, and wrapped when they are drawn."""
        if self._layout is not None and self._layout.extend_to(items, counted=True):
            self._resized()

    def _continue(self, generation: int) -> None:
        """Lay out more of the article for a few milliseconds, then again after the next
        frame: a key is never kept waiting long behind the layout."""
        layout = self._layout
        if generation != self._generation or layout is None:
            return
        if not layout.complete:
            deadline = time.perf_counter() + _CHUNK_SECONDS
            while not layout.complete and time.perf_counter() < deadline:
                layout.extend_to(len(layout.items) + _CHUNK)
            self._resized()
        if not layout.complete:
            self.call_after_refresh(self._continue, generation)
        elif layout.blocks_shown:  # to the app: on its way up it would stop at the screen
            self.app.post_message(ArticleLaidOut())  # (run after a refresh, the screen sent it)

    def _resized(self) -> None:
        self._painted.clear()
        lines = self._layout.line_count if self._layout is not None else 0
        self.virtual_size = Size(self._width, lines)
        self.refresh()
        self._report()

    def _restyle(self, blocks: set[int]) -> None:
        """Draw these blocks again with their new styles."""
        if self._layout is not None:
            self._layout.restyle(blocks)
        self._painted.clear()
        self.refresh()

    def _redraw(self) -> None:
        top = self.top_block
        self._relayout(force=True)
        self.scroll_to_block(top)

    def _styled(self, index: int) -> Drawn:
        return self.marks.drawn(index, self.article.blocks[index], self.palette)

    def _wrap(self, drawn: Drawn) -> Wrapped:
        assert self._options is not None
        return wrap(drawn, self.app.console, self._options, self._width, self.column)

    def _count(self, index: int) -> int | None:
        block = self.article.blocks[index]
        return measure(block, self._width, self.column, numbered=self.marks.numbers)

    def _report(self) -> None:
        if self.is_mounted:
            percent, minutes = self.position()
            self.post_message(ArticleScrolled(percent, minutes, self.top_block))
