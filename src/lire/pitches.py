"""The DOM pass's prose layer: small containers whose text is a pitch, by the block rules.

readability keeps the article's body and silently leaves out a pitch written as plain prose in
a plain ``<div>`` with a neutral class ("Word abonnee van De Avondkrant en lees onbeperkt...",
"Este artigo é exclusivo para assinantes..."); the class rules of ``lire.prune`` miss it too,
so nothing would say it was removed. Here each small text container (div, section, aside,
footer, header or p of at most ``MAX_WORDS`` words, not inside a paragraph, not sitting among
the article's paragraphs) is judged by the block cleaner's own phrase rules (``lire.classify``:
the same named rules for the page's language, quoted words masked). It goes when its text is a
pitch through and through and none of its blocks reads as article.

Containers are judged top-down: a pitch goes whole with what it holds; a small container whose
text no strong rule could match is skipped with everything under it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from lire.classify import ARTICLE_WORDS, Screen, judge, pitch_rule, screen_for
from lire.htmlblocks import element_blocks
from lire.language import detect_language
from lire.rules import RuleSet, default_rules

__all__ = ["MAX_WORDS", "find_pitches", "page_screen"]

MAX_WORDS = 80  # a container with more words than this is not judged (its children may be)
MAX_CHARS = 1_200  # nor one with more characters
SIBLING_WORDS = 2 * ARTICLE_WORDS  # this many words of sibling paragraphs: the article's body
CONTAINERS = frozenset({"div", "section", "aside", "footer", "header", "p"})
_LANG_PATHS = (
    "string(@lang)",
    "string(head/meta[@property='og:locale']/@content)",
    "string(head/meta[@http-equiv='content-language']/@content)",
)
Protects = Callable[[HtmlElement, str], bool]


def page_screen(root: HtmlElement, rules: RuleSet | None = None) -> Screen:
    """The block rules for the page's language: declared by the page, else detected."""
    lang = next(filter(None, (str(root.xpath(path)).strip() for path in _LANG_PATHS)), None)
    if lang is None:
        body = root.find("body")
        lang = detect_language((body if body is not None else root).text_content())
    return screen_for((rules or default_rules()).select(lang, None))


def find_pitches(
    root: HtmlElement, screen: Screen, protects: Protects
) -> Iterator[tuple[HtmlElement, str]]:
    """Each container under ``root`` whose text is a pitch, with the rule that names it.

    ``protects`` says whether an element holds the content (a large share of the page's text).
    Paragraphs are judged, never what is inside them. The caller may drop each element yielded:
    nothing under it is visited afterwards.
    """
    pitches: dict[str, str | None] = {}  # text -> rule: nested wrappers share their text
    stack: list[_Visit] = [_Visit(root, 0, None)]
    while stack:
        visit = stack.pop()
        element, needles = visit.element, visit.needles
        raw = element.text_content()
        split = raw.split() if len(raw) <= MAX_CHARS else None
        if split is not None and len(split) <= MAX_WORDS:
            among = visit.beside - (len(split) if element.tag == "p" else 0) >= SIBLING_WORDS
            if among and element.tag == "p":
                continue  # one of the article's paragraphs: the block cleaner judges it
            text = " ".join(split)
            needles = _strong_needles(text.casefold(), screen, needles)
            if not (needles or screen.strong_always):
                continue  # nothing under it can be a pitch either
            if (
                element.tag in CONTAINERS
                and not among
                and not protects(element, text)
                and (rule := _cached_pitch(pitches, element, text, screen))
            ):
                yield element, rule
                continue
        if element.tag != "p":
            stack.extend(_children(element, needles))


@dataclass(frozen=True, slots=True)
class _Visit:
    """An element to visit, the words of the paragraphs beside it, and the strong needles in
    its parent's text when that was short (None when it was not searched)."""

    element: HtmlElement
    beside: int
    needles: tuple[str, ...] | None


def _strong_needles(folded: str, screen: Screen, known: tuple[str, ...] | None) -> tuple[str, ...]:
    """The strong rules' needles in ``folded``, among ``known`` (the parent's) when given."""
    if known is None:
        return tuple(n for n in screen.needles_in(folded) if n in screen.strong_needles)
    return tuple(needle for needle in known if needle in folded)


def _cached_pitch(
    pitches: dict[str, str | None], element: HtmlElement, text: str, screen: Screen
) -> str | None:
    if text not in pitches:
        pitches[text] = _pitch(element, screen)
    return pitches[text]


def _children(element: HtmlElement, needles: tuple[str, ...] | None) -> Iterator[_Visit]:
    """The children worth visiting (containers, or elements holding some), in reverse order,
    each with the words of the paragraphs directly under ``element``."""
    children = [child for child in element if isinstance(child.tag, str)]
    beside = sum(len(child.text_content().split()) for child in children if child.tag == "p")
    for child in reversed(children):
        if child.tag in CONTAINERS or len(child):
            yield _Visit(child, beside, needles)


def _pitch(element: HtmlElement, screen: Screen) -> str | None:
    """The rule naming the container's text a pitch, unless one of its blocks reads as article."""
    blocks = element_blocks(element)
    rule = pitch_rule("\n".join(block.text for block in blocks), screen)
    if rule is None or any(judge(block, screen, edge=False).article for block in blocks):
        return None
    return rule
