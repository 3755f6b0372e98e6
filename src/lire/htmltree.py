"""Parse an HTML string into an lxml tree, bounded in nesting depth.

libxml2 stops nesting at a few hundred levels by itself; the guard below makes the bound a
promise of lire's rather than a property of one libxml2 build: every walker in lire recurses
at most ``MAX_DEPTH`` levels, far below Python's recursion limit.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from lire.errors import ExtractionError

__all__ = ["MAX_DEPTH", "check_depth", "parse_html"]

MAX_DEPTH = 400
# True when some element sits MAX_DEPTH levels below the root (evaluated in C, level by level).
_TOO_DEEP = etree.XPath("boolean(" + "*/" * MAX_DEPTH + "*)")
_PARSER = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def parse_html(html: str, *, location: str) -> HtmlElement:
    """Parse ``html`` into its ``<html>`` element, or raise ``ExtractionError``."""
    if not html.replace("\x00", "").strip():
        raise ExtractionError(f"no article text found in {location}: the page is empty")
    try:
        # Encoded to bytes: lxml refuses str input that carries an XML encoding declaration.
        # NUL is never text; libxml2 would turn each into a replacement character.
        source = html.replace("\x00", "").encode("utf-8", "replace")
        root: HtmlElement = document_fromstring(source, parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionError(f"no article text found in {location}: {error}") from error
    check_depth(root, location=location)
    return root


def check_depth(root: HtmlElement, *, location: str) -> None:
    """Raise ``ExtractionError`` when ``root`` nests deeper than ``MAX_DEPTH`` elements."""
    if _TOO_DEEP(root):
        raise ExtractionError(
            f"{location} nests its HTML more than {MAX_DEPTH} levels deep; "
            "lire does not read pages built like that"
        )
