"""What kind of page this is, from cheap signals: JSON-LD types, ``og:type``, the address, and
the markup's shape (repeated posts, code blocks, repeated item cards).

Each signal votes for a kind with a weight; the kind with the most weight wins, and a page
with no vote is an article. The signals are read on the page as served, before the DOM pass
(which drops comment and post containers a thread is made of).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from lire.extract.metadata import Metadata
from lire.model import PageKind

__all__ = ["page_kind"]

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
)  # fmt: skip
_HOSTS: tuple[tuple[re.Pattern[str], PageKind], ...] = (
    (re.compile(r"^(?:forums?|community|discuss|answers|discourse)\.|stackexchange\.com$|"
                r"stackoverflow\.com$|reddit\.com$|quora\.com$"), PageKind.FORUM),
    (re.compile(r"^(?:docs|developer|developers|devdocs|learn|help|support)\.|readthedocs\.io$"),
     PageKind.DOCUMENTATION),
    (re.compile(r"^(?:shop|store)\."), PageKind.PRODUCT),
)  # fmt: skip
_POSTS = etree.XPath(
    "//*[@itemtype and (contains(@itemtype, 'Comment') or contains(@itemtype, 'Answer')"
    " or contains(@itemtype, 'DiscussionForumPosting'))]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' post ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' message ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' answer ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' topic-post ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' postbody ')]"
)
_CODE = etree.XPath("count(//pre)")
_PRICES = re.compile(r"(?:[$€£¥]\s?\d|\d[.,]\d\d\s?(?:€|EUR|USD|\$|£))")
MIN_POSTS = 3
MIN_CODE_BLOCKS = 2
MIN_CARDS = 6


def page_kind(root: HtmlElement, metadata: Metadata, url: str | None) -> PageKind:
    """The kind of the page ``root``, told from its signals."""
    votes: Counter[PageKind] = Counter()
    for kind, weight in _signals(root, metadata, url):
        votes[kind] += weight
    if not votes:
        return PageKind.ARTICLE
    return votes.most_common(1)[0][0]


def _signals(
    root: HtmlElement, metadata: Metadata, url: str | None
) -> Iterator[tuple[PageKind, float]]:
    for name in metadata.types:
        if (kind := _LD_KINDS.get(name.rsplit("/", 1)[-1].lower())) is not None:
            yield kind, 3.0
    if metadata.og_type and (kind := _OG_KINDS.get(metadata.og_type.lower())) is not None:
        yield kind, 2.0
    yield from _address(url)
    if len(_POSTS(root)) >= MIN_POSTS:
        yield PageKind.FORUM, 2.0
    if float(_CODE(root)) >= MIN_CODE_BLOCKS:
        yield PageKind.DOCUMENTATION, 1.5
    if _repeated_cards(root.iter("li", "article", "div")) >= MIN_CARDS:
        yield PageKind.LISTING, 1.0


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
    if parts.path.strip("/").count("/") == 0 and not parts.query:
        yield PageKind.SERVICE, 1.0  # the home page or a page one step below it


def _repeated_cards(elements: Iterable[HtmlElement]) -> int:
    """The size of the largest group of siblings sharing a class, each with a link and a
    heading or an image: the items of a listing."""
    best = 0
    seen: set[HtmlElement] = set()
    for element in elements:
        parent = element.getparent()
        if parent is None or parent in seen:
            continue
        seen.add(parent)
        classes = Counter(
            (child.tag, child.get("class"))
            for child in parent
            if isinstance(child.tag, str) and child.find(".//a") is not None
        )
        if classes:
            best = max(best, classes.most_common(1)[0][1])
    return best
