"""Markdown out of the app: a quoted paragraph for the clipboard, the article to a file."""

from __future__ import annotations

import re
from pathlib import Path

from lire.model import Article, Reading
from lire.render import render_markdown
from lire.sanitize import sanitize, sanitize_line

__all__ = ["export_markdown", "quote_markdown", "suggested_name"]


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


def export_markdown(reading: Reading, path: Path) -> Path:
    """Write the reading as Markdown (``lire.render``) to ``path``, never over an existing file."""
    with path.open("x", encoding="utf-8") as file:
        file.write(render_markdown(reading))
    return path
