"""Page -> candidate readings: the extract stage's entry point.

The page is parsed once (``lire.extract.tree``, depth-bounded); what it says as served is read
first (metadata, language, the signals of its kind, a thread's posts, its paid part), then the
DOM pass (the cleaner's first layer, handed in by the pipeline as a ``DomPass``) prunes the
tree, readability reads the pruned tree (``lire.extract.engine``), and the candidate readings
are made: readability's, the JSON-LD body, the posts, the containers and the whole page
(``lire.extract.candidates``), the page as served or its description as last resorts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from lxml.html import HtmlElement

from lire.errors import ExtractionError
from lire.extract.candidates import Draft, container_drafts, listed_share, text_length
from lire.extract.html_blocks import element_blocks
from lire.extract.inline import unmark_running_text
from lire.extract.kinds import page_kind, page_votes
from lire.extract.metadata import Metadata, read_metadata
from lire.extract.paywall import paid_part_served
from lire.extract.posts import thread_blocks
from lire.extract.scan import scan_page
from lire.extract.text_blocks import text_blocks
from lire.extract.tree import parse_html
from lire.model import Article, Block, BlockKind, Page, PageKind, Removal, host_of
from lire.text.elements import element_text
from lire.text.language import detect_language

if TYPE_CHECKING:
    from lire.extract.engine import ReadabilityReading

__all__ = ["DomPass", "Extraction", "extract", "extract_drafts", "extract_html", "extract_text"]

_WORD = re.compile(r"\w+")
# A leading heading sharing this share of its words with the title repeats the title.
TITLE_OVERLAP = 0.8
LANG_SAMPLE_CHARS = 4_000  # the text a language is told from
_LISTS = (PageKind.LISTING, PageKind.COLLECTION)
FALLBACK_WORDS = 100  # the page as served is read only when no reading has this many words
PRUNED_SHARE = 0.1  # a DOM pass leaving less of the page's text than this left too little


class DomPass(Protocol):
    """The cleaner's first layer: drops boilerplate elements from ``root`` (in place) and says
    what went; ``lang`` is the page's language, ``host`` its site, ``listing`` whether the page
    as served says it is a listing or a collection (its items are not other articles' teasers)."""

    def __call__(
        self, root: HtmlElement, *, lang: str | None, host: str | None, listing: bool
    ) -> tuple[Removal, ...]: ...


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction found in a page: its metadata as an ``Article`` without blocks, the
    candidate readings (``drafts``, readability's first when it found one), and the page's kind."""

    article: Article
    drafts: tuple[Draft, ...]
    kind: PageKind = PageKind.ARTICLE
    paid_part_served: bool | None = None  # see lire.extract.paywall

    def reading(self, draft: Draft) -> Article:
        """The article ``draft`` reads: the page's metadata and the draft's blocks."""
        removed = (*self.article.removed, *draft.removed)
        return replace(self.article, blocks=draft.blocks, removed=removed)


def extract(page: Page, *, dom_pass: DomPass | None = None) -> Article:
    """The article of ``page``: HTML through readability, plain text split into blocks.

    ``dom_pass`` runs on the parsed page before readability (None: nothing is pruned).
    """
    extraction = extract_drafts(page, dom_pass=dom_pass)
    return extraction.reading(extraction.drafts[0])


def extract_drafts(page: Page, *, dom_pass: DomPass | None = None) -> Extraction:
    """Every candidate reading of ``page`` (plain text has one), or ``ExtractionError`` when
    the page has no text at all."""
    if page.media_type == "text/plain":
        article = extract_text(page.text)
        return Extraction(replace(article, blocks=()), (Draft("text", article.blocks),))
    where = "standard input" if page.location == "-" else page.location
    return _extract_html(page.text, url=page.url, location=where, dom_pass=dom_pass)


def extract_html(html: str, *, url: str | None = None, dom_pass: DomPass | None = None) -> Article:
    """The article of an HTML document (readability's reading); ``url`` resolves its links."""
    extraction = _extract_html(html, url=url, location=url or "the page", dom_pass=dom_pass)
    return extraction.reading(extraction.drafts[0])


def extract_text(text: str) -> Article:
    """Plain text (e.g. copied from a page) as an article; a title line becomes its title."""
    title, blocks = text_blocks(text)
    return Article(blocks=blocks, title=title, lang=_text_lang(blocks), media_type="text/plain")


@dataclass(frozen=True, slots=True)
class _Served:
    """What the page as served says, read before the DOM pass prunes it."""

    metadata: Metadata
    lang: str | None
    votes: dict[PageKind, float]
    paid_part_served: bool | None
    thread: tuple[Block, ...]
    length: int  # of the body's text


def _extract_html(
    html: str, *, url: str | None, location: str, dom_pass: DomPass | None
) -> Extraction:
    # readability (and chardet with it) loads with the first page of HTML: text never needs it
    from lire.extract.engine import readability_reading, real_title

    root = parse_html(html, location=location)
    served = _read_served(root, url)
    unmark_running_text(root)
    removed: tuple[Removal, ...] = ()
    if dom_pass is not None:
        listing = page_kind(served.votes, listed=0.0) in _LISTS
        removed = dom_pass(root, lang=served.lang, host=host_of(url), listing=listing)
    pruned = _body_length(root)
    title = real_title(served.metadata.title)
    listed = listed_share(root, body_length=pruned)
    kind = page_kind(served.votes, listed=listed.share)
    engine = readability_reading(root, title=title is None, article=kind is PageKind.ARTICLE)
    title = title or engine.title
    cards = listed.cards if kind in _LISTS else ()
    drafts = _drafts(root, engine, served, url, cards=cards, pruned=pruned)
    if pruned < PRUNED_SHARE * served.length and _words(drafts) < FALLBACK_WORDS:
        drafts.append(_unpruned(html, location=location, url=url))  # the DOM pass left little
    if description := served.metadata.description:
        drafts.append(Draft("description", (Block(BlockKind.PARAGRAPH, description),)))
    drafts = [replace(d, blocks=_without_title(d.blocks, title)) for d in drafts]
    drafts = [draft for draft in drafts if draft.blocks]
    if not drafts:
        raise ExtractionError(f"no article text found in {location}")
    article = _page_article(served, title=title, url=url, removed=removed)
    return Extraction(article, tuple(drafts), kind, served.paid_part_served)


def _read_served(root: HtmlElement, url: str | None) -> _Served:
    metadata = read_metadata(root, url=url)
    scan = scan_page(root)
    return _Served(
        metadata=metadata,
        lang=metadata.lang or detect_language(_paragraph_sample(root)),
        votes=page_votes(scan, metadata, url),
        paid_part_served=paid_part_served(root, metadata),
        thread=thread_blocks(scan, base_url=url),  # before the DOM pass, which drops replies
        length=_body_length(root),
    )


def _page_article(
    served: _Served, *, title: str | None, url: str | None, removed: tuple[Removal, ...]
) -> Article:
    """The page's metadata as an article without blocks."""
    metadata = served.metadata
    return Article(
        blocks=(),
        title=title,
        byline=metadata.byline,
        site=metadata.site,
        published=metadata.published,
        lang=served.lang,
        url=url,
        canonical=metadata.url,
        description=metadata.description,
        removed=removed,
    )


def _drafts(
    root: HtmlElement,
    engine: ReadabilityReading,
    served: _Served,
    url: str | None,
    *,
    cards: Sequence[HtmlElement],
    pruned: int,
) -> list[Draft]:
    """readability's reading, the JSON-LD body, the thread's posts, then the containers."""
    drafts: list[Draft] = []
    if engine.article is not None:
        drafts.append(Draft("readability", element_blocks(engine.article, base_url=url)))
    if served.metadata.body:
        drafts.append(Draft("json-ld", text_blocks(served.metadata.body)[1]))
    if served.thread:
        drafts.append(Draft("posts", served.thread))
    drafts.extend(container_drafts(root, base_url=url, cards=cards, body_length=pruned))
    return drafts


def _words(drafts: Sequence[Draft]) -> int:
    """The word count of the longest draft."""
    return max((sum(len(block.text.split()) for block in d.blocks) for d in drafts), default=0)


def _body_length(root: HtmlElement) -> int:
    body = root.find("body")
    return text_length(body) if body is not None else 0


def _unpruned(html: str, *, location: str, url: str | None) -> Draft:
    """The page's whole text as served, for a page the DOM pass left (nearly) empty."""
    body = parse_html(html, location=location).find("body")
    return Draft("unpruned", element_blocks(body, base_url=url) if body is not None else ())


def _paragraph_sample(root: HtmlElement) -> str:
    """The text of the page's first paragraphs, enough to tell its language."""
    sample: list[str] = []
    size = 0
    for paragraph in root.iter("p"):
        sample.append(element_text(paragraph))
        size += len(sample[-1])
        if size > LANG_SAMPLE_CHARS:
            break
    return " ".join(sample)


def _text_lang(blocks: tuple[Block, ...]) -> str | None:
    """The language of plain text, told from its first blocks."""
    sample: list[str] = []
    for block in blocks:
        sample.append(block.text)
        if sum(map(len, sample)) > LANG_SAMPLE_CHARS:
            break
    return detect_language("\n".join(sample))


def _without_title(blocks: tuple[Block, ...], title: str | None) -> tuple[Block, ...]:
    """Drop a leading heading that repeats the title (the title is shown on its own)."""
    first = blocks[0] if blocks else None
    if first and title and first.kind is BlockKind.HEADING and _same_words(first.text, title):
        return blocks[1:]
    return blocks


def _same_words(heading: str, title: str) -> bool:
    """True when one text's words hold most of the other's (a title with or without a suffix)."""
    ours, theirs = set(_WORD.findall(heading.casefold())), set(_WORD.findall(title.casefold()))
    shared = len(ours & theirs)
    return bool(ours) and shared >= TITLE_OVERLAP * min(len(ours), len(theirs))
