"""The whole pipeline as plain functions: source -> Page -> Article -> clean Article -> Summary.

The one place the stages meet: it hands extraction the cleaner's DOM pass, reads the site
memory into a snapshot for the cleaner and writes down what the cleaner observed, and opens the
stores (``open_stores``) for the CLI and the app.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import BinaryIO

from lire.clean import Cleaning, clean, dom_pass
from lire.config import Config, default_data_dir
from lire.extract import (
    TEASER_NOTICE,
    WIDE_READINGS,
    Choice,
    Extraction,
    choose,
    extract_drafts,
    fallback_notice,
    teaser_only,
    without_empty_sections,
)
from lire.fetch import fetch
from lire.fetch.decode import decode
from lire.model import Article, Candidate, Page, PageKind, Reading, SiteMemory, site_key
from lire.sanitize import sanitize
from lire.store import SiteMemoryStore, Stores
from lire.store import open_stores as open_store_files
from lire.summarize import summarize
from lire.urls import article_address, same_site, web_address

__all__ = [
    "clean_candidate",
    "open_stores",
    "read",
    "read_article",
    "read_html",
    "read_page",
    "read_text",
]


def read(
    source: str,
    *,
    config: Config | None = None,
    stdin: BinaryIO | None = None,
    memory: SiteMemoryStore | None = None,
) -> Reading:
    """Read ``source`` (an http(s) URL, a path, or ``"-"`` for stdin) into a clean Reading.

    ``memory`` lets the cleaner learn boilerplate across articles of one site (off when None).
    """
    config = config or Config()
    page = fetch(source, config=config.fetch, stdin=stdin)
    return read_page(page, config=config, memory=memory)


def read_html(
    html: str | bytes, *, url: str | None = None, config: Config | None = None
) -> Reading:
    """Read an HTML document already in memory (bytes are decoded as a fetched page would be)."""
    if isinstance(html, bytes):
        html, encoding = decode(html, media_type="text/html")
    else:
        encoding = None
    location = url or "the page"
    address = web_address(url)  # a base for links and a key for learning only when http(s)
    page = Page(
        text=html, media_type="text/html", location=location, url=address, encoding=encoding
    )
    return read_page(page, config=config)


def read_text(text: str, *, config: Config | None = None) -> Reading:
    """Read plain text (e.g. copied from a page) into a clean Reading."""
    page = Page(text=sanitize(text), media_type="text/plain", location="-")
    return read_page(page, config=config)


def read_page(
    page: Page, *, config: Config | None = None, memory: SiteMemoryStore | None = None
) -> Reading:
    """Extract, clean and summarize a page that has already been read."""
    config = config or Config()
    reading = read_article(page, config=config, memory=memory)
    summary = summarize(reading.article, points=config.summary.points)
    return replace(reading, summary=summary)


def read_article(
    page: Page, *, config: Config | None = None, memory: SiteMemoryStore | None = None
) -> Reading:
    """Extract and clean a page that has already been read, without a summary: the best of
    its candidate readings, how sure that is, and the others."""
    config = config or Config()
    if not config.clean.enabled:
        extraction = extract_drafts(page)
        article = _with_url(extraction.reading(extraction.drafts[0]), page)
        article = replace(article, kind=extraction.kind)
        return Reading(article, page=page, chosen=extraction.drafts[0].name)
    learning = memory if config.clean.learn else None
    extraction = extract_drafts(page, dom_pass=dom_pass(config.clean.rules))
    choice = _choose(extraction, page, config)
    article = choice.article
    if learning is not None:
        winner = _with_url(extraction.reading(extraction.drafts[choice.index]), page)
        cleaning = _clean_reading(choice.name, winner, config, _recall(learning, winner))
        if cleaning.observation is not None:
            learning.remember(cleaning.observation)
        article = cleaning.article
    return Reading(
        article=_with_notice(article, choice, extraction),
        page=page,
        confidence=choice.confidence,
        candidates=choice.others,
        chosen=choice.name,
    )


def clean_candidate(candidate: Candidate, *, config: Config | None = None) -> Candidate:
    """``candidate`` cleaned, for a reader who switches to a reading the choice never cleaned."""
    if candidate.cleaned:
        return candidate
    cleaning = _clean_reading(candidate.name, candidate.article, config or Config())
    return replace(candidate, article=cleaning.article, cleaned=True)


def _choose(extraction: Extraction, page: Page, config: Config) -> Choice:
    """The best candidate reading of the page, each cleaned (without the site memory, which
    only the winner meets) as far as the choice needs."""
    readings = [
        (draft.name, replace(_with_url(extraction.reading(draft), page), kind=extraction.kind))
        for draft in extraction.drafts
    ]

    def cleaned(name: str, article: Article) -> Article:
        return _clean_reading(name, article, config).article

    return choose(readings, extraction.kind, cleaned)


def _clean_reading(
    name: str, article: Article, config: Config, memory: SiteMemory | None = None
) -> Cleaning:
    """``article``, the reading named ``name``, cleaned. A wide reading (the page's main
    column, its whole text) is cleaned as a page's text: the cleaner's learned model then
    judges its blocks too, as it does for text copied from a page (its menus, footers and
    calls to action); the result is still the HTML page's article. Not on a listing, whose
    items are what that model takes for other articles' teasers (their titles, authors and
    summaries): its wide readings are cleaned as HTML, by the rules. A heading the cleaning left
    without its section goes too (``lire.extract.without_empty_sections``)."""
    if article.media_type != "text/html":
        return clean(article, rules=config.clean.rules, memory=memory)
    if name not in WIDE_READINGS or article.kind is PageKind.LISTING:
        cleaning = clean(article, rules=config.clean.rules, memory=memory)
    else:
        plain = replace(article, media_type="text/plain")
        cleaning = clean(plain, rules=config.clean.rules, memory=memory)
        cleaning = replace(cleaning, article=replace(cleaning.article, media_type="text/html"))
    return replace(cleaning, article=without_empty_sections(cleaning.article))


def _with_notice(article: Article, choice: Choice, extraction: Extraction) -> Article:
    """The article with its kind, and a notice when it is a teaser or the page's whole text."""
    notice = article.notice or fallback_notice(choice.last_resort)
    if teaser_only(article, paid_part_served=extraction.paid_part_served):
        notice = TEASER_NOTICE
    return replace(article, kind=extraction.kind, notice=notice)


def _recall(memory: SiteMemoryStore | None, article: Article) -> SiteMemory | None:
    """What the site memory knows of ``article``'s site, for the cleaner (None: no learning)."""
    site = site_key(article.url, site=article.site)
    if memory is None or site is None:
        return None
    return memory.recall(site, _article_key(article), (block.text for block in article.blocks))


def _article_key(article: Article) -> str:
    """The key ``article`` is filed under in the site memory, the same whatever address of it
    was read: the canonical address the page gives when it is a plausible one (http(s), on the
    site that was read), else the address read, both without fragment, tracking parameters,
    ``www.``, scheme or trailing slash (``lire.urls.article_address``); else a digest of its
    text."""
    url, canonical = web_address(article.url), web_address(article.canonical)
    if url is not None and canonical is not None and same_site(canonical, url):
        key = article_address(canonical)
    else:
        key = article_address(url) if url is not None else None
    return key or _text_key(article)


def _text_key(article: Article) -> str:
    """The key of an article without an address: a digest of its text."""
    digest = hashlib.blake2b(digest_size=16)
    for block in article.blocks:
        digest.update(block.text.encode("utf-8", "surrogatepass"))
    return "text:" + digest.hexdigest()


def _with_url(article: Article, page: Page) -> Article:
    if article.url is None and page.url is not None:
        return replace(article, url=page.url)
    return article


@contextmanager
def open_stores(config: Config, *, history: bool = False) -> Iterator[Stores]:
    """The user's stores in the data directory: the history when asked for, the site memory
    when cleaning learns. Opening never fails: an unwritable store remembers nothing."""
    learning = config.clean.enabled and config.clean.learn
    with open_store_files(default_data_dir(), history=history, memory=learning) as stores:
        yield stores
