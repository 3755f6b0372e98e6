"""Non-interactive output: the clean article as text, Markdown or JSON, the summary, the removals.

Every string here came from a page: it is sanitised once more on the way out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from lire.model import Article, Block, BlockKind, Reading
from lire.sanitize import sanitize, sanitize_line

__all__ = [
    "Format",
    "blocks_markdown",
    "blocks_text",
    "render",
    "render_explain",
    "render_json",
    "render_markdown",
    "render_summary",
    "render_text",
]

Format = Literal["text", "markdown", "json"]

# What may open a Markdown structure at the start of a line: headings, quotes, list markers,
# setext underlines and thematic breaks (= - _ *), fences (~ and `), ordered list numbers.
_MD_LINE_START = re.compile(r"^(\s{0,3})([#>+=~_*`-]|\d{1,9}(?=[.)](?:\s|$)))")
_MD_INLINE = re.compile(r"([\\`*_\[\]<])")
_BACKTICKS = re.compile(r"`+")


def render(reading: Reading, fmt: Format) -> str:
    """The whole reading in ``fmt``, ending with a newline."""
    if fmt == "json":
        return render_json(reading)
    if fmt == "markdown":
        return render_markdown(reading)
    return render_text(reading)


def render_text(reading: Reading) -> str:
    """Title, a metadata line, the URL, then the body as plain text."""
    article = reading.article
    head: list[str] = []
    if article.title:
        title = sanitize_line(article.title)
        head += [title, "=" * min(len(title), 80)]
    if meta := _meta_line(article):
        head.append(meta)
    if article.url:
        head.append(sanitize_line(article.url))
    parts = ["\n".join(head)] if head else []
    parts.append(blocks_text(article.blocks))
    return "\n\n".join(part for part in parts if part) + "\n"


def render_markdown(reading: Reading) -> str:
    """Title as a level-1 heading, a metadata line in italics, the URL, then the Markdown body."""
    article = reading.article
    parts: list[str] = []
    if article.title:
        parts.append("# " + _escape_inline(sanitize_line(article.title)))
    if meta := _meta_line(article):
        parts.append("*" + _escape_inline(meta) + "*")
    if article.url:
        parts.append("<" + sanitize_line(article.url).replace(">", "%3E") + ">")
    parts.append(blocks_markdown(article.blocks))
    return "\n\n".join(part for part in parts if part) + "\n"


def render_json(reading: Reading) -> str:
    """The JSON document of DESIGN.md: metadata, text, markdown, blocks, removed, summary, stats."""
    article = reading.article
    document: dict[str, Any] = {
        "title": _opt(article.title),
        "byline": _opt(article.byline),
        "site": _opt(article.site),
        "published": _opt(article.published),
        "lang": _opt(article.lang),
        "url": _opt(article.url),
        "text": sanitize(article.text),
        "markdown": blocks_markdown(article.blocks),
        "blocks": [{"kind": str(b.kind), "text": sanitize(b.text)} for b in article.blocks],
        "removed": [{"rule": r.rule, "text": sanitize(r.text)} for r in article.removed],
        "summary": [{"text": sanitize(p.text), "block": p.block} for p in reading.summary.points],
        "stats": {"words": article.words, "reading_minutes": article.reading_minutes},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_summary(reading: Reading, fmt: Format) -> str:
    """Only the summary: bullet points (text, Markdown) or a small JSON document."""
    summary = reading.summary
    points = [sanitize_line(point.text) for point in summary.points]
    if fmt == "json":
        document = {
            "title": _opt(reading.article.title),
            "url": _opt(reading.article.url),
            "lang": _opt(summary.lang),
            "summary": [
                {"text": text, "block": point.block}
                for text, point in zip(points, summary.points, strict=True)
            ],
            "note": _opt(summary.note),
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if not points:
        return sanitize_line(summary.note or "No summary for this article.") + "\n"
    escape = _escape_inline if fmt == "markdown" else _identity
    return "".join(f"- {escape(text)}\n" for text in points)


def render_explain(reading: Reading) -> str:
    """What the cleaner removed, one entry per removal: the rule, then the text, indented."""
    removed = reading.article.removed
    if not removed:
        return "Nothing was removed.\n"
    lines = [f"{len(removed)} removed:"]
    for removal in removed:
        text = sanitize_line(removal.text)
        if len(text) > 160:
            text = text[:157] + "..."
        lines += [f"- {removal.rule}", f"    {text}"]
    return "\n".join(lines) + "\n"


def blocks_text(blocks: Sequence[Block]) -> str:
    """Blocks as plain text; list items get a bullet or their number, quotes a bar."""
    return _join(blocks, _block_text)


def blocks_markdown(blocks: Sequence[Block]) -> str:
    """Blocks as CommonMark; page text is escaped so it cannot become Markdown structure."""
    return _join(blocks, _block_markdown)


def _join(blocks: Sequence[Block], render_one: Callable[[Block], str]) -> str:
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        tight = previous is not None and previous.kind is block.kind is BlockKind.LIST_ITEM
        tight = tight or (
            previous is not None and previous.kind is block.kind is BlockKind.TABLE_ROW
        )
        if out:
            out.append("\n" if tight else "\n\n")
        out.append(render_one(block))
        previous = block
    return "".join(out)


def _block_text(block: Block) -> str:
    text = sanitize(block.text)
    match block.kind:
        case BlockKind.LIST_ITEM:
            return _indent(block) + _marker(block) + text
        case BlockKind.QUOTE:
            return "\n".join("| " + line for line in text.splitlines() or [""])
        case _:
            return text


def _block_markdown(block: Block) -> str:
    text = sanitize(block.text)
    match block.kind:
        case BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            return "#" * level + " " + _escape_inline(" ".join(text.split()))
        case BlockKind.LIST_ITEM:
            return _indent(block) + _marker(block) + _inline(text, block)
        case BlockKind.QUOTE:
            lines = _inline(text, block).splitlines() or [""]
            return "\n".join("> " + line for line in lines)
        case BlockKind.CODE | BlockKind.PREFORMATTED:
            fence = "`" * max(3, _longest_backticks(text) + 1)
            return f"{fence}\n{text}\n{fence}"
        case BlockKind.TABLE_ROW:
            return _escape_line_start(_escape_inline(text))
        case _:
            return _inline(text, block)


def _inline(text: str, block: Block) -> str:
    """Escape ``text`` and turn the block's links into Markdown links, in order."""
    out: list[str] = []
    position = 0
    for link in block.links:
        label = sanitize_line(link.text)
        target = sanitize_line(link.url)
        if not label or not target.startswith(("http://", "https://")):
            continue
        found = text.find(label, position)
        if found < 0:
            continue
        out.append(_escape_inline(text[position:found]))
        out.append(f"[{_escape_inline(label)}](<{target.replace('>', '%3E')}>)")
        position = found + len(label)
    out.append(_escape_inline(text[position:]))
    return "\n".join(_escape_line_start(line) for line in "".join(out).split("\n"))


def _escape_inline(text: str) -> str:
    return _MD_INLINE.sub(r"\\\1", text)


def _escape_line_start(line: str) -> str:
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


def _indent(block: Block) -> str:
    return "  " * max(block.level - 1, 0)


def _marker(block: Block) -> str:
    return f"{block.ordinal}. " if block.ordinal is not None else "- "


def _meta_line(article: Article) -> str:
    items: Iterable[str | None] = (
        article.byline,
        article.site,
        article.published,
        f"{article.reading_minutes} min read" if article.words else None,
    )
    return " · ".join(sanitize_line(item) for item in items if item)


def _opt(value: str | None) -> str | None:
    return None if value is None else sanitize(value)


def _identity(text: str) -> str:
    return text
