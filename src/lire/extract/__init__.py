"""The extract stage: a ``Page`` becomes an ``Article`` of typed blocks and metadata.

The only package that knows readability-lxml (``readable``, its adapter). It parses the page once
with a depth bound (``tree``), reads ``<meta>``, Open Graph and JSON-LD (``metadata``), tells the
page's language, runs the DOM pass it is handed, and turns readability's chosen element into
blocks (``html_blocks``); plain text is split into blocks by blank lines and lines
(``text_blocks``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lire.exports import lazy_exports

if TYPE_CHECKING:
    from lire.extract.readable import DomPass, extract, extract_html, extract_text

__all__ = ["DomPass", "extract", "extract_html", "extract_text"]

__getattr__ = lazy_exports(__name__, dict.fromkeys(__all__, "lire.extract.readable"))
