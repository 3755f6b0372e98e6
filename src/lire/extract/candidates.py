"""The candidate readings of a page besides readability's: its containers and its JSON-LD body.

Each is a ``Draft``: a name saying where it came from and the blocks it gives, not yet cleaned.
They are found in the tree the DOM pass pruned: the page's ``<main>`` (or ``role=main``), its
``<article>`` (the largest, when it is not one teaser of many), the JSON-LD ``articleBody``,
and the whole page's text (``<body>``), the last resort.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from lire.extract.chrome import without_link_lines
from lire.extract.html_blocks import element_blocks, spanned_blocks
from lire.model import Block, Removal

__all__ = [
    "MIN_CHARS",
    "Draft",
    "Listed",
    "cards",
    "container_drafts",
    "container_elements",
    "listed_share",
    "text_length",
]

_MAINS = etree.XPath("//main | //*[@role='main']")
_ARTICLES = etree.XPath("//article")
_TEXT = etree.XPath("string()")
MIN_CHARS = 200  # a container with less text than this is not a reading of its own
WIDE = frozenset({"main", "page"})  # readings that carry the page's frame (link lines dropped)
MIN_CARDS = 4  # repeated siblings that make a listing
MAX_CARD_CHARS = 600


@dataclass(frozen=True, slots=True)
class Draft:
    """One candidate reading of a page before cleaning: its source, its blocks, and what
    extraction dropped from it (``lire.extract.chrome``)."""

    name: str
    blocks: tuple[Block, ...]
    removed: tuple[Removal, ...] = ()


def text_length(element: HtmlElement) -> int:
    """The length of ``element``'s text without its whitespace runs."""
    return len("".join(str(_TEXT(element)).split()))


def container_drafts(
    root: HtmlElement,
    *,
    base_url: str | None,
    cards: Sequence[HtmlElement] = (),
    body_length: int | None = None,
) -> Iterator[Draft]:
    """A draft for each container of ``container_elements``; the page is walked once and the
    other containers' blocks are spans of its blocks. Each of ``cards`` (a listing's items)
    becomes one list item."""
    containers = list(container_elements(root, body_length=body_length))
    body = root.find("body")
    if body is None or not containers:
        return
    marks = (element for _, element in containers)
    page, spans = spanned_blocks(body, marks, base_url=base_url, items=cards)
    for name, element in containers:
        if element is body:
            blocks = page
        elif element in spans:
            start, end = spans[element]
            blocks = page[start:end]
        else:  # a container the walk does not enter as one (a list or table with role=main)
            blocks = element_blocks(element, base_url=base_url)
        if name in WIDE:
            yield Draft(name, *without_link_lines(blocks))
        else:
            yield Draft(name, blocks)


def container_elements(
    root: HtmlElement, *, body_length: int | None = None
) -> Iterator[tuple[str, HtmlElement]]:
    """The page's main container, its article container and its body, when they hold text
    (``body_length``: the body's ``text_length`` when the caller knows it)."""
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
    if body is not None and (body_length or text_length(body)) >= MIN_CHARS:
        yield "page", body


@dataclass(frozen=True, slots=True)
class Listed:
    """A page's repeated cards and the share of its text they hold."""

    cards: tuple[HtmlElement, ...]
    share: float


def listed_share(root: HtmlElement, *, body_length: int | None = None) -> Listed:
    """The cards of the (pruned) page ``root`` and their share of its text (``body_length``:
    the body's ``text_length`` when the caller knows it)."""
    body = root.find("body")
    if body is None:
        return Listed((), 0.0)
    found = tuple(cards(body))
    total = body_length or text_length(body)
    return Listed(found, sum(map(text_length, found)) / total if total else 0.0)


def cards(body: HtmlElement) -> list[HtmlElement]:
    """A listing's items: siblings sharing a tag and a class, ``MIN_CARDS`` or more, each
    with a link and a little text (a card, not a section)."""
    groups: dict[tuple[int, str, str], list[HtmlElement]] = {}
    for element in body.iter("article", "li", "div"):
        parent, classes = element.getparent(), element.get("class")
        if parent is not None and classes:
            groups.setdefault((id(parent), element.tag, classes), []).append(element)
    found: list[HtmlElement] = []
    for group in groups.values():
        if len(group) >= MIN_CARDS and all(_is_card(element) for element in group):
            found.extend(group)
    inside = set(found)
    return [card for card in found if not any(a in inside for a in card.iterancestors())]


def _is_card(element: HtmlElement) -> bool:
    return element.find(".//a") is not None and 0 < text_length(element) <= MAX_CARD_CHARS


def _found(xpath: etree.XPath, root: HtmlElement) -> list[HtmlElement]:
    result = xpath(root)
    if not isinstance(result, list):
        return []
    return [element for element in result if isinstance(element, HtmlElement)]


def _largest(elements: list[HtmlElement]) -> HtmlElement | None:
    if len(elements) == 1:  # no need to measure all its text: MIN_CHARS of it will do
        return elements[0] if _holds_chars(elements[0], MIN_CHARS) else None
    sized = [(text_length(element), element) for element in elements]
    sized = [(size, element) for size, element in sized if size >= MIN_CHARS]
    return max(sized, key=lambda pair: pair[0])[1] if sized else None


def _holds_chars(element: HtmlElement, count: int) -> bool:
    """Whether ``text_length(element) >= count``, reading only as much text as that takes."""
    found = 0
    for text in element.itertext():
        found += len("".join(text.split()))
        if found >= count:
            return True
    return found >= count


def _dominates(article: HtmlElement, articles: list[HtmlElement]) -> bool:
    """True when ``article`` holds most of the text of all the page's articles."""
    sizes = [text_length(other) for other in articles]
    return text_length(article) >= 0.6 * sum(sizes)
