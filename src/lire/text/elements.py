"""The text of an HTML element, read the quick way where it can be.

lxml's ``text_content()`` evaluates an XPath expression for each call: a microsecond or more,
paid once per element by every pass that measures paragraphs (the DOM pass, its prose layer,
readability's scoring), most of which hold no markup. An element without children holds only
its own text.
"""

from __future__ import annotations

from lxml.html import HtmlElement

__all__ = ["element_text"]


def element_text(element: HtmlElement) -> str:
    """``element.text_content()``: the text of the element and everything in it, not its tail."""
    if len(element):
        text: str = element.text_content()
        return text
    return element.text or ""
