"""readability-lxml's adapter: the only module that knows readability.

readability is given the tree the DOM pass pruned. It parses its input again when it retries
with a gentler strategy: ``PrunedDocument._parse`` hands it a fresh copy of the pruned tree
each time, so the DOM pass holds for every attempt. readability's sentinels ("[no-title]"), log
output and exceptions stop here: ``readability_reading`` gives the chosen element (or None) and
the title readability found.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass

from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES, Unparseable

from lire.sanitize import sanitize_line

__all__ = ["PrunedDocument", "ReadabilityReading", "readability_reading", "real_title"]

# readability logs a traceback before raising on an empty page: that would corrupt the TUI.
_READABILITY_LOG = logging.getLogger("readability")
_READABILITY_LOG.addHandler(logging.NullHandler())
_READABILITY_LOG.propagate = False

_NO_TITLE = "[no-title]"
_DISPLAY_NONE = REGEXES["displayNoneRe"]


class PrunedDocument(Document):  # type: ignore[misc]
    """readability's Document over a tree lire has pruned; keeps the chosen element."""

    article: HtmlElement | None = None

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

    def get_clean_html(self) -> str:
        self.article = self.html
        html: str = super().get_clean_html()
        return html


@dataclass(frozen=True, slots=True)
class ReadabilityReading:
    """readability's chosen element (None when it found none) and its title."""

    article: HtmlElement | None
    title: str | None


def readability_reading(root: HtmlElement) -> ReadabilityReading:
    """What readability makes of the (pruned) page ``root``; ``root`` is left as it was."""
    # No url: readability would rewrite every link of the page; html_blocks resolves the kept ones.
    document = PrunedDocument(root)
    try:
        document.summary(html_partial=True)
    except Unparseable:
        return ReadabilityReading(None, None)
    if document.article is None:
        return ReadabilityReading(None, None)
    try:
        title = real_title(sanitize_line(document.short_title()))
    except Unparseable:
        title = None
    return ReadabilityReading(document.article, title)


def real_title(title: str | None) -> str | None:
    """``title`` unless it is empty or readability's "[no-title]" sentinel."""
    return None if not title or title == _NO_TITLE else title
