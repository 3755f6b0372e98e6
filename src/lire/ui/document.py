"""The article as styled rich Text, one Text per block: no Textual, no markup parsing.

Every string from the page goes through ``lire.sanitize`` and into ``rich.text.Text`` objects
directly, so text such as ``[link=file:///etc/passwd]`` is shown as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from lire.model import Article, Block, BlockKind
from lire.sanitize import sanitize, sanitize_line

__all__ = ["Palette", "Span", "block_body", "block_text", "header_text", "meta_line"]

HEADER = -1  # the pseudo-block index of the title and metadata lines


_BOLD = Style(bold=True)
_DIM = Style(dim=True)
_REVERSE = Style(reverse=True)
_CURRENT = Style(reverse=True, bold=True, underline=True)


@dataclass(frozen=True, slots=True)
class Palette:
    """The styles the article is drawn with, taken from the app theme."""

    title: Style = _BOLD
    meta: Style = _DIM
    heading: Style = _BOLD
    quote: Style = _DIM
    code: Style = _DIM
    marker: Style = _BOLD
    match: Style = _REVERSE
    current: Style = _CURRENT
    flash: Style = _REVERSE


Span = tuple[int, int]  # a character span in a block's shown text (``block_body``)


def meta_line(article: Article) -> str:
    """Byline, site, date, reading time and language on one line."""
    parts = [article.byline, article.site, article.published]
    fields = [sanitize_line(part) for part in parts if part]
    minutes = article.reading_minutes
    fields.append(f"{minutes} min read" if minutes else "no text")
    if article.lang:
        fields.append(sanitize_line(article.lang))
    return " · ".join(field for field in fields if field)


def header_text(article: Article, palette: Palette) -> Text:
    """The title (or the URL when there is none) above the metadata line."""
    title = sanitize_line(article.title or article.url or "Untitled")
    text = Text(title, style=palette.title)
    text.append("\n")
    text.append(meta_line(article), style=palette.meta)
    return text


def block_prefix(block: Block) -> str:
    """The marker drawn before a block: bullets, numbers, quote bars, heading hashes."""
    match block.kind:
        case BlockKind.LIST_ITEM:
            indent = "  " * max(0, block.level - 1)
            return f"{indent}{block.ordinal}. " if block.ordinal is not None else f"{indent}• "
        case BlockKind.QUOTE:
            return "▌ "
        case BlockKind.HEADING:
            return "#" * max(1, min(block.level or 1, 6)) + " "
        case _:
            return ""


def block_text(
    block: Block,
    palette: Palette,
    *,
    hits: Iterable[Span] = (),
    current: Span | None = None,
    flash: bool = False,
) -> Text:
    """One block as Text: its marker, its sanitized body styled by kind, search hits marked
    (``current`` stronger)."""
    body = block_body(block)
    prefix = block_prefix(block)
    text = Text(prefix, style=palette.marker, end="")
    text.append(body, style=_style(block, palette))
    offset = len(prefix)
    for start, end in hits:
        style = palette.current if (start, end) == current else palette.match
        text.stylize(style, offset + start, offset + end)
    if flash:
        text.stylize(palette.flash)
    return text


def block_body(block: Block) -> str:
    """The block's text as shown: sanitised, on one line unless it is code."""
    if _keeps_lines(block):
        return sanitize(block.text).expandtabs(4).rstrip("\n")
    return sanitize_line(block.text)


def _keeps_lines(block: Block) -> bool:
    return block.kind in (BlockKind.CODE, BlockKind.PREFORMATTED)


def _style(block: Block, palette: Palette) -> Style:
    match block.kind:
        case BlockKind.HEADING:
            return palette.heading
        case BlockKind.QUOTE:
            return palette.quote
        case BlockKind.CODE | BlockKind.PREFORMATTED:
            return palette.code
        case BlockKind.TABLE_ROW:
            return palette.meta
        case _:
            return Style()
