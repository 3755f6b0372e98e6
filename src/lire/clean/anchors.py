"""Where an element the DOM pass drops stood on the page: the last words of the text just
before it and the first words just after it, so that ``lire.clean.restore`` can put it back
between them rather than at the end of the article.

The words come from the nearest text on each side that belongs to one block (a paragraph, a
heading, a list item, an image's alt text: what extraction makes a block of), read nearest
first and only so far: each side looks at ``MAX_STEPS`` pieces of text at most, so a page of
empty elements costs no more. Elements dropped with it are passed over: their text is not the
article's either.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the app reads anchors (lire.clean.restore) without loading lxml
    from lxml.html import HtmlElement

__all__ = ["ANCHOR_WORDS", "anchor_words", "anchors", "anchors_of_runs"]

ANCHOR_WORDS = 8  # words kept on each side
MAX_STEPS = 200  # pieces of text looked at on each side
_SLICE = 600  # characters of a piece read for its words (the nearest end)
_WORD = re.compile(r"\w+")
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font",
        "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong",
        "sub", "sup", "time", "u", "var", "wbr",
    }
)  # fmt: skip

_Piece = tuple["HtmlElement", str | None]  # a piece of text and the element it sits in


def anchor_words(text: str) -> list[str]:
    """The words anchors are made of and compared in: ``\\w`` runs, case folded."""
    return _WORD.findall(text.casefold())


def anchors(
    element: HtmlElement, dropped: Collection[HtmlElement]
) -> tuple[str | None, str | None]:
    """The last words before ``element`` and the first words after it (None: no text there),
    passing over the elements in ``dropped``."""
    return _gather(_backward(element, dropped), last=True), _gather(
        _forward(element, dropped), last=False
    )


def anchors_of_runs(
    elements: Sequence[HtmlElement], wanted: AbstractSet[int]
) -> dict[int, tuple[str | None, str | None]]:
    """``anchors`` of the elements at the indices ``wanted`` of ``elements`` (every element
    dropped, in document order). Siblings dropped side by side with only spacing between them
    stand between the same words: a run of them is read once, from its two ends (a page of
    20,000 buttons read each one's 200 steps of neighbours)."""
    dropped = set(elements)
    found: dict[int, tuple[str | None, str | None]] = {}
    start = 0
    for end in range(1, len(elements) + 1):
        if end < len(elements) and _side_by_side(elements[end - 1], elements[end]):
            continue
        indices = [i for i in range(start, end) if i in wanted]  # (wanted: a set)
        if indices:
            words = (
                _gather(_backward(elements[start], dropped), last=True),
                _gather(_forward(elements[end - 1], dropped), last=False),
            )
            found.update(dict.fromkeys(indices, words))
        start = end
    return found


def _side_by_side(first: HtmlElement, second: HtmlElement) -> bool:
    return first.getnext() is second and not (first.tail or "").strip()


def _gather(pieces: Iterator[_Piece], *, last: bool) -> str | None:
    """The words of the nearest pieces that sit in one block, up to ``ANCHOR_WORDS``."""
    owner: HtmlElement | None = None
    words: list[str] = []
    for steps, (container, text) in enumerate(pieces):
        if steps >= MAX_STEPS:
            break
        found = anchor_words((text[-_SLICE:] if last else text[:_SLICE]) if text else "")
        if not found:
            continue
        home = _owner(container)
        if owner is None:
            owner = home
        elif home is not owner:
            break
        words = found + words if last else words + found
        if len(words) >= ANCHOR_WORDS:
            break
    if not words:
        return None
    return " ".join(words[-ANCHOR_WORDS:] if last else words[:ANCHOR_WORDS])


def _owner(element: HtmlElement) -> HtmlElement:
    """The block a piece of text in ``element`` belongs to: its nearest non-inline element."""
    while element.tag in _INLINE and (parent := element.getparent()) is not None:
        element = parent
    return element


def _backward(element: HtmlElement, dropped: Collection[HtmlElement]) -> Iterator[_Piece]:
    """The pieces of text before ``element``, nearest first."""
    node = element
    while (parent := node.getparent()) is not None:
        previous = node.getprevious()
        if previous is None:
            yield parent, parent.text
            node = parent
            continue
        yield parent, previous.tail
        if _walked(previous, dropped):
            yield from _inside_backward(previous, dropped)
        node = previous


def _inside_backward(element: HtmlElement, dropped: Collection[HtmlElement]) -> Iterator[_Piece]:
    for child in element.iterchildren(reversed=True):
        yield element, child.tail
        if _walked(child, dropped):
            yield from _inside_backward(child, dropped)
    yield element, _own_text(element)


def _forward(element: HtmlElement, dropped: Collection[HtmlElement]) -> Iterator[_Piece]:
    """The pieces of text after ``element``, nearest first."""
    node = element
    while (parent := node.getparent()) is not None:
        yield parent, node.tail
        following = node.getnext()
        if following is None:
            node = parent
            continue
        if _walked(following, dropped):
            yield from _inside_forward(following, dropped)
        node = following


def _inside_forward(element: HtmlElement, dropped: Collection[HtmlElement]) -> Iterator[_Piece]:
    yield element, _own_text(element)
    for child in element.iterchildren():
        if _walked(child, dropped):
            yield from _inside_forward(child, dropped)
        yield element, child.tail


def _own_text(element: HtmlElement) -> str | None:
    """The text an element holds before its children; an image's is its alt text (extraction
    makes an image block of it: a caption goes back after its picture)."""
    text: str | None = element.get("alt") if element.tag == "img" else element.text
    return text


def _walked(element: HtmlElement, dropped: Collection[HtmlElement]) -> bool:
    """Whether the text inside ``element`` counts: not a comment's, nor a dropped element's."""
    return isinstance(element.tag, str) and element not in dropped
