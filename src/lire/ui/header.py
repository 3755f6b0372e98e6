"""The lines above the article: its title, who and when (a human date), how long, what kind
of page, what the page claims its address is, and what the reader should know (a notice, a
reading lire is unsure of). Plain rich Text: no Textual, no markup parsing."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from lire.model import WORDS_PER_MINUTE, Article, PageKind, Reading
from lire.render import human_date
from lire.sanitize import sanitize_line
from lire.ui.document import Palette

__all__ = ["LOW_CONFIDENCE", "header_text", "meta_line"]

LOW_CONFIDENCE = 0.5  # below this the header says lire is unsure of the reading


def meta_line(article: Article, *, words: int | None = None) -> str:
    """Byline, site, date, reading time and language on one line (``words``: the article's
    word count when it is known already: counting 100,000 words again costs 10 ms)."""
    fields = [sanitize_line(part) for part in (article.byline, article.site) if part]
    if article.published:
        fields.append(human_date(article.published))
    minutes = (
        article.reading_minutes
        if words is None
        else (0 if words == 0 else max(1, round(words / WORDS_PER_MINUTE)))
    )
    fields.append(f"{minutes} min read" if minutes else "no text")
    if article.lang:
        fields.append(sanitize_line(article.lang))
    return " · ".join(field for field in fields if field)


def header_text(
    reading: Reading | None, article: Article, palette: Palette, *, words: int | None = None
) -> Text:
    """The title (or the address when there is none) above the metadata and notice lines."""
    title = sanitize_line(article.title or article.url or "Untitled")
    text = Text(end="")  # no base style: each line has its own
    text.append(title, style=palette.title)
    text.append("\n")
    text.append(meta_line(article, words=words), style=palette.meta)
    for line, style in _notes(reading, article, palette):
        text.append("\n")
        text.append(line, style=style)
    return text


def _notes(reading: Reading | None, article: Article, palette: Palette) -> list[tuple[str, Style]]:
    notes: list[tuple[str, Style]] = []
    if article.kind is not PageKind.ARTICLE:
        notes.append((f"{article.kind.value} page", palette.meta))
    if article.canonical and article.canonical != article.url and _web(article.canonical):
        notes.append((f"the page says: {sanitize_line(article.canonical)}", palette.meta))
    if article.notice:
        notes.append((sanitize_line(article.notice), palette.notice))
    if reading is not None and reading.confidence < LOW_CONFIDENCE:
        sure = f"lire is unsure this is the page's main text (confidence {reading.confidence:.2f})"
        if reading.candidates:
            sure += ": c shows another reading"
        notes.append((sure, palette.notice))
    return notes


def _web(url: str) -> bool:
    return url.startswith(("http://", "https://"))
