"""Parse an HTML string into an lxml tree, bounded in nesting depth.

By default libxml2 silently stops nesting at 256 levels and drops what follows, so an article
after a deep header would be lost. The parser runs with ``huge_tree`` (libxml2's own bound is
then in the thousands, and the download cap bounds the input), and the guard below makes the
bound a promise of lire's: a page nesting deeper than ``MAX_DEPTH`` is refused with a clear
error, so every walker in lire recurses at most ``MAX_DEPTH`` levels, far below Python's
recursion limit.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from lire.errors import ExtractionError
from lire.sanitize import sanitize_markup

__all__ = ["MAX_DEPTH", "check_depth", "flatten_wrapper_chains", "int_attribute", "parse_html"]

MAX_DEPTH = 400
_INTEGER = re.compile(r"[+-]?[0-9]{1,9}")  # beyond a billion, not a number of the page's own
# True when some element sits MAX_DEPTH levels below the root (evaluated in C, level by level).
_TOO_DEEP = etree.XPath("boolean(" + "*/" * MAX_DEPTH + "*)")
DEEP_TREE = 64  # a tree this deep is looked at for chains of wrappers
MAX_WRAPPERS = 16  # nested wrappers kept in one chain
WRAPPER_CHARS = 80  # the most text of its own a wrapper has (a label, a quoted line)
_DEEP = etree.XPath("boolean(" + "*/" * DEEP_TREE + "*)")
_FRAME = frozenset({"html", "head", "body"})
# A numeric character reference to a C0 control or DEL (linear: one run of zeros).
_CHARACTER_REFERENCE = re.compile(
    r"&#(?:[xX]0*(1?[0-9a-fA-F]|7[fF])|0*([12]?[0-9]|3[01]|127))(?![0-9a-fA-F])(?:;)?"
)
# The characters lxml refuses in the text of a tree it edits (C0 controls but tab, newline and
# carriage return; DEL too, an escape sequence's neighbour): a page holding one is sanitised
# before it is parsed. Everything else ``lire.sanitize`` removes (C1 controls, bidi controls,
# invisible characters) is harmless to the parser and removed from every string extraction
# makes (``lire.extract.html_blocks``, ``metadata``, ``posts``, ``lire.urls``).
_C0 = bytes(range(0x20)).translate(None, b"\t\n\r") + b"\x7f"
_PARSER = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)


def parse_html(html: str, *, location: str) -> HtmlElement:
    """Parse ``html`` into its ``<html>`` element, or raise ``ExtractionError``."""
    if not html.replace("\x00", "").strip():
        raise ExtractionError(f"no article text found in {location}: the page is empty")
    try:
        # Encoded to bytes: lxml refuses str input that carries an XML encoding declaration.
        source = _without_controls(html)
        root: HtmlElement = document_fromstring(source, parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionError(f"no article text found in {location}: {error}") from error
    check_depth(root, location=location)
    flatten_wrapper_chains(root)
    return root


def flatten_wrapper_chains(root: HtmlElement) -> None:
    """Shorten every chain of more than ``MAX_WRAPPERS`` nested wrappers (elements holding one
    element and at most ``WRAPPER_CHARS`` of text; their text stays) to its outer and inner
    ``MAX_WRAPPERS // 2``: each pass that measures
    an element's text (readability's, the DOM pass's) measures the whole chain's content once
    per wrapper, so a hostile page of 300 nested ``<div>`` around its text cost 300 times its
    size. Pages as written nest a few wrappers; only a tree deeper than ``DEEP_TREE`` is looked
    at, and wrappers' names outside the chain's middle stay for the DOM pass to read."""
    if not _DEEP(root):
        return
    keep = MAX_WRAPPERS // 2
    for element in list(root.iter()):
        parent = element.getparent()
        if not _wraps_one(element) or (parent is not None and _wraps_one(parent)):
            continue  # not the head of a chain
        chain = [element]
        while _wraps_one(chain[-1][0]):
            chain.append(chain[-1][0])
        if len(chain) > MAX_WRAPPERS:
            for wrapper in chain[keep:-keep]:
                wrapper.drop_tag()


def _wraps_one(element: HtmlElement) -> bool:
    """An element (not html, head or body) holding exactly one element and at most a few
    words of its own (dropping the tag keeps them, in the element around it)."""
    if len(element) != 1 or not isinstance(element.tag, str) or element.tag in _FRAME:
        return False
    child = element[0]
    own = len((element.text or "").strip()) + len((child.tail or "").strip())
    return isinstance(child.tag, str) and own <= WRAPPER_CHARS


def _without_controls(html: str) -> bytes:
    """``html`` as UTF-8, with control characters decoded from references ("&#x1b;") and,
    when it holds a C0 control, sanitised like any page text: escape sequences go whole, and
    lxml, which refuses to edit text holding C0 controls, never sees one. (Deleting the
    controls from the bytes and comparing lengths is a fifth of a regex search's time.)"""
    if "&#" in html:
        html = _CHARACTER_REFERENCE.sub(_decode_control, html)
    source = html.encode("utf-8", "replace")
    if len(source.translate(None, _C0)) != len(source):
        source = sanitize_markup(html).encode("utf-8", "replace")
    return source


def _decode_control(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.group(1), match.group(2)
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    is_control = (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or code == 0x7F
    return chr(code) if is_control else match.group(0)


def check_depth(root: HtmlElement, *, location: str) -> None:
    """Raise ``ExtractionError`` when ``root`` nests deeper than ``MAX_DEPTH`` elements."""
    if _TOO_DEEP(root):
        raise ExtractionError(
            f"{location} nests its HTML more than {MAX_DEPTH} levels deep; "
            "lire does not read pages built like that"
        )


def int_attribute(value: str | None, *, default: int) -> int:
    """An attribute's integer value (``<ol start="3">``), ``default`` when it is not one.

    HTML integers are ASCII digits with an optional sign: ``"²"`` or ``"٣"`` (digits to
    ``str.isdigit``) and a 5,000-digit number are not values lire takes from a page.
    """
    text = (value or "").strip()
    if not _INTEGER.fullmatch(text):
        return default
    return int(text)
