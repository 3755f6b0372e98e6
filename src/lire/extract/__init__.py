"""The extract stage: a ``Page`` becomes an ``Article`` of typed blocks and metadata.

The only package that knows readability-lxml (``readable``, its adapter). It parses the page once
with a depth bound (``tree``), reads ``<meta>``, Open Graph and JSON-LD (``metadata``), tells the
page's language and kind (``kinds``), runs the DOM pass it is handed, and gives several
candidate readings (``Draft``): readability's chosen element, the page's containers, its JSON-LD
body, the reading its kind calls for and its whole text (``candidates``, ``readings``), each
turned into blocks (``html_blocks``). The pipeline cleans each and ``choose`` ranks them;
``notices`` says when a reading is a teaser. Plain text is split into blocks by blank lines and
lines (``text_blocks``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lire.exports import lazy_exports

if TYPE_CHECKING:
    from lire.extract.candidates import Draft
    from lire.extract.choice import WIDE_READINGS, Choice, choose
    from lire.extract.notices import (
        DESCRIPTION_NOTICE,
        TEASER_NOTICE,
        WHOLE_PAGE_NOTICE,
        fallback_notice,
        teaser_only,
    )
    from lire.extract.readable import (
        DomPass,
        Extraction,
        extract,
        extract_drafts,
        extract_html,
        extract_text,
    )
    from lire.extract.sections import without_empty_sections

__all__ = [
    "DESCRIPTION_NOTICE",
    "TEASER_NOTICE",
    "WHOLE_PAGE_NOTICE",
    "WIDE_READINGS",
    "Choice",
    "DomPass",
    "Draft",
    "Extraction",
    "choose",
    "extract",
    "extract_drafts",
    "extract_html",
    "extract_text",
    "fallback_notice",
    "teaser_only",
    "without_empty_sections",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "Draft": "lire.extract.candidates",
        "Choice": "lire.extract.choice",
        "WIDE_READINGS": "lire.extract.choice",
        "choose": "lire.extract.choice",
        "TEASER_NOTICE": "lire.extract.notices",
        "WHOLE_PAGE_NOTICE": "lire.extract.notices",
        "teaser_only": "lire.extract.notices",
        "fallback_notice": "lire.extract.notices",
        "DESCRIPTION_NOTICE": "lire.extract.notices",
        "without_empty_sections": "lire.extract.sections",
        **dict.fromkeys(
            ("DomPass", "Extraction", "extract", "extract_drafts", "extract_html", "extract_text"),
            "lire.extract.readable",
        ),
    },
)
