"""Inline elements inside running text keep their words through the DOM pass and readability.

Both drop elements by their class and id words ("tooltip", "share", "ad", "related", "popup"):
right for a share bar or an ad slot, wrong for a link in mid-sentence that a site styles with
such a class ("you can find that with <a class="tooltip">the tool</a>. Unlike..."). A phrasing
element with sentence text on either side of it is part of its sentence: it loses its class and
id (which only style it) before either runs, so its text stays where it was.
"""

from __future__ import annotations

from lxml.html import HtmlElement

__all__ = ["INLINE_TAGS", "unmark_running_text"]

INLINE_TAGS = (
    "a", "abbr", "b", "bdi", "cite", "code", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "time", "u", "var",
)  # fmt: skip
_ATTRIBUTES = ("class", "id")


def unmark_running_text(root: HtmlElement) -> None:
    """Remove the class and id of every phrasing element that sits between words."""
    for element in root.iter(*INLINE_TAGS):
        if (element.get("class") or element.get("id")) and _between_words(element):
            for name in _ATTRIBUTES:
                element.attrib.pop(name, None)


def _between_words(element: HtmlElement) -> bool:
    """True when text that is not only spacing stands right before and right after it."""
    before = _text_before(element)
    after = element.tail or ""
    return _has_word(before) and bool(after.strip())


def _text_before(element: HtmlElement) -> str:
    previous = element.getprevious()
    if previous is not None:
        return previous.tail or ""
    parent = element.getparent()
    return (parent.text or "") if parent is not None else ""


def _has_word(text: str) -> bool:
    return any(character.isalnum() for character in text)
