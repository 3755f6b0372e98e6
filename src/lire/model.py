"""The frozen values that flow through the pipeline.

``Source -> Page -> Article -> Article (cleaned) -> Summary``, bundled as a ``Reading``.
Every stage returns a new value (``dataclasses.replace``); none edits the one it got.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal
from urllib.parse import urlsplit

from lire.markdown import blocks_markdown

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Candidate",
    "KeyPoint",
    "Link",
    "MediaType",
    "Observation",
    "Page",
    "PageKind",
    "Reading",
    "Removal",
    "SiteMemory",
    "Summary",
    "host_of",
    "site_key",
]

MediaType = Literal["text/html", "text/plain"]

WORDS_PER_MINUTE = 230


class BlockKind(StrEnum):
    """What a block of the article is; its value is the JSON ``kind``."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CODE = "code"
    PREFORMATTED = "preformatted"
    TABLE_ROW = "table_row"
    TABLE = "table"  # a whole table: its cells in ``Block.rows``
    CAPTION = "caption"  # a figure's or a table's caption
    IMAGE = "image"  # an image whose alt text says something: ``text`` is the alt text


class PageKind(StrEnum):
    """What kind of page an article was read from; its value is the JSON ``kind``."""

    ARTICLE = "article"
    FORUM = "forum"  # a forum or Q&A thread: its posts in order
    DOCUMENTATION = "documentation"
    PRODUCT = "product"
    LISTING = "listing"  # a list of items (search results, an index of posts)
    COLLECTION = "collection"  # a category or collection page
    SERVICE = "service"  # a service or landing page: all its sections


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched source, decoded to text.

    ``url`` is the final URL after redirects (``None`` for files and stdin); ``location`` is what
    the user gave (URL, path or ``"-"``).
    """

    text: str
    media_type: MediaType
    location: str
    url: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A link inside a block: its text and its absolute target."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the article: a heading, a paragraph, a list item...

    ``level`` is the heading level (1-6) for headings, the nesting depth (1-based) for list
    items, and 0 otherwise. ``ordinal`` is the number of an ordered list item, else ``None``.
    A ``TABLE`` block holds its cells in ``rows`` (the first row is a header when ``header``);
    its ``text`` is the same cells as plain text, a row per line, cells separated by tabs.
    """

    kind: BlockKind
    text: str
    level: int = 0
    links: tuple[Link, ...] = ()
    ordinal: int | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False


@dataclass(frozen=True, slots=True)
class Removal:
    """A block (or the tail of one) the cleaner dropped, and the rule that dropped it.

    ``index`` is the position the block had in the article before cleaning, so a removal can be
    put back where it was; ``kind`` is the removed block's kind. A removal made on the DOM before
    extraction has ``index`` ``None``. ``cut`` marks the tail of a block that is still in the
    article (a pitch glued to an article paragraph): it goes back at the end of that block.
    ``score`` is the confidence of a learned component's removal (0-1), None for a rule's.
    ``after`` and ``before`` place a DOM removal: the last words of the page's text just before
    it and the first words just after it (``lire.clean.restore`` puts it back between them).
    """

    rule: str
    text: str
    index: int | None = None
    kind: BlockKind = BlockKind.PARAGRAPH
    cut: bool = False
    score: float | None = None
    after: str | None = field(default=None, compare=False)
    before: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Article:
    """The extracted article: metadata, blocks, and what the cleaner removed.

    ``url`` is the address lire read (None for a file or stdin); ``canonical`` is the address the
    page claims for itself (``<link rel=canonical>``, ``og:url``), shown only as "the page says".
    ``kind`` is the kind of page; ``notice`` says what the reader should know about this reading
    (e.g. that only a teaser is free).
    """

    blocks: tuple[Block, ...]
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    lang: str | None = None
    url: str | None = None
    description: str | None = None
    removed: tuple[Removal, ...] = ()
    media_type: MediaType = "text/html"
    kind: PageKind = PageKind.ARTICLE
    canonical: str | None = None
    notice: str | None = None

    @property
    def text(self) -> str:
        """The article as plain text, blocks separated by one blank line."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def markdown(self) -> str:
        """The article body as Markdown (no metadata header)."""
        return blocks_markdown(self.blocks)

    @property
    def words(self) -> int:
        """Word count of the body."""
        return sum(len(block.text.split()) for block in self.blocks)

    @property
    def reading_minutes(self) -> int:
        """Minutes to read the body at a steady pace, at least 1 for a non-empty article."""
        words = self.words
        return 0 if words == 0 else max(1, round(words / WORDS_PER_MINUTE))


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """One point of the summary and the index of the article block it came from."""

    text: str
    block: int


@dataclass(frozen=True, slots=True)
class Summary:
    """The summary of an article.

    ``note`` explains an empty or short summary (e.g. the article is shorter than a summary).
    ``method`` names what produced it (``"lead"``, ``"offline"``, ``"llm"``).
    """

    points: tuple[KeyPoint, ...] = ()
    lang: str | None = None
    note: str | None = None
    method: str = "lead"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A reading of the page that was not chosen: where it came from, its article, and its
    score (comparable between the candidates of one page). ``cleaned`` is False for a reading
    the choice never needed to clean: its article is as extracted, and its score a bound."""

    name: str
    article: Article
    score: float
    cleaned: bool = True


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything lire knows about one source: the page, the clean article, its summary.

    ``confidence`` (0-1) says how sure lire is that ``article`` is the page's main content;
    ``chosen`` names the reading it is (``Candidate.name``: "readability", "main", "page"...);
    ``candidates`` are the other readings of the page, best first.
    """

    article: Article
    summary: Summary = field(default_factory=Summary)
    page: Page | None = None
    confidence: float = 1.0
    candidates: tuple[Candidate, ...] = ()
    chosen: str | None = None


@dataclass(frozen=True, slots=True)
class SiteMemory:
    """What the site memory knows that concerns one article: a frozen snapshot for the cleaner.

    ``kept`` are the fingerprints (``lire.text.fingerprint``) of the text the user restored on
    the site; ``seen`` those of this article's blocks that two or more *other* articles of the
    site also had (the site's boilerplate); ``marked`` those of the blocks the user marked as
    the site's boilerplate. ``article`` is the key the article is filed under.
    """

    site: str
    article: str
    kept: frozenset[str] = frozenset()
    seen: frozenset[str] = frozenset()
    marked: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Observation:
    """What the cleaner asks to be remembered: the fingerprints of one article's blocks."""

    site: str
    article: str
    fingerprints: frozenset[str]


def host_of(url: str | None) -> str | None:
    """The host of ``url`` in lower case without ``www.``; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed address ("http://[::1")
        return None
    return host.removeprefix("www.") if host else None


def site_key(url: str | None, *, site: str | None = None) -> str | None:
    """The key a site's learned and restored blocks are filed under: the host of ``url``
    without ``www.``, else the site name in lower case; None when there is neither."""
    return host_of(url) or (site.strip().lower() if site and site.strip() else None)
