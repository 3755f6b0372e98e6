"""Whether the page says its text is for subscribers and serves only its free part.

schema.org lets a page say ``isAccessibleForFree: false`` and mark the paid part with
``hasPart: {isAccessibleForFree: false, cssSelector: ".paid"}``. When it marks a part, lire
checks whether that part was served with its text (sites serve the whole text to search
engines and to readers who pay; lire reads what it was given).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from lire.extract.candidates import text_length
from lire.extract.metadata import Metadata

__all__ = ["paid_part_served"]

MIN_PAID_CHARS = 200  # a marked part holding less text than this was not served
_SIMPLE = re.compile(r"^([.#])([A-Za-z_][\w-]*)$")


def paid_part_served(root: HtmlElement, metadata: Metadata) -> bool | None:
    """Whether the paid part the page marks was served with its text: False when it is
    absent or nearly empty (a teaser), True when it is there, None when the page marks none
    (or marks it with a selector lire does not read)."""
    if metadata.free is not False:
        return None
    found = [_served(root, selector) for selector in metadata.paywalled]
    known = [chars for chars in found if chars is not None]
    if not known:
        return None
    return any(chars >= MIN_PAID_CHARS for chars in known)


def _served(root: HtmlElement, selector: str) -> int | None:
    """The text length of the elements ``selector`` names (None: a selector not understood)."""
    total = 0
    for part in selector.split(","):
        match = _SIMPLE.match(part.strip())
        if match is None:
            return None
        sigil, name = match.groups()
        if sigil == "#":
            elements = root.xpath("//*[@id=$name]", name=name)
        else:
            elements = root.xpath(
                "//*[contains(concat(' ', normalize-space(@class), ' '), $name)]", name=f" {name} "
            )
        total += sum(text_length(element) for element in elements)
    return total
