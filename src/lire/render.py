"""Non-interactive output: the clean article as text, Markdown or JSON, the summary, the removals.

Every string here came from a page: it is sanitised once more on the way out, and every address
is one lire checked (``lire.urls.web_address``: http(s), no credentials): the address shown is
the one lire read, and the canonical one a page claims appears only as such, in JSON.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from lire.markdown import (
    blocks_markdown,
    escape_inline,
    escape_line_start,
    image_placeholder,
    join_blocks,
    list_indent,
    list_marker,
)
from lire.model import Article, Block, BlockKind, Reading, Removal
from lire.sanitize import sanitize, sanitize_line
from lire.urls import web_address

__all__ = [
    "Format",
    "aligned_table",
    "blocks_markdown",
    "blocks_text",
    "export_markdown",
    "human_date",
    "quote_markdown",
    "render",
    "render_explain",
    "render_json",
    "render_markdown",
    "render_summary",
    "render_text",
    "suggested_name",
]

Format = Literal["text", "markdown", "json"]

_SLUG_BREAK = re.compile(r"[^\w]+")


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
    if url := web_address(article.url):
        head.append(url)
    parts = ["\n".join(head)] if head else []
    parts.append(blocks_text(article.blocks))
    return "\n\n".join(part for part in parts if part) + "\n"


def render_markdown(reading: Reading) -> str:
    """Title as a level-1 heading, a metadata line in italics, the URL, then the Markdown body."""
    article = reading.article
    parts: list[str] = []
    if article.title:
        parts.append("# " + escape_inline(sanitize_line(article.title)))
    if meta := _meta_line(article):
        parts.append("*" + escape_inline(meta) + "*")
    if url := web_address(article.url):
        parts.append(f"<{url}>")
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
        "url": web_address(article.url),
        "text": sanitize(article.text),
        "markdown": blocks_markdown(article.blocks),
        "blocks": [_block_json(b) for b in article.blocks],
        "removed": [_removal_json(r) for r in article.removed],
        "summary": [{"text": sanitize(p.text), "block": p.block} for p in reading.summary.points],
        "stats": {"words": article.words, "reading_minutes": article.reading_minutes},
        # beyond DESIGN.md's contract: what kind of page, how sure, what else it could be
        "kind": str(article.kind),
        "canonical": web_address(article.canonical),  # what the page says its address is
        "notice": _opt(article.notice),
        "confidence": round(reading.confidence, 3),
        "candidates": [
            {"name": c.name, "score": round(c.score, 3), "words": c.article.words}
            for c in reading.candidates
        ],
        "chosen": reading.chosen,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _block_json(block: Block) -> dict[str, Any]:
    """A block's kind and text; a table's cells too (``rows``; ``header``: the first row is)."""
    entry: dict[str, Any] = {"kind": str(block.kind), "text": sanitize(block.text)}
    if block.kind is BlockKind.TABLE and block.rows:
        entry["rows"] = [[sanitize_line(cell) for cell in row] for row in block.rows]
        entry["header"] = block.header
    return entry


def _removal_json(removal: Removal) -> dict[str, Any]:
    entry: dict[str, Any] = {"rule": removal.rule, "text": sanitize(removal.text)}
    if removal.score is not None:
        entry["score"] = round(removal.score, 3)
    return entry


def render_summary(reading: Reading, fmt: Format) -> str:
    """Only the summary: bullet points (text, Markdown) or a small JSON document."""
    summary = reading.summary
    points = [sanitize_line(point.text) for point in summary.points]
    if fmt == "json":
        document = {
            "title": _opt(reading.article.title),
            "url": web_address(reading.article.url),
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
    escape = escape_inline if fmt == "markdown" else _identity
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
        score = "" if removal.score is None else f" (score {removal.score:.2f})"
        lines += [f"- {removal.rule}{score}", f"    {text}"]
    return "\n".join(lines) + "\n"


def blocks_text(blocks: Sequence[Block]) -> str:
    """Blocks as plain text; list items get a bullet or their number, quotes a bar."""
    return join_blocks(blocks, _block_text)


def _block_text(block: Block) -> str:
    text = sanitize(block.text)
    match block.kind:
        case BlockKind.LIST_ITEM:
            return list_indent(block) + list_marker(block) + text
        case BlockKind.QUOTE:
            return "\n".join("| " + line for line in text.splitlines() or [""])
        case BlockKind.TABLE if block.rows:
            return aligned_table(block.rows, header=block.header)
        case BlockKind.IMAGE:
            return image_placeholder(text)
        case _:
            return text


def aligned_table(rows: Sequence[Sequence[str]], *, header: bool) -> str:
    """A table as aligned columns of plain text, the header underlined."""
    cells = [[" ".join(sanitize_line(cell).split()) for cell in row] for row in rows]
    count = max(len(row) for row in cells)
    cells = [row + [""] * (count - len(row)) for row in cells]
    widths = [max(_width(row[i]) for row in cells) for i in range(count)]
    lines = [_aligned(row, widths) for row in cells]
    if header:
        lines.insert(1, "  ".join("-" * width for width in widths).rstrip())
    return "\n".join(lines)


def _aligned(row: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(
        cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
    ).rstrip()


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def quote_markdown(text: str, article: Article) -> str:
    """``text`` as a Markdown quote followed by its source: title, site and URL."""
    lines = sanitize(text).strip().splitlines() or [""]
    quote = "\n".join(f"> {escape_line_start(escape_inline(line))}".rstrip() for line in lines)
    source = [sanitize_line(part) for part in (article.title, article.site) if part]
    credit = escape_inline(", ".join(part for part in source if part) or "Untitled")
    if url := web_address(article.url):  # no space or bracket left; a parenthesis cannot end it
        credit = f"[{credit}]({url.replace('(', '%28').replace(')', '%29')})"
    return f"{quote}\n\n— {credit}\n"


def suggested_name(article: Article) -> str:
    """A file name for the article: its title as a slug, ``.md``."""
    slug = _SLUG_BREAK.sub("-", sanitize_line(article.title or "article").lower()).strip("-")
    return f"{slug[:60] or 'article'}.md"


def export_markdown(reading: Reading, path: Path) -> Path:
    """Write the reading as Markdown to ``path``, never over an existing file."""
    with path.open("x", encoding="utf-8") as file:
        file.write(render_markdown(reading))
    return path


def _meta_line(article: Article) -> str:
    items: Iterable[str | None] = (
        article.byline,
        article.site,
        human_date(article.published) if article.published else None,
        f"{minutes} min read" if (minutes := article.reading_minutes) else None,
    )
    return " · ".join(sanitize_line(item) for item in items if item)


def _opt(value: str | None) -> str | None:
    return None if value is None else sanitize(value)


def _identity(text: str) -> str:
    return text


def human_date(published: str) -> str:
    """``"2026-11-20"`` as ``"20 November 2026"`` (with the time when there is one); a date
    lire cannot read is shown as the page wrote it."""
    text = sanitize_line(published)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(text), datetime.min.time())
        except ValueError:
            return text
    day = f"{moment.day} {moment:%B %Y}"
    has_time = "T" in text or " " in text.strip()
    return f"{day}, {moment:%H:%M}" if has_time else day
