"""Inline elements inside running text keep their words through the DOM pass and readability.

Both drop elements by their class and id words ("tooltip", "share", "ad", "related", "popup"):
right for a share bar or an ad slot, wrong for a link in mid-sentence that a site styles with
such a class ("you can find that with <a class="tooltip">the tool</a>. Unlike..."). A phrasing
element with sentence text on either side of it is part of its sentence: it loses its class and
id (which only style it) before either runs, so its text stays where it was.

Two elements written side by side that a page shows as two things read as two words
(``apart_from_previous``): two links (``<a>Free trial</a><a>Request a demo</a>``, two buttons),
or two pieces whose words would run together, a lower-case end before a capital (two badges
``<span>Genuine Part</span><span>Lifetime Guarantee</span>``, a brand and a product's name).
"""

from __future__ import annotations

from itertools import islice

from lxml.html import HtmlElement

__all__ = ["INLINE_TAGS", "apart_from_previous", "unmark_running_text"]

INLINE_TAGS = (
    "a", "abbr", "b", "bdi", "cite", "code", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "time", "u", "var",
)  # fmt: skip
_ATTRIBUTES = ("class", "id")
_LOOK_BACK = 8  # pieces of text read to tell where two side-by-side elements' words meet


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


def apart_from_previous(element: HtmlElement, pieces: list[str]) -> None:
    """Append a space to ``pieces`` (the text read so far) when ``element`` and the element
    right before it, with no text between them, would otherwise run together."""
    previous = element.getprevious()
    if previous is None or previous.tail or not isinstance(previous.tag, str):
        return
    if previous.tag == "a" and element.tag == "a":
        pieces.append(" ")
        return
    if not _first_character(element).isupper():
        return
    last = next((piece[-1] for piece in pieces[-_LOOK_BACK:][::-1] if piece), "")
    if last.islower():
        pieces.append(" ")


def _first_character(element: HtmlElement) -> str:
    """The first character of ``element``'s text that is not a space, within its first
    ``_LOOK_BACK`` pieces of text (a hostile page's thousand blank ones are not read)."""
    for text in islice(element.itertext(), _LOOK_BACK):
        if stripped := str(text).lstrip():
            return stripped[0]
    return ""
