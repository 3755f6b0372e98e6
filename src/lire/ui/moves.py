"""The keys that move in the article (lines, pages, half pages, ends, headings; less and vim's
ctrl keys too), as the base class of the article view: ``Moves`` is a scroll view over blocks
that knows where each block starts (``block_line``), which the article view lays out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.scroll_view import ScrollView

from lire.model import Article, BlockKind
from lire.ui.messages import Said

__all__ = ["MOVE_KEYS", "Moves"]

MOVE_KEYS: list[BindingType] = [
    Binding("j,down,ctrl+e", "scroll_lines(1)", "Line down", show=False),
    Binding("k,up,ctrl+y", "scroll_lines(-1)", "Line up", show=False),
    Binding("space,pagedown,ctrl+f", "scroll_pages(1)", "Page down", show=False),
    Binding("b,pageup,ctrl+b", "scroll_pages(-1)", "Page up", show=False),
    Binding("d,ctrl+d", "scroll_half(1)", "Half page down", show=False),
    Binding("u,ctrl+u", "scroll_half(-1)", "Half page up", show=False),
    Binding("g,home", "top", "Top", show=False),
    Binding("G,end", "bottom", "Bottom", show=False),
    Binding("right_square_bracket", "heading(1)", "Next heading", show=False, key_display="]"),
    Binding("left_square_bracket", "heading(-1)", "Previous heading", show=False, key_display="["),
]


class Moves(ScrollView, inherit_bindings=False):
    """A scroll view of an article's blocks and the keys that move in it."""

    if TYPE_CHECKING:  # what the article view, which lays the article out, gives these keys
        article: Article

        def block_line(self, block: int) -> int: ...

        def scroll_to_end(self) -> None: ...

    # Every move scrolls at once, and whether or not Textual has yet drawn the scrollbar the
    # new article needs: a key pressed as the article arrived was otherwise lost.

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_relative(y=lines, animate=False, force=True, immediate=True)

    def action_scroll_pages(self, pages: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_relative(y=pages * page, animate=False, force=True, immediate=True)

    def action_scroll_half(self, halves: int) -> None:
        half = max(1, self.scrollable_content_region.height // 2)
        self.scroll_relative(y=halves * half, animate=False, force=True, immediate=True)

    def action_top(self) -> None:
        self.scroll_home(animate=False, force=True, immediate=True)

    def action_bottom(self) -> None:
        self.scroll_to_end()

    def action_heading(self, step: int) -> None:
        """Scroll to the next (1) or previous (-1) heading."""
        top, blocks = round(self.scroll_y), self.article.blocks
        lines = [self.block_line(i) for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING]
        ahead = [y for y in lines if y > top] if step > 0 else [y for y in lines if y < top]
        if not ahead:
            self.post_message(Said("No heading " + ("below" if step > 0 else "above")))
            return
        y = ahead[0] if step > 0 else ahead[-1]
        self.scroll_to(y=y, animate=False, force=True, immediate=True)
