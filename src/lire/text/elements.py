"""The text of an HTML element, read the quick way where it can be.

lxml's ``text_content()`` evaluates an XPath expression for each call: a microsecond or more,
paid once per element by every pass that measures paragraphs (the DOM pass, its prose layer,
readability's scoring), most of which hold no markup. An element without children holds only
its own text. A ``<pre>``'s text keeps the line breaks its ``<br>`` make.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

__all__ = ["element_text", "preformatted_text"]


def element_text(element: HtmlElement) -> str:
    """``element.text_content()``: the text of the element and everything in it, not its tail."""
    if len(element):
        text: str = element.text_content()
        return text
    return element.text or ""


def preformatted_text(element: HtmlElement) -> str:
    """The text of a ``<pre>`` as it shows: its characters as they are, and a line break for
    each ``<br>`` (a page's code written with ``<br>`` between its lines, which
    ``text_content()`` runs together: "python3import subprocessimport time"), unless a line
    break already follows it."""
    if not len(element):
        return element.text or ""
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                if not (node.tail or "").startswith(("\n", "\r")):
                    parts.append("\n")
            elif isinstance(node.tag, str) and node.text:
                parts.append(node.text)
        elif node is not element and node.tail:
            parts.append(node.tail)
    return "".join(parts)
