"""readability-lxml's adapter: the only module that knows readability.

readability is given the tree the DOM pass pruned. It parses its input again when it retries
with a gentler strategy: ``PrunedDocument._parse`` hands it a fresh copy of the pruned tree
each time, so the DOM pass holds for every attempt. Three of its passes are given again with the
same result in less time: ``transform_misused_divs_into_paragraphs`` serialised each div's
children to look for a block tag in the markup, ``remove_unlikely_candidates`` read the
class and id of every element, named or not, and ``get_link_density`` ran three substitutions
over every text it measured, even one they could not change (a whole page's, on a long page).
readability's sentinels ("[no-title]"), log output and exceptions stop here:
``readability_reading`` gives the chosen element (or None) and, when asked (a page whose
metadata has no title), the title readability finds.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from readability import Document
from readability.htmls import shorten_title
from readability.readability import REGEXES, Unparseable, clean

from lire.extract.conditional import kept_from_drop
from lire.extract.divs import misused_divs_to_paragraphs
from lire.extract.widen import widened
from lire.sanitize import sanitize_line
from lire.text.elements import element_text

__all__ = ["PrunedDocument", "ReadabilityReading", "readability_reading", "real_title"]

# readability logs a traceback before raising on an empty page: that would corrupt the TUI.
_READABILITY_LOG = logging.getLogger("readability")
_READABILITY_LOG.addHandler(logging.NullHandler())
_READABILITY_LOG.propagate = False

_NO_TITLE = "[no-title]"
_DISPLAY_NONE = REGEXES["displayNoneRe"]
_UNLIKELY = REGEXES["unlikelyCandidatesRe"]
_MAYBE = REGEXES["okMaybeItsACandidateRe"]
# Where readability's clean() can change a text beyond stripping it: it shortens whitespace runs
# that hold a line break, a tab, or two spaces and more; without two whitespace characters in a
# row, a line break or a tab, its text is only stripped.
_UNCLEAN = re.compile(r"\s\s|[\n\t]")
_NAMED = etree.XPath(".//*[@class or @id]")
_IN_CODE = etree.XPath("ancestor-or-self::pre | ancestor-or-self::code")
_HOLDS_CONTENT = etree.XPath(
    "descendant-or-self::main | descendant-or-self::article | descendant-or-self::math"
)


class PrunedDocument(Document):  # type: ignore[misc]
    """readability's Document over a tree lire has pruned; keeps the chosen element."""

    article: HtmlElement | None = None
    _dropped_any = False  # whether the last remove_unlikely_candidates dropped an element
    article_page = False  # widen the best candidate to its close rivals' ancestor, and keep
    # text without links from the conditional cleaning (lire.extract.conditional)
    _kept: dict[HtmlElement, bool] = {}  # noqa: RUF012 (replaced per cleaning, never mutated)

    def summary(self, html_partial: bool = False, keep_all_images: bool = False) -> str:
        """readability's summary loop, less the gentler attempt when it would repeat the first:
        readability tries again without removing unlikely candidates when its first reading is
        missing or short, but when that removal dropped nothing the second attempt reads the
        same tree to the same result (a page of short paragraphs read it twice)."""
        try:
            ruthless = True
            while True:
                self._html(True)
                for element in self.tags(self.html, "script", "style", "noscript"):
                    element.drop_tree()
                for element in self.tags(self.html, "body"):
                    element.set("id", "readabilityBody")
                if ruthless:
                    self.remove_unlikely_candidates()
                    ruthless = self._dropped_any  # nothing dropped: this is the gentle attempt
                self.transform_misused_divs_into_paragraphs()
                candidates = self.score_paragraphs()
                best = self.select_best_candidate(candidates)
                if best:
                    best = self.get_semantic_article_candidate(candidates, best)
                    best = self.get_semantic_main_candidate(candidates, best)
                if best:
                    article = self.get_article(candidates, best, html_partial=html_partial)
                elif ruthless:
                    ruthless = False
                    continue
                else:
                    article = self.html.find("body")
                    if article is None:
                        article = self.html
                cleaned: str = self.sanitize(article, candidates, keep_all_images)
                if ruthless and len(cleaned or "") < self.retry_length:
                    ruthless = False
                    continue
                return cleaned
        except Exception as error:  # readability's own contract: anything is Unparseable
            raise Unparseable(str(error)) from error

    def select_best_candidate(
        self, candidates: dict[HtmlElement, dict[str, Any]]
    ) -> dict[str, Any] | None:
        """readability's choice, widened on an article to the sections around it
        (``lire.extract.widen``)."""
        best: dict[str, Any] | None = super().select_best_candidate(candidates)
        if not self.article_page or best is None:
            return best
        ranked = sorted(candidates.values(), key=lambda c: c["content_score"], reverse=True)
        scored = [(candidate["elem"], candidate["content_score"]) for candidate in ranked]
        ancestor = widened(best["elem"], best["content_score"], scored)
        if ancestor is None:
            return best
        return candidates.get(ancestor) or {
            "content_score": best["content_score"],
            "elem": ancestor,
        }

    def sanitize(
        self,
        node: HtmlElement,
        candidates: dict[HtmlElement, dict[str, Any]],
        keep_all_images: bool = False,
    ) -> str:
        """readability's cleaning of its chosen element, which on an article keeps the
        elements ``lire.extract.conditional`` names (``get_preserved_elements``)."""
        self._kept = {}
        if self.article_page:
            self._kept = kept_from_drop(
                node,
                candidates,
                class_weight=self.class_weight,
                link_density=self.get_link_density,
                text_length=_text_length,
            )
        cleaned: str = super().sanitize(node, candidates, keep_all_images)
        return cleaned

    def get_preserved_elements(self, node: HtmlElement) -> dict[HtmlElement, bool]:
        """readability's (lists of contents, a lead's quote) and lire's (``sanitize``)."""
        allowed: dict[HtmlElement, bool] = super().get_preserved_elements(node)
        allowed.update(self._kept)
        return allowed

    def score_paragraphs(self) -> dict[HtmlElement, dict[str, Any]]:
        """readability's scoring, the same figures in less time: a paragraph too short to
        count is skipped before its text is cleaned (cleaning only shortens a text), and a text
        is cleaned by readability's ``clean`` only where it can change (``_readability_clean``)."""
        shortest = self.min_text_length
        candidates: dict[HtmlElement, dict[str, Any]] = {}
        ordered: list[HtmlElement] = []
        for element in self.tags(self.html, "p", "pre", "td", "blockquote"):
            raw = element_text(element)
            if len(raw) < shortest:
                continue
            parent = element.getparent()
            if parent is None:
                continue
            inner = _readability_clean(raw)
            if len(inner) < shortest:
                continue
            score = 1 + len(inner.split(",")) + min(len(inner) / 100, 3)
            for node, share in ((parent, 1.0), (parent.getparent(), 0.5)):
                if node is None:
                    continue
                if node not in candidates:
                    candidates[node] = self.score_node(node)
                    ordered.append(node)
                candidates[node]["content_score"] += score * share
        for node in ordered:
            candidates[node]["content_score"] *= 1 - self.get_link_density(node)
        return candidates

    def _parse(self, input: HtmlElement) -> HtmlElement:
        """A fresh copy of the pruned tree for each attempt, prepared as readability's own
        ``_parse`` does (hidden elements dropped, ``<base href>`` resolved) but without its
        lxml_html_clean pass over the whole page: the DOM pass and the parser already removed
        what that pass removes that could reach the text (scripts, styles, comments, links,
        processing instructions), and it was a fifth of the extraction time."""
        tree: HtmlElement = copy.deepcopy(input)
        for element in tree.xpath("//*[@hidden]"):
            element.drop_tree()
        for element in tree.xpath("//*[@style]"):
            if _DISPLAY_NONE.search(element.get("style", "")):
                element.drop_tree()
        tree.resolve_base_href(handle_failures="discard")
        self.encoding = "utf-8"
        return tree

    def remove_unlikely_candidates(self) -> None:
        """readability's pass, over the elements that have a class or an id only."""
        named = _NAMED(self.html)
        self._dropped_any = False
        for element in named if isinstance(named, list) else ():
            if not isinstance(element, HtmlElement):
                continue
            names = "{} {}".format(element.get("class", ""), element.get("id", ""))
            if (
                len(names) >= 2
                and _UNLIKELY.search(names)
                and not _MAYBE.search(names)
                and element.tag not in ("html", "body")
                and not _IN_CODE(element)
                and not _HOLDS_CONTENT(element)
            ):
                element.drop_tree()
                self._dropped_any = True

    def transform_misused_divs_into_paragraphs(self) -> None:
        """readability's pass: a div holding no block element becomes a paragraph, and the
        loose text and inline runs of the other divs are wrapped in paragraphs. Whether an
        element holds a block is read from the tree, not from its serialised markup."""
        misused_divs_to_paragraphs(self.html)

    def get_link_density(self, elem: HtmlElement) -> float:
        """readability's: the share of ``elem``'s text in its links, each text measured as
        readability's ``text_length`` measures it (``_text_length``)."""
        link_length = sum(_text_length(link) for link in elem.findall(".//a"))
        return float(link_length) / max(_text_length(elem), 1)

    def get_clean_html(self) -> str:
        """Keep the chosen element. readability only measures what this returns, to retry
        gentler when it is shorter than ``retry_length``; markup only lengthens the text, so
        the element is serialised (as readability does) only when its text is that short."""
        self.article = self.html
        text: str = self.html.text_content()
        if len(text) >= self.retry_length:
            return text
        html: str = super().get_clean_html()
        return html


@dataclass(frozen=True, slots=True)
class ReadabilityReading:
    """readability's chosen element (None when it found none) and its title."""

    article: HtmlElement | None
    title: str | None


def readability_reading(
    root: HtmlElement, *, title: bool = True, article: bool = False
) -> ReadabilityReading:
    """What readability makes of the (pruned) page ``root``; ``root`` is left as it was.
    ``title``: whether to find readability's title (it reads the whole page again); ``article``:
    whether the page reads as an article (readability's choice may then widen to the sections
    around it, and keeps text without links from its conditional cleaning)."""
    # No url: readability would rewrite every link of the page; html_blocks resolves the kept ones.
    document = PrunedDocument(root)
    document.article_page = article
    try:
        document.summary(html_partial=True)
    except Unparseable:
        return ReadabilityReading(None, None)
    if document.article is None:
        return ReadabilityReading(None, None)
    if not title:
        return ReadabilityReading(document.article, None)
    # readability's short_title parses its input again; it only reads the tree, so it is
    # given the pruned page itself.
    return ReadabilityReading(document.article, real_title(sanitize_line(shorten_title(root))))


def _text_length(element: HtmlElement) -> int:
    """readability's ``text_length``: the length of the element's text after its ``clean``."""
    return len(_readability_clean(element_text(element)))


def _readability_clean(text: str) -> str:
    """readability's ``clean``, which only strips a text without a whitespace run it would
    shorten (``_UNCLEAN``)."""
    return text.strip() if _UNCLEAN.search(text) is None else str(clean(text))


def real_title(title: str | None) -> str | None:
    """``title`` unless it is empty or readability's "[no-title]" sentinel."""
    return None if not title or title == _NO_TITLE else title
