"""Markdown out of the app: a quoted paragraph for the clipboard, the article to a file."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from lire.model import Article, Block, BlockKind, Reading
from lire.sanitize import sanitize, sanitize_line

__all__ = ["export_markdown", "quote_markdown", "reading_markdown", "suggested_name"]


def quote_markdown(text: str, article: Article) -> str:
    """``text`` as a Markdown quote followed by its source: title, site and URL."""
    lines = sanitize(text).strip().splitlines() or [""]
    quote = "\n".join(f"> {line}".rstrip() for line in lines)
    source = [sanitize_line(part) for part in (article.title, article.site) if part]
    credit = ", ".join(source) or "Untitled"
    if article.url:
        credit = f"[{credit}]({sanitize_line(article.url)})"
    return f"{quote}\n\n— {credit}\n"


def suggested_name(article: Article) -> str:
    """A file name for the article: its title as a slug, ``.md``."""
    slug = re.sub(r"[^\w]+", "-", sanitize_line(article.title or "article").lower()).strip("-")
    return f"{slug[:60] or 'article'}.md"


def reading_markdown(reading: Reading) -> str:
    """The article as Markdown: lire.render's when it is there, else a plain rendering."""
    try:
        render = importlib.import_module("lire.render")
    except ImportError:
        return _fallback_markdown(reading.article)
    renderer = getattr(render, "render_markdown", None)
    if renderer is None:
        return _fallback_markdown(reading.article)
    return str(renderer(reading))


def export_markdown(reading: Reading, path: Path) -> Path:
    """Write the article as Markdown to ``path`` (never over an existing file)."""
    with path.open("x", encoding="utf-8") as file:
        file.write(reading_markdown(reading))
    return path


def _fallback_markdown(article: Article) -> str:
    parts = [f"# {sanitize_line(article.title)}"] if article.title else []
    if article.url:
        parts.append(f"<{sanitize_line(article.url)}>")
    parts.extend(_block_markdown(block) for block in article.blocks)
    return "\n\n".join(parts) + "\n"


def _block_markdown(block: Block) -> str:
    text = sanitize(block.text).strip()
    match block.kind:
        case BlockKind.HEADING:
            return "#" * min(6, max(2, block.level or 2)) + " " + sanitize_line(text)
        case BlockKind.LIST_ITEM:
            marker = f"{block.ordinal}." if block.ordinal is not None else "-"
            return "  " * max(0, block.level - 1) + f"{marker} {sanitize_line(text)}"
        case BlockKind.QUOTE:
            return "\n".join(f"> {line}" for line in text.splitlines())
        case BlockKind.CODE | BlockKind.PREFORMATTED:
            return f"```\n{text}\n```"
        case _:
            return text
