"""The DOM pass's prose layer: small containers whose text is a pitch, by the block rules.

readability keeps the article's body and silently leaves out a pitch written as plain prose in a
plain ``<div>`` with a neutral class ("Word abonnee van De Avondkrant en lees onbeperkt...", "Este
artigo é exclusivo para assinantes..."); the class rules of ``lire.clean.dom`` miss it too, so
nothing would say it was removed. Here each small text container (div, section, aside, footer,
header or p of ``MIN_WORDS`` to ``MAX_WORDS`` words, not inside a paragraph, not sitting among the
article's paragraphs) is judged by the block cleaner's own phrase rules (``lire.clean.classify``:
the same named rules for the page's language, quoted words masked). It goes when its text is a
pitch through and through (``lire.clean.classify.pitch_rule``) and none of its lines reads as
article.

Containers are judged top-down: a pitch goes whole with what it holds; a small container whose
text holds none of the strings the strong rules require is skipped with everything under it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from lire.clean.classify import ARTICLE_WORDS, judge, pitch_rule
from lire.clean.prefilter import Prefilter, prefilter_for
from lire.clean.rules import RuleSet, default_rules
from lire.model import Block, BlockKind
from lire.text.elements import element_text

__all__ = ["MAX_WORDS", "MIN_WORDS", "find_pitches", "page_prefilter"]

MAX_WORDS = 80  # a container with more words than this is not judged (its children may be)
MAX_CHARS = 1_200  # nor one with more characters
MIN_WORDS = 4  # nor one with fewer words (a label, a button: no prose), nor anything in it
SIBLING_WORDS = 2 * ARTICLE_WORDS  # this many words of sibling paragraphs: the article's body
CONTAINERS = frozenset({"div", "section", "aside", "footer", "header", "p"})
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
# Inline elements are not visited: a container inside one is a card (a linked teaser, a label).
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "button", "cite", "code", "em", "font", "i", "label", "small", "span",
     "strong", "sub", "sup", "time", "u"}
)  # fmt: skip
Protects = Callable[[HtmlElement, str], bool]


def page_prefilter(
    rules: RuleSet | None = None, lang: str | None = None, host: str | None = None
) -> Prefilter:
    """The block rules for the page's language and for its site (``host``)."""
    return prefilter_for((rules or default_rules()).select(lang, host))


def find_pitches(
    root: HtmlElement, screen: Prefilter, protects: Protects
) -> Iterator[tuple[HtmlElement, str]]:
    """Each container under ``root`` whose text is a pitch, with the rule that names it.

    ``protects`` says whether an element holds the content (a large share of the page's text).
    Paragraphs are judged, never what is inside them. The caller may drop each element yielded:
    nothing under it is visited afterwards.
    """
    search = _Search(screen, protects)
    stack = [_Visit(root, 0, None, element_text(root))]
    while stack:
        visit = stack.pop()
        outcome = search.judge(visit)
        if isinstance(outcome, str):
            yield visit.element, outcome
        elif outcome is not None:
            stack.extend(_children(visit.element, outcome))


@dataclass(frozen=True, slots=True)
class _Visit:
    """An element to visit, the words of the paragraphs beside it, the strong needles in its
    parent's text when that was searched (else None), and its text."""

    element: HtmlElement
    beside: int
    needles: tuple[str, ...] | None
    raw: str


@dataclass(slots=True)
class _Search:
    """The judge of one page's containers; it remembers its verdicts by text (nested
    wrappers share their text)."""

    screen: Prefilter
    protects: Protects
    pitches: dict[str, str | None] = field(default_factory=dict)

    def judge(self, visit: _Visit) -> str | tuple[str, ...] | None:
        """The rule when the element is a pitch; else the needles to visit its children with,
        or None when they are not worth a visit."""
        element, needles, tag = visit.element, visit.needles, visit.element.tag
        split = visit.raw.split() if len(visit.raw) <= MAX_CHARS else None
        if split is not None and len(split) <= MAX_WORDS:
            if len(split) < MIN_WORDS or (tag == "p" and visit.beside >= SIBLING_WORDS):
                return None  # too short to be prose, or one of the article's paragraphs
            text = " ".join(split)
            needles = _strong_needles(text.casefold(), self.screen, needles)
            if not (needles or self.screen.strong_always):
                return None  # nothing under it can be a pitch either
            reach = max((self.screen.strong_reach[n] for n in needles), default=MAX_WORDS)
            if (
                tag in CONTAINERS
                and visit.beside < SIBLING_WORDS
                and len(split) <= reach
                and not self.protects(element, text)
                and (rule := self.pitch(element, text))
            ):
                return rule
        return None if tag == "p" else needles or ()

    def pitch(self, element: HtmlElement, text: str) -> str | None:
        if text not in self.pitches:
            self.pitches[text] = _pitch(element, self.screen)
        return self.pitches[text]


def _strong_needles(
    folded: str, screen: Prefilter, known: tuple[str, ...] | None
) -> tuple[str, ...]:
    """The strong rules' needles in ``folded``, among ``known`` (the parent's) when given."""
    if known is None:
        return tuple(n for n in screen.needles_in(folded) if n in screen.strong_reach)
    return tuple(needle for needle in known if needle in folded)


def _children(element: HtmlElement, needles: tuple[str, ...]) -> Iterator[_Visit]:
    """The children worth visiting (containers, or block elements holding some), in reverse
    order, each with the words of the paragraphs beside it."""
    children = [
        (child, element_text(child))
        for child in element
        if isinstance(child.tag, str)
        and (child.tag in CONTAINERS or (len(child) and child.tag not in _INLINE_TAGS))
    ]
    words = [len(text.split()) if child.tag == "p" else 0 for child, text in children]
    beside = sum(words)
    for (child, text), own in zip(reversed(children), reversed(words), strict=True):
        if child.tag == "p" and (own < MIN_WORDS or beside - own >= SIBLING_WORDS):
            continue  # a label, or one of the article's paragraphs: ``_Search.judge`` says None
        yield _Visit(child, beside - own, needles or None, text)


def _pitch(element: HtmlElement, screen: Prefilter) -> str | None:
    """The rule naming the container's text a pitch, unless one of its lines reads as article."""
    lines = _lines(element)
    rule = pitch_rule("\n".join(lines), screen)
    if rule is None or any(
        judge(Block(BlockKind.PARAGRAPH, line), screen, edge=False).article for line in lines
    ):
        return None
    return rule


def _lines(element: HtmlElement) -> list[str]:
    """The element's text, one line per block (paragraph, heading, list item, line break)."""
    lines: list[str] = []
    pieces: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if isinstance(node.tag, str) and node.tag in _BLOCK_TAGS:
            if line := " ".join("".join(pieces).split()):
                lines.append(line)
            pieces.clear()
        if event == "start" and isinstance(node.tag, str) and node.text:
            pieces.append(node.text)
        elif event == "end" and node is not element and node.tail:
            pieces.append(node.tail)
    if line := " ".join("".join(pieces).split()):
        lines.append(line)
    return lines
