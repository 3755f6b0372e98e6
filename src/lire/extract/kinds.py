"""What kind of page this is, from cheap signals: JSON-LD types, ``og:type``, the address, and
the markup's shape (repeated posts, code blocks, repeated item cards).

Each signal votes for a kind with a weight; the kind with the most weight wins, and a page
with no vote is an article. The signals are read on the page as served, before the DOM pass
(which drops comment and post containers a thread is made of).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lire.extract.metadata import Metadata
from lire.extract.scan import PageScan
from lire.model import PageKind

__all__ = ["page_kind", "page_votes"]

_LD_KINDS: dict[str, PageKind] = {
    "product": PageKind.PRODUCT,
    "productgroup": PageKind.PRODUCT,
    "individualproduct": PageKind.PRODUCT,
    "productmodel": PageKind.PRODUCT,
    "qapage": PageKind.FORUM,
    "question": PageKind.FORUM,
    "discussionforumposting": PageKind.FORUM,
    "techarticle": PageKind.DOCUMENTATION,
    "apireference": PageKind.DOCUMENTATION,
    "collectionpage": PageKind.COLLECTION,
    "offercatalog": PageKind.COLLECTION,
    "searchresultspage": PageKind.LISTING,
    "itemlist": PageKind.LISTING,
    "newsarticle": PageKind.ARTICLE,
    "article": PageKind.ARTICLE,
    "blogposting": PageKind.ARTICLE,
    "reportagenewsarticle": PageKind.ARTICLE,
    "analysisnewsarticle": PageKind.ARTICLE,
    "opinionnewsarticle": PageKind.ARTICLE,
    "report": PageKind.ARTICLE,
    "scholarlyarticle": PageKind.ARTICLE,
    "recipe": PageKind.ARTICLE,
    "service": PageKind.SERVICE,
    "professionalservice": PageKind.SERVICE,
    "localbusiness": PageKind.SERVICE,
}
_OG_KINDS = {
    "product": PageKind.PRODUCT,
    "article": PageKind.ARTICLE,
    "og:product": PageKind.PRODUCT,
}
# Path segments (and host prefixes) that name a kind of page.
_PATHS: tuple[tuple[re.Pattern[str], PageKind], ...] = (
    (re.compile(r"/(?:forums?|threads?|topics?|t|questions|discussions?|showthread\.php|"
                r"viewtopic\.php|comments|community)(?:/|$)"), PageKind.FORUM),
    (re.compile(r"/(?:docs?|documentation|manual|reference|api|guides?|handbook|wiki|"
                r"tutorial|library)(?:/|$)|\.html?$"), PageKind.DOCUMENTATION),
    (re.compile(r"/(?:products?|p|dp|item|itm|ip|shop|buy|app)(?:/|$)"), PageKind.PRODUCT),
    (re.compile(r"/(?:category|categories|collections?|c|tags?|topics|browse|shop-all|"
                r"catalog|departments?|archive)(?:/|$)"), PageKind.COLLECTION),
    (re.compile(r"/(?:search|results|find|jobs|listings?|events|blog|news)(?:/|$)|[?&]q="),
     PageKind.LISTING),
    (re.compile(r"/(?:services?|solutions?|pricing|plans|features|platform|enterprise|"
                r"consulting|industries|why-\w+)(?:/|$)"), PageKind.SERVICE),
)  # fmt: skip
_HOSTS: tuple[tuple[re.Pattern[str], PageKind], ...] = (
    (re.compile(r"^(?:forums?|community|discuss|answers|discourse)\.|stackexchange\.com$|"
                r"stackoverflow\.com$|reddit\.com$|quora\.com$"), PageKind.FORUM),
    (re.compile(r"^(?:docs|developer|developers|devdocs|learn|help|support)\.|readthedocs\.io$"),
     PageKind.DOCUMENTATION),
    (re.compile(r"^(?:shop|store)\."), PageKind.PRODUCT),
)  # fmt: skip
MIN_POSTS = 3
MIN_CODE_BLOCKS = 2
LISTED_SHARE = 0.55  # of the pruned page's text in repeated cards: a listing (tuned: 0.5-0.6 alike)


def page_votes(scan: PageScan, metadata: Metadata, url: str | None) -> dict[PageKind, float]:
    """What the page as served (``scan``, its metadata, its address) says of its kind: each
    kind's weight of votes."""
    votes: dict[PageKind, float] = {}
    for kind, weight in _signals(scan, metadata, url):
        votes[kind] = votes.get(kind, 0.0) + weight
    return votes


def page_kind(votes: dict[PageKind, float], *, listed: float) -> PageKind:
    """The kind with the most votes, once the share of the pruned page's text that sits in
    repeated cards (``listed``) has voted for a listing; an article when nothing voted."""
    if listed >= LISTED_SHARE:
        votes = votes | {PageKind.LISTING: votes.get(PageKind.LISTING, 0.0) + 2.0}
    if not votes:
        return PageKind.ARTICLE
    return max(votes, key=lambda kind: votes[kind])


def _signals(
    scan: PageScan, metadata: Metadata, url: str | None
) -> Iterator[tuple[PageKind, float]]:
    for name in metadata.types:
        if (kind := _LD_KINDS.get(name.rsplit("/", 1)[-1].lower())) is not None:
            yield kind, 3.0
    if metadata.og_type and (kind := _OG_KINDS.get(metadata.og_type.lower())) is not None:
        yield kind, 2.0
    yield from _address(url)
    if scan.posts >= MIN_POSTS:
        yield PageKind.FORUM, 2.0
    if scan.code >= MIN_CODE_BLOCKS:
        yield PageKind.DOCUMENTATION, 1.5
    if metadata.published is None and not any(
        _LD_KINDS.get(t.lower()) is PageKind.ARTICLE for t in metadata.types
    ):
        yield PageKind.SERVICE, 0.75  # no date and no article markup: rarely an article


def _address(url: str | None) -> Iterator[tuple[PageKind, float]]:
    if not url:
        return
    try:
        parts = urlsplit(url)
    except ValueError:
        return
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.lower() + ("?" + parts.query if parts.query else "")
    for pattern, kind in _HOSTS:
        if pattern.search(host):
            yield kind, 1.5
    for pattern, kind in _PATHS:
        if pattern.search(path):
            yield kind, 1.0
    if not parts.path.strip("/") and not parts.query:
        yield PageKind.SERVICE, 1.0  # a home page
