"""An HTML element (readability's chosen content) -> typed ``Block`` values.

Headings keep their level, list items their depth and number, quotes, code and preformatted
text their kind, and a code block or a table inside a list item stays a block of its own.
Tables, figure captions and pictures are ``lire.extract.media``'s (a layout table is walked as
a container); ruby annotations (``<rt>``, ``<rp>``) are left out of the running text. Links
keep their text and their target resolved against the page URL; elements side by side read as
two words (``lire.extract.inline``). Whitespace is normalised except inside ``<pre>``; a ``<br>``
becomes a line break. Every string goes through ``lire.sanitize`` (lxml has decoded entities).
Recursion follows the DOM, whose depth ``lire.extract.tree`` bounds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from lire.extract.inline import apart_from_previous
from lire.extract.media import Pictures, is_caption, is_standalone, table_blocks
from lire.extract.tree import int_attribute
from lire.model import Block, BlockKind, Link
from lire.sanitize import sanitize, sanitize_line
from lire.text.elements import element_text, preformatted_text
from lire.urls import web_address

__all__ = ["element_blocks", "spanned_blocks"]

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = frozenset({"ul", "ol", "menu"})
_CONTAINERS = frozenset(
    {
        "address", "article", "aside", "body", "center", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figure", "footer", "form", "header", "hgroup", "html",
        "main", "nav", "p", "section", "summary", "tbody", "td", "th", "thead", "tfoot", "tr",
    }
)  # fmt: skip
# Elements whose text stands apart from its neighbours' when read inline (a card, a cell).
_BLOCK_TAGS = (
    _CONTAINERS | _HEADINGS.keys() | _LISTS | {"li", "pre", "table", "blockquote", "figcaption"}
)
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "img", "svg", "rt", "rp"}
)
_STRUCTURES = ("pre", "table")  # blocks that stay blocks inside a list item
_LAYOUT_BLOCKS = frozenset({"p", "div", "table", "ul"})  # in a cell, they make a layout table
_BREAK = "\u2028"  # LINE SEPARATOR marks a <br> until the text is normalised


@dataclass(slots=True)
class _Builder:
    """Collects inline text until a block boundary, then emits one block."""

    base: str | None
    blocks: list[Block] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    marks: frozenset[HtmlElement] = frozenset()
    spans: dict[HtmlElement, tuple[int, int]] = field(default_factory=dict)
    items: frozenset[HtmlElement] = frozenset()  # a listing's cards: one list item each
    pictures: Pictures = field(default_factory=Pictures)  # the captions given so far

    def flush(self, kind: BlockKind, *, level: int = 0, ordinal: int | None = None) -> None:
        pieces = self.pieces
        if not pieces:  # most boundaries close no text
            if self.links:
                self.links.clear()
            return
        text = _normalise(pieces[0] if len(pieces) == 1 else "".join(pieces))
        if kind is BlockKind.CAPTION:
            self.blocks.extend(self.pictures.caption(text))
        elif text:
            self.blocks.append(Block(kind, text, level, tuple(self.links), ordinal))
        pieces.clear()
        self.links.clear()

    def link(self, element: HtmlElement) -> None:
        text = sanitize_line(element_text(element))
        url = web_address(element.get("href"), base=self.base)  # http(s) only, or None
        if text and url:
            self.links.append(Link(text, url))


def element_blocks(element: HtmlElement, *, base_url: str | None = None) -> tuple[Block, ...]:
    """The blocks of ``element``, in document order."""
    return spanned_blocks(element, (), base_url=base_url)[0]


def spanned_blocks(
    element: HtmlElement,
    marks: Iterable[HtmlElement],
    *,
    base_url: str | None = None,
    items: Iterable[HtmlElement] = (),
) -> tuple[tuple[Block, ...], dict[HtmlElement, tuple[int, int]]]:
    """The blocks of ``element``, and for each container of ``marks`` inside it the span
    ``(start, end)`` of its own blocks: one walk gives the page and its containers. Each
    element of ``items`` (a listing's cards) becomes one list item."""
    builder = _Builder(base_url, marks=frozenset(marks), items=frozenset(items))
    _walk(element, builder, _Context())
    builder.flush(BlockKind.PARAGRAPH)
    return tuple(builder.blocks), builder.spans


@dataclass(frozen=True, slots=True)
class _Context:
    kind: BlockKind = BlockKind.PARAGRAPH
    list_depth: int = 0


def _walk(element: HtmlElement, builder: _Builder, context: _Context) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if element in builder.items:
        builder.flush(context.kind)
        _inline_children(element, builder)
        builder.flush(BlockKind.LIST_ITEM, level=context.list_depth + 1)
    elif tag in _HEADINGS and context.kind is BlockKind.PARAGRAPH:
        builder.flush(context.kind)
        _inline_children(element, builder)
        builder.flush(BlockKind.HEADING, level=_HEADINGS[tag])
    elif tag == "pre":
        builder.flush(context.kind)
        _preformatted(element, builder)
    elif tag in _LISTS:
        builder.flush(context.kind)
        _list(element, builder, context)
    elif tag == "table" and not _lays_out(element):
        builder.flush(context.kind)
        builder.blocks.extend(table_blocks(element, skipped=_SKIPPED, containers=_CONTAINERS))
    elif tag == "blockquote":
        builder.flush(context.kind)
        _children(element, builder, _Context(BlockKind.QUOTE, context.list_depth))
        builder.flush(BlockKind.QUOTE)
    elif tag in _CONTAINERS and is_caption(element):
        builder.flush(context.kind)
        _children(element, builder, context)
        builder.flush(BlockKind.CAPTION)
    elif tag in _CONTAINERS or tag == "table" or tag in _HEADINGS:
        builder.flush(context.kind)
        start = len(builder.blocks)
        if len(element):
            _children(element, builder, context)
        elif element.text:  # a paragraph of text alone, the commonest element of a page
            builder.pieces.append(element.text)
        builder.flush(context.kind)
        if element in builder.marks:
            builder.spans[element] = (start, len(builder.blocks))
    elif tag == "figcaption":
        builder.flush(context.kind)
        _children(element, builder, context)
        builder.flush(BlockKind.CAPTION)
    elif tag == "img" and is_standalone(element):
        builder.flush(context.kind)
        builder.blocks.extend(builder.pictures.image(element))
    elif tag == "br":
        builder.pieces.append(_BREAK)
    elif tag not in _SKIPPED:
        apart_from_previous(element, builder.pieces)
        if tag == "a":
            builder.link(element)
        _children(element, builder, context)


def _lays_out(table: HtmlElement) -> bool:
    """True for a layout table: one of its cells holds a paragraph, a div, a table or a list.
    (Each cell is walked once: libxml2's ``.//td//*`` merged node sets in quadratic time.)"""
    for cell in table.iter("td"):
        for inner in cell.iterdescendants():
            if inner.tag in _LAYOUT_BLOCKS:
                return True
    return False


def _children(element: HtmlElement, builder: _Builder, context: _Context) -> None:
    if element.text:
        builder.pieces.append(element.text)
    for child in element:
        _walk(child, builder, context)
        if child.tail:
            builder.pieces.append(child.tail)


def _inline_children(element: HtmlElement, builder: _Builder) -> None:
    """Everything inside ``element`` as inline text (block children become spaces)."""
    if element.text:
        builder.pieces.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SKIPPED:
            _inline_child(child, builder)
        if child.tail:
            builder.pieces.append(child.tail)


def _inline_child(child: HtmlElement, builder: _Builder) -> None:
    """One element inside running text: a line break, a link, or its text."""
    if child.tag == "br":
        builder.pieces.append(_BREAK)
        return
    apart_from_previous(child, builder.pieces)
    if child.tag == "a":
        builder.link(child)
    _inline_children(child, builder)
    builder.pieces.append(" " if child.tag in _BLOCK_TAGS else "")


def _list(element: HtmlElement, builder: _Builder, context: _Context) -> None:
    depth = context.list_depth + 1
    number = _start(element) if element.tag == "ol" else None
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag != "li":
            _walk(child, builder, _Context(context.kind, depth - 1))
            continue
        _item(child, builder, depth, number)
        if number is not None:
            number += 1
    builder.flush(context.kind)


def _item(item: HtmlElement, builder: _Builder, depth: int, ordinal: int | None) -> None:
    """One ``<li>``: its own text is one list item; a code block or a table in it stays a
    block of its own (a step of a tutorial and its command), the text after it a paragraph;
    nested lists follow, one level deeper."""
    nested: list[HtmlElement] = []
    kind = BlockKind.LIST_ITEM
    if item.text:
        builder.pieces.append(item.text)
    for child in item:
        tag = child.tag
        if isinstance(tag, str) and tag in _LISTS:
            nested.append(child)
        elif isinstance(tag, str) and tag not in _SKIPPED:
            if _holds_structure(child):
                builder.flush(kind, level=depth, ordinal=ordinal)
                kind, ordinal = BlockKind.PARAGRAPH, None
                _walk(child, builder, _Context(BlockKind.PARAGRAPH, depth))
            else:
                _inline_child(child, builder)
        if child.tail:
            builder.pieces.append(child.tail)
    builder.flush(kind, level=depth, ordinal=ordinal)
    for sublist in nested:
        _list(sublist, builder, _Context(BlockKind.PARAGRAPH, depth))


def _holds_structure(element: HtmlElement) -> bool:
    """True for a code block or a table, or a container holding one."""
    if element.tag in _STRUCTURES:
        return True
    return element.tag in _CONTAINERS and next(element.iter(*_STRUCTURES), None) is not None


def _start(element: HtmlElement) -> int:
    return int_attribute(element.get("start"), default=1)


def _preformatted(element: HtmlElement, builder: _Builder) -> None:
    text = sanitize(preformatted_text(element)).strip("\n")
    if not text.strip():
        return
    children = [child for child in element if isinstance(child.tag, str)]
    is_code = len(children) == 1 and children[0].tag == "code"
    kind = BlockKind.CODE if is_code else BlockKind.PREFORMATTED
    builder.blocks.append(Block(kind, text.rstrip()))


def _normalise(text: str) -> str:
    """Collapse whitespace runs to one space, keep ``<br>`` line breaks, trim every line."""
    if text.isprintable():  # no control character, no line break (nor _BREAK): nothing to do
        return " ".join(text.split())
    text = sanitize(text.replace("\r", " ").replace("\n", " ").replace("\x0b", " "))
    if _BREAK not in text:  # most blocks: one line (``str.split`` splits where ``\s`` matches)
        return " ".join(text.split())
    return _lines(text)


def _lines(text: str) -> str:
    """The lines of ``text`` split at its ``<br>`` marks, each trimmed, empty ones left out."""
    lines = (" ".join(line.split()) for line in text.split(_BREAK))
    return "\n".join(line for line in lines if line)
