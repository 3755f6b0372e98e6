"""The candidate readings of a page besides readability's: its containers and its JSON-LD body.

Each is a ``Draft``: a name saying where it came from and the blocks it gives, not yet cleaned.
They are found in the tree the DOM pass pruned: the page's ``<main>`` (or ``role=main``), its
``<article>`` (the largest, when it is not one teaser of many), the JSON-LD ``articleBody``,
and the whole page's text (``<body>``), the last resort.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from lire.model import Block

__all__ = ["MIN_CHARS", "Draft", "container_elements", "text_length"]

_MAINS = etree.XPath("//main | //*[@role='main']")
_ARTICLES = etree.XPath("//article")
_TEXT = etree.XPath("string()")
MIN_CHARS = 200  # a container with less text than this is not a reading of its own


@dataclass(frozen=True, slots=True)
class Draft:
    """One candidate reading of a page before cleaning: its source and its blocks."""

    name: str
    blocks: tuple[Block, ...]


def text_length(element: HtmlElement) -> int:
    """The length of ``element``'s text without its whitespace runs."""
    return len("".join(str(_TEXT(element)).split()))


def container_elements(root: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    """The page's main container, its article container and its body, when they hold text."""
    mains = [main for main in _MAINS(root) if isinstance(main, HtmlElement)]
    main = _largest(mains)
    if main is not None:
        yield "main", main
    articles = [
        article
        for article in _ARTICLES(root)
        if isinstance(article, HtmlElement) and next(article.iterancestors("article"), None) is None
    ]
    article = _largest(articles)
    if article is not None and (len(articles) == 1 or _dominates(article, articles)):
        yield "article", article
    body = root.find("body")
    if body is not None and text_length(body) >= MIN_CHARS:
        yield "page", body


def _largest(elements: list[HtmlElement]) -> HtmlElement | None:
    sized = [(text_length(element), element) for element in elements]
    sized = [(size, element) for size, element in sized if size >= MIN_CHARS]
    return max(sized, key=lambda pair: pair[0])[1] if sized else None


def _dominates(article: HtmlElement, articles: list[HtmlElement]) -> bool:
    """True when ``article`` holds most of the text of all the page's articles."""
    sizes = [text_length(other) for other in articles]
    return text_length(article) >= 0.6 * sum(sizes)
