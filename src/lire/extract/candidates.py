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

from lire.extract.html_blocks import element_blocks, spanned_blocks
from lire.model import Block

__all__ = ["MIN_CHARS", "Draft", "container_drafts", "container_elements", "text_length"]

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


def container_drafts(root: HtmlElement, *, base_url: str | None) -> Iterator[Draft]:
    """A draft for each container of ``container_elements``; the page is walked once and the
    other containers' blocks are spans of its blocks."""
    containers = list(container_elements(root))
    body = root.find("body")
    if body is None or not containers:
        return
    page, spans = spanned_blocks(body, (element for _, element in containers), base_url=base_url)
    for name, element in containers:
        if element is body:
            yield Draft(name, page)
        elif element in spans:
            start, end = spans[element]
            yield Draft(name, page[start:end])
        else:  # a container the walk does not enter as one (a list or table with role=main)
            yield Draft(name, element_blocks(element, base_url=base_url))


def container_elements(root: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    """The page's main container, its article container and its body, when they hold text."""
    mains = _found(_MAINS, root)
    main = _largest(mains)
    if main is not None:
        yield "main", main
    articles = [
        article
        for article in _found(_ARTICLES, root)
        if next(article.iterancestors("article"), None) is None
    ]
    article = _largest(articles)
    if article is not None and (len(articles) == 1 or _dominates(article, articles)):
        yield "article", article
    body = root.find("body")
    if body is not None and text_length(body) >= MIN_CHARS:
        yield "page", body


def _found(xpath: etree.XPath, root: HtmlElement) -> list[HtmlElement]:
    result = xpath(root)
    if not isinstance(result, list):
        return []
    return [element for element in result if isinstance(element, HtmlElement)]


def _largest(elements: list[HtmlElement]) -> HtmlElement | None:
    sized = [(text_length(element), element) for element in elements]
    sized = [(size, element) for size, element in sized if size >= MIN_CHARS]
    return max(sized, key=lambda pair: pair[0])[1] if sized else None


def _dominates(article: HtmlElement, articles: list[HtmlElement]) -> bool:
    """True when ``article`` holds most of the text of all the page's articles."""
    sizes = [text_length(other) for other in articles]
    return text_length(article) >= 0.6 * sum(sizes)
