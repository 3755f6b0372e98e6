"""The DOM pass: the cleaner's first layer, run on the parsed page before readability.

It drops elements whose role is plain from the markup alone (hidden elements, but not the
prose a page collapses until it is opened: an accordion's panel, a tab; dialogs, forms,
navigation, consent banners, share bars, newsletter and paywall boxes, related lists, comments,
ads, author boxes), by tag, ARIA role, ``aria-label`` and whole class/id words. The words are
data, grouped by concept, in ``packs/dom.toml``; a utility class with a variant ("md:menu"), a
heading's id (a table of contents' anchor) and a word after "no" ("no_toc_section") name
nothing. An element that holds most of the page's text, or the page's ``<main>``, is never
dropped (a form's choices excepted: a ``<select>`` is never the article), and neither is
``<html>`` or ``<body>``; a FAQ's question on a button stays with its answer
(``lire.clean.questions``).

Each dropped element that had text becomes ``Removal("<category>/dom-<how>", text)``. Then small
containers whose prose is a pitch by the block cleaner's own phrase rules go too
(``lire.clean.prose``), each recorded under the name of the rule that matched it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from lire.clean.anchors import anchors_of_runs
from lire.clean.dom_rules import DomRules, load_dom_rules, token_rule, words
from lire.clean.prose import find_pitches, page_prefilter
from lire.clean.questions import is_question_toggle
from lire.clean.rules import RuleSet
from lire.model import BlockKind, Removal
from lire.sanitize import sanitize_line
from lire.text.elements import element_text

__all__ = ["prune"]

# An element holding more than these shares of the page's text, or of the text of its
# paragraphs, is the content, whatever its name.
TEXT_SHARE = 0.4
PARAGRAPH_SHARE = 0.3
# An article holding this many articles lists teasers (related posts, comments), one per article.
MIN_TEASERS = 2
EMBED_CLASS = "lire-embedded-post"
_WRAPPER_SLACK = 20  # characters a wrapper may add around an embedded post (a label, a link)
_EMBEDDED_POST = etree.XPath(f"boolean(.//*[@class='{EMBED_CLASS}'])")
_NEVER_DROPPED = frozenset({"html", "body", "main", "head"})
_CODE = frozenset({"pre", "code"})
COLLAPSED_CHARS = 150  # hidden text this long, mostly not links, is collapsed content
LINKED_SHARE = 0.5
_ADDRESS = re.compile(r"https?://|www\.|@\w|\.(?:com|org|net)\b")  # a URL shown as the link text
# A "read more" element that holds prose is a description's collapsed remainder, not teasers.
_TOGGLES = frozenset({"related/dom-class-read-more", "related/dom-class-readmore"})
_CLASS_COUNT = etree.XPath("count(//*[@class = $name])")
_COMPONENT_ATTRIBUTES = ("data-component", "data-module")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def prune(
    root: HtmlElement,
    rules: DomRules | None = None,
    *,
    block_rules: RuleSet | None = None,
    lang: str | None = None,
    host: str | None = None,
    listing: bool = False,
) -> tuple[Removal, ...]:
    """Drop the boilerplate elements of ``root`` (a tree the caller owns) and say what went.

    ``block_rules`` (default: the shipped packs) judge prose pitches, with the rules of the
    page's language ``lang`` and the site rules of ``host``. Each removal says where it stood
    (``lire.clean.anchors``); what the user restored on the site is put back by the block pass.
    On a ``listing`` (a listing or a collection, as the page says of itself), ``<article>``
    items inside another article are the page's items, not teasers of other articles.
    """
    rules = rules or load_dom_rules()
    for element in list(root.iter(*rules.silent_tags)):
        element.drop_tree()
    _keep_embeds(root, rules.embeds)
    body = root.find("body")
    start = body if body is not None else root
    guard = _Guard.of(start)
    dropped = _dropped(root, rules, guard, listing=listing)
    removals = _removals([(element, rule) for element, rule, text in dropped if text])
    for element, _, _ in dropped:
        element.drop_tree()
    screen = page_prefilter(block_rules, lang, host)
    pitches = list(find_pitches(start, screen, guard.protects))
    removals += _removals(pitches)
    for element, _ in pitches:
        element.drop_tree()
    return tuple(removals)


def _removals(dropped: list[tuple[HtmlElement, str]]) -> list[Removal]:
    """A removal for each element about to be dropped (all still in the tree), with the words
    around it; an element without words is dropped unrecorded."""
    texts = [_spaced_text(element) for element, _ in dropped]
    wanted = {i for i, text in enumerate(texts) if text}
    words = anchors_of_runs([element for element, _ in dropped], wanted)
    removals = []
    for i, (element, rule) in enumerate(dropped):
        if text := texts[i]:
            after, before = words[i]
            kind = BlockKind.CAPTION if _in_figure(element) else BlockKind.PARAGRAPH
            removals.append(Removal(rule, text, kind=kind, after=after, before=before))
    return removals


def _in_figure(element: HtmlElement) -> bool:
    """True for a caption, or a photo credit inside a figure: text about its picture."""
    return element.tag == "figcaption" or any(a.tag == "figure" for a in element.iterancestors())


@dataclass(frozen=True, slots=True)
class _Guard:
    """What makes an element the content: a large share of the page's text or paragraphs."""

    text_limit: float
    paragraph_limit: float

    @classmethod
    def of(cls, body: HtmlElement) -> _Guard:
        text, paragraphs = len(_text(body)), _paragraph_chars(body)
        return cls(max(TEXT_SHARE * text, 1.0), max(PARAGRAPH_SHARE * paragraphs, 1.0))

    def protects(self, element: HtmlElement, text: str) -> bool:
        size = len(text)  # paragraphs' text is part of it: no need to count them when small
        return (
            size > self.text_limit
            or (size > self.paragraph_limit and _paragraph_chars(element) > self.paragraph_limit)
            or element.find(".//main") is not None
            or bool(_EMBEDDED_POST(element))
        )


def _is_teaser(article: HtmlElement) -> bool:
    """An ``<article>`` among several inside another article: a teaser for other posts."""
    outer = next(article.iterancestors("article"), None)
    return outer is not None and len(outer.findall(".//article")) >= MIN_TEASERS


def _is_link_only(paragraph: HtmlElement) -> bool:
    """A paragraph that is nothing but a link (a teaser or a call to action), not a bare URL."""
    links = list(paragraph.iter("a"))
    if not links:  # most paragraphs: no link to look at
        return False
    text = _text(paragraph)
    linked = sum(len(_text(link)) for link in links)
    return bool(text) and linked >= len(text) - 1 and not _ADDRESS.search(text)


def _hidden(attrib: Mapping[str, str]) -> str | None:
    """The rule of an element the page hides, by an attribute or by its style."""
    if "hidden" in attrib or attrib.get("aria-hidden") == "true":
        return "hidden/dom-attribute"
    if (style := attrib.get("style")) and _HIDING_STYLE.search(style):
        return "hidden/dom-style"
    return None


def _collapsed_prose(element: HtmlElement) -> bool:
    """Text a page hides until the reader opens it, not chrome: an accordion's panel, a tab, a
    description's "read more" remainder (prose with few links). Its other names still judge it."""
    text = _text(element)
    if len(text) < COLLAPSED_CHARS:
        return False
    linked = sum(len(_text(link)) for link in element.iter("a"))
    return linked < LINKED_SHARE * len(text)


def _collapsed_description(element: HtmlElement) -> bool:
    """A "read more" element that is a description's collapsed remainder: prose with few links,
    and the only element of the page with its class (each review or teaser has its own)."""
    return _collapsed_prose(element) and _CLASS_COUNT(element, name=element.get("class", "")) == 1


def _keep_embeds(root: HtmlElement, embeds: frozenset[str]) -> None:
    """Give embedded posts, and wrappers holding nothing else, a neutral class: readability
    drops "twitter-tweet" or "social-media-embed" by its name alone."""
    for element in root.iter("blockquote", "div"):
        if embeds.intersection((element.get("class") or "").lower().split()):
            element.set("class", EMBED_CLASS)
            size = len(_text(element))
            wrapper = element.getparent()
            while wrapper is not None and len(_text(wrapper)) <= size + _WRAPPER_SLACK:
                wrapper.set("class", EMBED_CLASS)
                wrapper = wrapper.getparent()


def _paragraph_chars(element: HtmlElement) -> int:
    return sum(len(_text(paragraph)) for paragraph in element.iter("p"))


def _dropped(
    root: HtmlElement, rules: DomRules, guard: _Guard, *, listing: bool
) -> list[tuple[HtmlElement, str, str]]:
    """The elements to drop, in document order, with their rule and text; nothing inside one
    of them is looked at (the tree is read whole before anything is dropped)."""
    named: dict[str, str | None] = {}  # class/id names -> rule: pages repeat their classes
    dropped: list[tuple[HtmlElement, str, str]] = []
    walk = etree.iterwalk(root, events=("start",))
    for _event, element in walk:
        tag = element.tag
        if (
            tag in _NEVER_DROPPED
            or element is root
            or not (rule := _rule_for(element, tag, rules, named, listing=listing))
        ):
            if tag in _CODE:  # a highlighter's classes ("comment", "tag") name code, not chrome
                walk.skip_subtree()
            continue
        text = _text(element)
        if tag == "button" and is_question_toggle(element, text):
            continue  # an accordion's question: its answer is kept (_collapsed_prose)
        if tag in rules.unguarded_tags or _modal(element) or not guard.protects(element, text):
            dropped.append((element, rule, text))
            walk.skip_subtree()
    return dropped


def _modal(element: HtmlElement) -> bool:
    """A modal dialog (a closed ``<dialog>``, or one that says it is modal): it covers the page
    when it opens, a privacy policy or a size guide, never the page's content."""
    if element.tag == "dialog":
        return "open" not in element.attrib
    return bool(element.get("aria-modal") == "true")


def _rule_for(
    element: HtmlElement, tag: str, rules: DomRules, named: dict[str, str | None], *, listing: bool
) -> str | None:
    """The most specific rule that drops ``element``: what it says it is before what it is (on
    a ``listing``, the ``<article>`` items inside another are its content, not teasers)."""
    if tag == "article" and not listing and _is_teaser(element):
        return "related/dom-nested-article"
    if tag == "p" and _is_link_only(element):
        return "related/dom-link-paragraph"
    if len(element.attrib) and (rule := _attribute_rule(element, rules, named)):
        return rule  # (most elements have no attribute: nothing to read)
    if category := rules.tags.get(tag):
        return f"{category}/dom-{tag}"
    return None


def _attribute_rule(
    element: HtmlElement, rules: DomRules, named: dict[str, str | None]
) -> str | None:
    """The rule that ``element``'s attributes name: hidden, class and id words, label, role."""
    attrib = element.attrib
    if (hidden := _hidden(attrib)) and not _collapsed_prose(element):
        return hidden
    # A heading's id is the anchor a table of contents links to ("toc-heading-7"), not a name.
    anchor = "" if element.tag in _HEADINGS else attrib.get("id", "")
    names = " ".join((attrib.get("class", ""), anchor, *_component_names(attrib)))
    if names not in named:
        named[names] = token_rule(names, rules)
    if (rule := named[names]) and not (rule in _TOGGLES and _collapsed_description(element)):
        return rule
    if label := attrib.get("aria-label"):
        for word in words(label):
            if category := rules.labels.get(word):
                return f"{category}/dom-label-{word}"
    if (role := attrib.get("role")) and (category := rules.roles.get(role.strip().lower())):
        return f"{category}/dom-role-{role.strip().lower()}"
    return None


def _component_names(attrib: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(attrib[key] for key in _COMPONENT_ATTRIBUTES if key in attrib)


def _text(element: HtmlElement) -> str:
    return " ".join(element_text(element).split())


def _spaced_text(element: HtmlElement) -> str:
    """The element's text with its pieces spaced ("Sur le même sujet Lithium..." rather than
    "sujetLithium"), as shown in a removal record."""
    return sanitize_line(" ".join(element.itertext()))
