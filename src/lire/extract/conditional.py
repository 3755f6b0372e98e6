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
articles, a tag cloud, a share bar. Set on the WCXB tuning part's articles (bench/wcxb.py);
on other kinds of pages the drop stays as readability makes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from lxml.html import HtmlElement

__all__ = ["MAX_LINK_DENSITY", "MIN_CHARS", "kept_from_drop"]

MAX_LINK_DENSITY = 0.1
MIN_CHARS = 25  # readability's own shortest paragraph (Document.min_text_length)
_CLEANED_TAGS = ("table", "ul", "div", "aside", "header", "footer", "section")


def kept_from_drop(
    node: HtmlElement,
    candidates: Mapping[HtmlElement, Mapping[str, Any]],
    *,
    class_weight: Callable[[HtmlElement], float],
    link_density: Callable[[HtmlElement], float],
    text_length: Callable[[HtmlElement], int],
) -> dict[HtmlElement, bool]:
    """The elements below ``node`` that readability's ``sanitize`` would drop for their class
    weight and score (``candidates``: its paragraph scores) and that hold text without links,
    in the form of readability's preserved elements."""
    kept: dict[HtmlElement, bool] = {}
    for element in node.iter(*_CLEANED_TAGS):
        if element is node or not isinstance(element, HtmlElement):
            continue
        score = candidates[element]["content_score"] if element in candidates else 0.0
        if class_weight(element) + score >= 0:
            continue
        if text_length(element) >= MIN_CHARS and link_density(element) <= MAX_LINK_DENSITY:
            kept[element] = True
    return kept
