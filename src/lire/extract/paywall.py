"""Whether the page says its text is for subscribers and serves only its free part.

schema.org lets a page say ``isAccessibleForFree: false`` and mark the paid part with
``hasPart: {isAccessibleForFree: false, cssSelector: ".paid"}``. The page is a teaser when it
says so and the part it marks is absent or nearly empty in what was served (sites serve the
whole text to search engines and to readers who pay; lire reads what it was given).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from lire.extract.candidates import text_length
from lire.extract.metadata import Metadata

__all__ = ["is_paywalled"]

MIN_PAID_CHARS = 200  # a marked part holding less text than this was not served
_SIMPLE = re.compile(r"^([.#])([A-Za-z_][\w-]*)$")


def is_paywalled(root: HtmlElement, metadata: Metadata) -> bool:
    """True when the page says it is not free and the paid part it marks was not served."""
    if metadata.free is not False:
        return False
    found = [_served(root, selector) for selector in metadata.paywalled]
    known = [chars for chars in found if chars is not None]
    return not known or all(chars < MIN_PAID_CHARS for chars in known)


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
