"""readability's ``transform_misused_divs_into_paragraphs``, read from the tree.

A div holding no block element becomes a paragraph, and the loose text and inline runs of the
other divs are wrapped in paragraphs. readability serialises each div's children to look for a
block tag in the markup; whether an element holds a block is read here from the tree, to the
same result in less time (``lire.extract.engine`` hands this pass to readability).
"""

from __future__ import annotations

from lxml.html import HtmlElement, fragment_fromstring

__all__ = ["misused_divs_to_paragraphs"]

# The tags readability's divToPElementsRe finds in markup ("<p" is also "<pre", "<picture").
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul")
_INLINE_TAGS = frozenset(
    {"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"}
)


def misused_divs_to_paragraphs(root: HtmlElement) -> None:
    """readability's pass over ``root``, in place."""
    for element in root.findall(".//div"):
        if not _holds_block(element):
            element.tag = "p"
    for element in root.findall(".//div"):
        _wrap_loose_text(element)


def _holds_block(element: HtmlElement) -> bool:
    """True when an element below ``element`` has a tag divToPElementsRe finds."""
    for inner in element.iterdescendants():
        tag = inner.tag
        if isinstance(tag, str) and tag.lower().startswith(_BLOCK_PREFIXES):
            return True
    return False


def _wrap_loose_text(div: HtmlElement) -> None:
    """The second half of readability's transform_misused_divs_into_paragraphs for ``div``:
    its text, its runs of inline children and their tails each in a ``<p>``; ``<br>`` dropped."""
    children = list(div)
    paragraph = None
    if div.text and div.text.strip():
        paragraph = fragment_fromstring("<p/>")
        paragraph.text = div.text
        div.text = None
        div.insert(0, paragraph)
    for child in children:
        if child.tag == "br":
            paragraph = None
            continue
        if child.tag not in _INLINE_TAGS or _holds_block(child):
            paragraph = None
            continue
        if paragraph is None:
            paragraph = fragment_fromstring("<p/>")
            child.addprevious(paragraph)
        paragraph.append(child)
    for position, child in reversed(list(enumerate(div))):
        if child.tail and child.tail.strip():
            paragraph = fragment_fromstring("<p/>")
            paragraph.text = child.tail
            child.tail = None
            div.insert(position + 1, paragraph)
        if child.tag == "br":
            child.drop_tree()
