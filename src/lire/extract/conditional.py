"""What readability's conditional cleaning may not drop from an article's reading.

Once readability has chosen its element, its ``sanitize`` drops every table, list, div or
section whose class weight (-25 for a class or id matching its negative pattern: "widget",
"media", "meta", "scroll", "shopping", "tool"...) plus its paragraph score is below zero. On an
article that pattern takes content: a buying guide's product cards (``c-product-widget``), a
training plan's scrolling tables (``overflow-x-scroll``), a review's lists of pros and cons
(a list scores below zero by its tag alone). lire's DOM pass has already read every class name
with its own, narrower rules, and the cleaner judges the text that stays; so on a page read as
an article an element with text (``MIN_CHARS``) and (almost) no links (``MAX_LINK_DENSITY``)
is kept from that drop. Links are what readability's drop is right about: a list of other
articles, a tag cloud, a share bar. It also drops any list a fifth of whose text is links: an
article's own list often links some of its items (a checklist's products, a guide's picks),
so a list of an article is kept while at most ``MAX_LIST_LINK_DENSITY`` of its text is links;
a list of other articles is links throughout. Either is kept only with the article going on
after it (``MIN_TEXT_AFTER`` characters of paragraphs): the boxes after an article's end (a
donation appeal and its staff list, an author's card) are what the drop is for; or, for a
table, right under a heading (a training plan's last weeks: the article's last section), or
made like one kept (the same tag and class: a guide's last entry, boxed like the others). Set
on the WCXB tuning part's articles (bench/wcxb.py) and the article benchmark's pages
(bench/extraction.py); on other kinds of pages the drops stay as readability makes them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from lxml.html import HtmlElement

__all__ = [
    "MAX_LINK_DENSITY",
    "MAX_LIST_LINK_DENSITY",
    "MIN_CHARS",
    "MIN_TEXT_AFTER",
    "kept_from_drop",
]

MAX_LINK_DENSITY = 0.1
MAX_LIST_LINK_DENSITY = 0.6
MIN_TEXT_AFTER = 200  # characters of paragraphs after an element kept from the drop
MIN_CHARS = 25  # readability's own shortest paragraph (Document.min_text_length)
_CLEANED_TAGS = ("table", "ul", "div", "aside", "header", "footer", "section")
_LISTS = frozenset({"ul", "ol"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def kept_from_drop(
    node: HtmlElement,
    candidates: Mapping[HtmlElement, Mapping[str, Any]],
    *,
    class_weight: Callable[[HtmlElement], float],
    link_density: Callable[[HtmlElement], float],
    text_length: Callable[[HtmlElement], int],
) -> dict[HtmlElement, bool]:
    """The elements below ``node`` that readability's ``sanitize`` may not drop, in the form
    of its preserved elements: those it would drop for their class weight and score
    (``candidates``: its paragraph scores) that hold text without links, and the lists whose
    text is not mostly links; either with the article's paragraphs going on after it."""
    kept: dict[HtmlElement, bool] = {}
    last: list[HtmlElement] = []  # text without links, but no article after it
    for element in node.iter(*_CLEANED_TAGS, "ol"):
        if element is node or not isinstance(element, HtmlElement):
            continue
        if element.tag not in _LISTS:  # the cheap test first: most elements stop here
            score = candidates[element]["content_score"] if element in candidates else 0.0
            if class_weight(element) + score >= 0:
                continue
        ceiling = MAX_LIST_LINK_DENSITY if element.tag in _LISTS else MAX_LINK_DENSITY
        if text_length(element) < MIN_CHARS or link_density(element) > ceiling:
            continue
        if _text_after(element, node, text_length) >= MIN_TEXT_AFTER or _headed_table(element):
            kept[element] = True
        else:
            last.append(element)
    # The article's last sections, made like its earlier ones (a garden guide's plants, each
    # in a box of the same class): kept like them.
    made = {_made(element) for element in kept} - {None}
    kept.update((element, True) for element in last if _made(element) in made)
    return kept


def _made(element: HtmlElement) -> tuple[str, str] | None:
    """An element's tag and class, None without a class (a bare list is made like any other)."""
    name = " ".join(element.get("class", "").split())
    return (element.tag, name) if name else None


def _headed_table(element: HtmlElement) -> bool:
    """Whether ``element`` is a table, or holds one, right under a heading: a section of the
    article (a training plan's last weeks), not a box after its end."""
    if next(element.iter("table"), None) is None:  # the element itself is iterated first
        return False
    current: HtmlElement | None = element
    while current is not None:
        before = current.getprevious()
        while before is not None and (
            not isinstance(before.tag, str) or not before.text_content().strip()
        ):
            before = before.getprevious()  # a comment, an empty element (a scroll shadow)
        if before is not None:
            return before.tag in _HEADINGS
        current = current.getparent()
    return False


def _text_after(
    element: HtmlElement, node: HtmlElement, text_length: Callable[[HtmlElement], int]
) -> int:
    """How much paragraph text follows ``element`` inside ``node`` (counted up to
    ``MIN_TEXT_AFTER``)."""
    total = 0
    current: HtmlElement | None = element
    while current is not None and current is not node:
        for sibling in current.itersiblings():
            for paragraph in sibling.iter("p"):
                total += text_length(paragraph)
                if total >= MIN_TEXT_AFTER:
                    return total
        current = current.getparent()
    return total
