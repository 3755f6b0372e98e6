"""The article body as CommonMark: the one place that writes Markdown from blocks.

It sits below ``lire.model`` (which offers ``Article.markdown``) and so knows blocks only by
their shape (``MarkdownBlock``). Page text is escaped so that it cannot become Markdown
structure; a link becomes ``[text](<url>)`` only when its target is http(s) (``lire.urls``).
A table becomes a GitHub-flavoured Markdown table (its first row the header), a caption a line
in italics, an image an ``[image: alt]`` placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from lire.sanitize import sanitize, sanitize_line
from lire.urls import web_address

__all__ = [
    "MarkdownBlock",
    "blocks_markdown",
    "escape_inline",
    "escape_line_start",
    "image_placeholder",
    "join_blocks",
    "list_indent",
    "list_marker",
]

# What may open a Markdown structure at the start of a line: headings, quotes, list markers,
# setext underlines and thematic breaks (= - _ *), fences (~ and `), ordered list numbers.
_MD_LINE_START = re.compile(r"^(\s{0,3})([#>+=~_*`-]|\d{1,9}(?=[.)](?:\s|$)))")
_MD_INLINE = re.compile(r"([\\`*_\[\]<])")
_BACKTICKS = re.compile(r"`+")
_TIGHT = frozenset({"list_item", "table_row"})  # consecutive blocks of these kinds: no blank line


class MarkdownLink(Protocol):
    """A link as ``lire.model.Link`` has it."""

    @property
    def text(self) -> str: ...

    @property
    def url(self) -> str: ...


class MarkdownBlock(Protocol):
    """A block as ``lire.model.Block`` has it (``kind`` is a ``BlockKind``, a string)."""

    @property
    def kind(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def level(self) -> int: ...

    @property
    def links(self) -> Sequence[MarkdownLink]: ...

    @property
    def ordinal(self) -> int | None: ...

    @property
    def rows(self) -> Sequence[Sequence[str]]: ...


_B = TypeVar("_B", bound=MarkdownBlock)


def blocks_markdown(blocks: Sequence[MarkdownBlock]) -> str:
    """Blocks as CommonMark; page text is escaped so it cannot become Markdown structure."""
    return join_blocks(blocks, _block_markdown)


def join_blocks(blocks: Sequence[_B], render_one: Callable[[_B], str]) -> str:
    """Each block rendered, separated by a blank line (a line break inside lists and tables)."""
    out: list[str] = []
    previous: MarkdownBlock | None = None
    for block in blocks:
        tight = previous is not None and previous.kind == block.kind and block.kind in _TIGHT
        if out:
            out.append("\n" if tight else "\n\n")
        out.append(render_one(block))
        previous = block
    return "".join(out)


def _block_markdown(block: MarkdownBlock) -> str:
    text = sanitize(block.text)
    match block.kind:
        case "heading":
            level = min(max(block.level, 1), 6)
            return "#" * level + " " + escape_inline(" ".join(text.split()))
        case "list_item":
            return list_indent(block) + list_marker(block) + _inline(text, block)
        case "quote":
            lines = _inline(text, block).splitlines() or [""]
            return "\n".join("> " + line for line in lines)
        case "code" | "preformatted":
            fence = "`" * max(3, _longest_backticks(text) + 1)
            return f"{fence}\n{text}\n{fence}"
        case "table_row":
            return escape_line_start(escape_inline(text))
        case "table" if block.rows:
            return _table(block.rows)
        case "caption":
            return "*" + escape_inline(" ".join(text.split())) + "*" if text.strip() else ""
        case "image":
            return escape_inline(image_placeholder(text))
        case _:
            return _inline(text, block)


def image_placeholder(alt: str) -> str:
    """How an image shows in text: ``[image: its alt text]``."""
    return f"[image: {' '.join(alt.split())}]"


def _table(rows: Sequence[Sequence[str]]) -> str:
    """A GFM table: the first row is the header; page text cannot break out of a cell."""
    width = max(len(row) for row in rows)
    lines = []
    for number, row in enumerate(rows):
        cells = [_cell(cell) for cell in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if number == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


def _cell(text: str) -> str:
    return escape_inline(" ".join(sanitize_line(text).split())).replace("|", "\\|")


def _inline(text: str, block: MarkdownBlock) -> str:
    """Escape ``text`` and turn the block's links into Markdown links, in order."""
    if not block.links and "\n" not in text:  # most blocks: one line of text alone
        return escape_line_start(escape_inline(text))
    out: list[str] = []
    position = 0
    for link in block.links:
        label = sanitize_line(link.text)
        target = web_address(link.url)
        if not label or target is None:
            continue
        found = text.find(label, position)
        if found < 0:
            continue
        out.append(escape_inline(text[position:found]))
        out.append(f"[{escape_inline(label)}](<{target}>)")
        position = found + len(label)
    out.append(escape_inline(text[position:]))
    return "\n".join(escape_line_start(line) for line in "".join(out).split("\n"))


def escape_inline(text: str) -> str:
    """``text`` with the characters that open inline Markdown escaped."""
    return _MD_INLINE.sub(r"\\\1", text)


def escape_line_start(line: str) -> str:
    """``line`` with a marker that would open a Markdown block at its start escaped."""
    match = _MD_LINE_START.match(line)
    if match is None:
        return line
    indent, marker = match.groups()
    if marker[0].isdigit():  # "1." -> "1\.": escape the delimiter, not the number
        end = match.end()
        return f"{indent}{marker}\\{line[end:]}"
    return f"{indent}\\{line[len(indent) :]}"


def _longest_backticks(text: str) -> int:
    return max((len(run) for run in _BACKTICKS.findall(text)), default=0)


def list_indent(block: MarkdownBlock) -> str:
    """Two spaces per nesting level below the first."""
    return "  " * max(block.level - 1, 0)


def list_marker(block: MarkdownBlock) -> str:
    """``"3. "`` for an ordered item, ``"- "`` otherwise."""
    return f"{block.ordinal}. " if block.ordinal is not None else "- "
