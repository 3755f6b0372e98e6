"""The whole pipeline as plain functions: source -> Page -> Article -> clean Article -> Summary."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from typing import BinaryIO

from lire.clean import clean, site_key
from lire.config import Config, default_data_dir
from lire.decode import decode
from lire.extract import extract
from lire.fetch import fetch
from lire.learn import LearnStore
from lire.model import Article, Page, Reading
from lire.sanitize import sanitize
from lire.summarize import summarize

__all__ = ["open_learn_store", "read", "read_html", "read_page", "read_text"]


def read(
    source: str,
    *,
    config: Config | None = None,
    stdin: BinaryIO | None = None,
    store: LearnStore | None = None,
) -> Reading:
    """Read ``source`` (an http(s) URL, a path, or ``"-"`` for stdin) into a clean Reading.

    ``store`` lets the cleaner learn boilerplate across articles of one site (off when None).
    """
    config = config or Config()
    page = fetch(source, config=config.fetch, stdin=stdin)
    return read_page(page, config=config, store=store)


def read_html(
    html: str | bytes, *, url: str | None = None, config: Config | None = None
) -> Reading:
    """Read an HTML document already in memory (bytes are decoded as a fetched page would be)."""
    if isinstance(html, bytes):
        html, encoding = decode(html, media_type="text/html")
    else:
        encoding = None
    location = url or "the page"
    page = Page(text=html, media_type="text/html", location=location, url=url, encoding=encoding)
    return read_page(page, config=config)


def read_text(text: str, *, config: Config | None = None) -> Reading:
    """Read plain text (e.g. copied from a page) into a clean Reading."""
    page = Page(text=sanitize(text), media_type="text/plain", location="-")
    return read_page(page, config=config)


def read_page(
    page: Page, *, config: Config | None = None, store: LearnStore | None = None
) -> Reading:
    """Extract, clean and summarize a page that has already been read."""
    config = config or Config()
    learning = store if config.clean.enabled and config.clean.learn else None
    keep = _restored_on(page, learning)
    article = extract(page, prune=config.clean.enabled, rules=config.clean.rules, keep=keep)
    if config.clean.enabled:
        article = clean(_with_url(article, page), rules=config.clean.rules, store=learning)
    summary = summarize(article, points=config.summary.points)
    return Reading(article=_with_url(article, page), summary=summary, page=page)


def _restored_on(page: Page, store: LearnStore | None) -> Callable[[str], bool] | None:
    """What the user restored on this page's site, for the DOM pass to spare."""
    site = site_key(Article(blocks=(), url=page.url))
    if store is None or site is None:
        return None
    return functools.partial(store.is_kept, site)


def _with_url(article: Article, page: Page) -> Article:
    if article.url is None and page.url is not None:
        return replace(article, url=page.url)
    return article


def open_learn_store(config: Config) -> LearnStore | None:
    """The user's store of boilerplate learned per site, when learning is on.

    Opening never fails: an unwritable store learns nothing. An SQLite connection belongs to the
    thread that opened it, so open one per thread.
    """
    if not (config.clean.enabled and config.clean.learn):
        return None
    return LearnStore(default_data_dir() / "learned.sqlite3")
