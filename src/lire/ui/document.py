"""The article's blocks as styled rich renderables: no Textual, no markup parsing.

Every string from the page goes through ``lire.sanitize`` and into ``rich.text.Text`` objects
directly, so text such as ``[link=file:///etc/passwd]`` is shown as written.

Each block becomes a ``Drawn``: its body (Text, or a Table for a table block) and the margin
drawn before its first line and before every other line, so list items hang and a quote's bar
runs down every line. Body text keeps the theme's normal foreground and weight; headings,
quotes, code, captions and images are told apart by weight, slant, a bar or a background.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from lire.model import Block, BlockKind
from lire.sanitize import sanitize, sanitize_line

__all__ = ["Drawn", "Palette", "Span", "block_body", "draw_block", "running_text"]

_REVERSE = Style(reverse=True)


@dataclass(frozen=True, slots=True)
class Palette:
    """The styles the article is drawn with, taken from the app theme (``lire.ui.theme``)."""

    title: Style = field(default_factory=lambda: Style(bold=True))
    meta: Style = field(default_factory=lambda: Style(italic=True))
    notice: Style = field(default_factory=lambda: Style(bold=True))
    headings: tuple[Style, ...] = (
        Style(bold=True, underline=True),
        Style(bold=True),
        Style(bold=True, italic=True),
    )
    quote: Style = field(default_factory=lambda: Style(italic=True))
    bar: Style = field(default_factory=lambda: Style(bold=True))
    code: Style = field(default_factory=Style)
    marker: Style = field(default_factory=lambda: Style(bold=True))
    link: Style = field(default_factory=lambda: Style(underline=True))
    number: Style = field(default_factory=lambda: Style(bold=True))
    match: Style = _REVERSE
    current: Style = field(default_factory=lambda: Style(reverse=True, bold=True, underline=True))
    flash: Style = _REVERSE


Span = tuple[int, int]  # a character span in a block's shown text (``block_body``)


@dataclass(frozen=True, slots=True)
class Drawn:
    """A block ready to wrap: its body, and what goes before its first and its other lines."""

    body: RenderableType
    first: Text = field(default_factory=Text)
    rest: Text = field(default_factory=Text)


def draw_block(
    block: Block,
    palette: Palette,
    *,
    hits: Iterable[Span] = (),
    current: Span | None = None,
    flash: bool = False,
    first_link: int | None = None,
) -> Drawn:
    """One block: its marker, its sanitised body styled by kind, its links underlined (and
    numbered from ``first_link`` when that is given), search hits marked (``current``
    stronger), the whole block highlighted when ``flash``."""
    if block.kind is BlockKind.TABLE and block.rows:
        return Drawn(_table(block, palette))
    body = Text(block_body(block), style=_style(block, palette), end="")
    _mark_links(body, block, palette)
    for start, end in hits:
        body.stylize(palette.current if (start, end) == current else palette.match, start, end)
    if first_link is not None:
        body = _numbered(body, block, first_link, palette)
    if block.kind is BlockKind.IMAGE:
        body = Text.assemble(("[image: ", palette.meta), body, ("]", palette.meta))
    if flash:
        body.stylize(palette.flash)
    return _framed(block, body, palette)


_RUNNING = frozenset(
    {BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.TABLE_ROW, BlockKind.CAPTION}
)


def running_text(block: Block, *, numbered: bool) -> str | None:
    """The text ``draw_block`` shows for ``block`` when that is all it draws: running text with
    nothing before its lines (a paragraph, a heading, a caption, a table row), its links not
    numbered (``numbered``: link numbers are on). None for any other block."""
    if block.kind not in _RUNNING or (numbered and block.links):
        return None
    return block_body(block)


def block_body(block: Block) -> str:
    """The block's text as shown: sanitised, on one line unless it is code."""
    if block.kind in (BlockKind.CODE, BlockKind.PREFORMATTED):
        return sanitize(block.text).expandtabs(4).rstrip("\n")
    return sanitize_line(block.text)


def link_spans(block: Block) -> list[Span | None]:
    """Where each of the block's links is in its shown text, in order (None: not found)."""
    if not block.links:
        return []
    body, spans, position = block_body(block), [], 0
    for link in block.links:
        label = sanitize_line(link.text)
        found = body.find(label, position) if label else -1
        spans.append(None if found < 0 else (found, found + len(label)))
        position = found + len(label) if found >= 0 else position
    return spans


def _mark_links(body: Text, block: Block, palette: Palette) -> None:
    for span in link_spans(block):
        if span is not None:
            body.stylize(palette.link, *span)


def _numbered(body: Text, block: Block, first: int, palette: Palette) -> Text:
    """The body with ``[n]`` after each link (or at the end when its text is not found)."""
    ends = [span[1] if span is not None else len(body) for span in link_spans(block)]
    out, position = Text(end=""), 0
    for number, end in enumerate(ends, start=first):
        out.append_text(body[position:end])
        out.append(f"[{number}]", style=palette.number)
        position = end
    out.append_text(body[position:])
    return out


def _framed(block: Block, body: Text, palette: Palette) -> Drawn:
    match block.kind:
        case BlockKind.LIST_ITEM:
            indent = "  " * max(0, block.level - 1)
            marker = f"{block.ordinal}. " if block.ordinal is not None else "• "
            first = Text.assemble(indent, (marker, palette.marker))
            return Drawn(body, first, Text(" " * len(first)))
        case BlockKind.QUOTE:
            return Drawn(body, Text("▌ ", palette.bar), Text("▌ ", palette.bar))
        case BlockKind.CODE | BlockKind.PREFORMATTED:
            body.no_wrap = block.kind is BlockKind.PREFORMATTED
            return Drawn(Padding(body, (0, 1), style=palette.code, expand=True))
        case _:
            return Drawn(body)


def _table(block: Block, palette: Palette) -> Table:
    """A table block as a table: aligned columns, its header row bold, cells wrapped to fit."""
    rows = [[sanitize_line(cell) for cell in row] for row in block.rows]
    width = max(len(row) for row in rows)
    header = rows[0] if block.header else None
    table = Table(
        box=box.SIMPLE_HEAD if header else box.SIMPLE,
        show_header=header is not None,
        header_style=palette.marker,
        show_edge=False,
        pad_edge=False,
        expand=False,
    )
    for column in range(width):
        title = header[column] if header and column < len(header) else ""
        table.add_column(Text(title), overflow="fold")
    for row in rows[1:] if header else rows:
        table.add_row(*(Text(cell) for cell in row + [""] * (width - len(row))))
    return table


def _style(block: Block, palette: Palette) -> Style:
    match block.kind:
        case BlockKind.HEADING:
            level = max(1, min(block.level or 2, 6))
            return palette.headings[min(level, len(palette.headings)) - 1]
        case BlockKind.QUOTE:
            return palette.quote
        case BlockKind.CODE | BlockKind.PREFORMATTED:
            return palette.code
        case BlockKind.CAPTION | BlockKind.IMAGE | BlockKind.TABLE_ROW:
            return palette.meta
        case _:
            return Style()
