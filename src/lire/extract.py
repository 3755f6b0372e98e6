"""Page -> Article: the only module that knows readability-lxml.

The page is parsed once (``lire.htmltree``, depth-bounded), its metadata read, the DOM pass
(``lire.prune``) run on the tree, and readability given that pruned tree. readability parses its
input again when it retries with a gentler strategy: ``_PrunedDocument._parse`` hands it a fresh
copy of the pruned tree each time, so the DOM pass holds for every attempt. readability's
sentinels, log output and exceptions stop here.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES, Unparseable

from lire.errors import ExtractionError
from lire.htmlblocks import element_blocks
from lire.htmltree import parse_html
from lire.metadata import read_metadata
from lire.model import Article, Block, BlockKind, Page, Removal
from lire.prune import prune as prune_tree
from lire.rules import RuleSet
from lire.sanitize import sanitize_line
from lire.textblocks import text_blocks

__all__ = ["extract", "extract_html", "extract_text"]

# readability logs a traceback before raising on an empty page: that would corrupt the TUI.
_READABILITY_LOG = logging.getLogger("readability")
_READABILITY_LOG.addHandler(logging.NullHandler())
_READABILITY_LOG.propagate = False

_NO_TITLE = "[no-title]"
_DISPLAY_NONE = REGEXES["displayNoneRe"]
_WORD = re.compile(r"\w+")
# A leading heading sharing this share of its words with the title repeats the title.
TITLE_OVERLAP = 0.8


class _PrunedDocument(Document):  # type: ignore[misc]
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


def extract(
    page: Page,
    *,
    prune: bool = True,
    rules: RuleSet | None = None,
    keep: Callable[[str], bool] | None = None,
) -> Article:
    """The article of ``page``: HTML through readability, plain text split into blocks.

    ``prune`` runs the DOM pass first, judging prose with ``rules`` (default: the shipped packs)
    and sparing what ``keep`` accepts (text the user restored).
    """
    if page.media_type == "text/plain":
        return extract_text(page.text)
    where = "standard input" if page.location == "-" else page.location
    dom = _DomPass(rules, keep) if prune else None
    return _extract_html(page.text, url=page.url, location=where, dom=dom)


def extract_html(html: str, *, url: str | None = None, prune: bool = True) -> Article:
    """The article of an HTML document; ``url`` resolves its links."""
    dom = _DomPass() if prune else None
    return _extract_html(html, url=url, location=url or "the page", dom=dom)


@dataclass(frozen=True, slots=True)
class _DomPass:
    rules: RuleSet | None = None
    keep: Callable[[str], bool] | None = None


def extract_text(text: str) -> Article:
    """Plain text (e.g. copied from a page) as an article; a title line becomes its title."""
    title, blocks = text_blocks(text)
    return Article(blocks=blocks, title=title, media_type="text/plain")


def _extract_html(html: str, *, url: str | None, location: str, dom: _DomPass | None) -> Article:
    root = parse_html(html, location=location)
    metadata = read_metadata(root, url=url)
    removed: tuple[Removal, ...] = ()
    if dom is not None:
        host = urlsplit(url).hostname if url else None
        removed = prune_tree(
            root,
            block_rules=dom.rules,
            host=host.removeprefix("www.") if host else None,
            keep=dom.keep,
        )
    # No url: readability would rewrite every link of the page; htmlblocks resolves the kept ones.
    document = _PrunedDocument(root)
    try:
        document.summary(html_partial=True)
    except Unparseable as error:
        raise ExtractionError(f"no article text found in {location}") from error
    if document.article is None:
        raise ExtractionError(f"no article text found in {location}")
    blocks = element_blocks(document.article, base_url=url)
    title = _real_title(metadata.title) or _readability_title(document)
    blocks = _without_title(blocks, title)
    if not blocks:
        raise ExtractionError(f"no article text found in {location}")
    return Article(
        blocks=blocks,
        title=title,
        byline=metadata.byline,
        site=metadata.site,
        published=metadata.published,
        lang=metadata.lang,
        url=metadata.url or url,
        description=metadata.description,
        removed=removed,
    )


def _readability_title(document: _PrunedDocument) -> str | None:
    try:
        return _real_title(sanitize_line(document.short_title()))
    except Unparseable:
        return None


def _real_title(title: str | None) -> str | None:
    """``title`` unless it is empty or readability's "[no-title]" sentinel."""
    return None if not title or title == _NO_TITLE else title


def _without_title(blocks: tuple[Block, ...], title: str | None) -> tuple[Block, ...]:
    """Drop a leading heading that repeats the title (the title is shown on its own)."""
    first = blocks[0] if blocks else None
    if first and title and first.kind is BlockKind.HEADING and _same_words(first.text, title):
        return blocks[1:]
    return blocks


def _same_words(heading: str, title: str) -> bool:
    """True when one text's words hold most of the other's (a title with or without a suffix)."""
    ours, theirs = set(_WORD.findall(heading.casefold())), set(_WORD.findall(title.casefold()))
    shared = len(ours & theirs)
    return bool(ours) and shared >= TITLE_OVERLAP * min(len(ours), len(theirs))
