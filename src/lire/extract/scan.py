"""One pass over the page as served, for what the kind and the thread readings look for.

Post markup (schema.org ``Comment``/``Answer``/``DiscussionForumPosting`` item types, class
words such as ``post`` or ``message``), code blocks, and post bodies by their marker
(``itemprop="text"``, Invision's ``data-role="commentContent"``, a class such as ``bbWrapper``
or ``cooked``). The page's class names are read once as strings (XPath, in C) and split into
words; only the body markers a page uses are then looked up as elements.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

__all__ = ["PageScan", "scan_page"]

_POST_WORDS = frozenset({"post", "message", "answer", "topic-post", "postbody", "reply", "comment"})
_POST_TYPES = ("Comment", "Answer", "DiscussionForumPosting")
_BODY_CLASSES = (
    "bbWrapper", "postbody", "postcontent", "post-content", "post_content", "post-body",
    "post_body", "message-body", "cooked", "s-prose", "js-post-body", "comment-body",
    "comment-content", "comment_content", "post-message", "post-text", "posttext", "reply-content",
    "usertext-body",
)  # fmt: skip
_BODY_WORDS = frozenset(name.lower() for name in _BODY_CLASSES)
# The page's class names and item types as plain strings, and its post bodies by attribute.
_CLASSES = etree.XPath("//@class", smart_strings=False)
_ITEM_TYPES = etree.XPath("//@itemtype", smart_strings=False)
_MARKED_BODIES = etree.XPath("//*[@itemprop = 'text' or @data-role = 'commentContent']")
_PRE = etree.XPath("count(//pre)")
_CLASS_WORD = etree.XPath("//*[contains(concat(' ', normalize-space(@class), ' '), $word)]")


@dataclass(frozen=True, slots=True)
class PageScan:
    """What one pass found: post markers, ``<pre>`` blocks, and post bodies by marker, each
    list in document order."""

    posts: int = 0
    code: int = 0
    bodies: dict[str, list[HtmlElement]] = field(default_factory=dict)


def scan_page(root: HtmlElement) -> PageScan:
    """Count and collect what ``PageScan`` holds: the attributes that matter are read by
    XPath (in C, as plain strings), and only the body markers a page uses are then looked up
    as elements."""
    posts = sum(value.endswith(_POST_TYPES) for value in _strings(_ITEM_TYPES(root)))
    bodies: dict[str, list[HtmlElement]] = {}
    for element in _elements(_MARKED_BODIES(root)):
        if element.get("itemprop") == "text":
            bodies.setdefault("itemprop", []).append(element)
        if element.get("data-role") == "commentContent":
            bodies.setdefault("data-role", []).append(element)
    joined = "\n".join(_strings(_CLASSES(root)))
    posts += sum(map(_POST_WORDS.__contains__, joined.lower().split()))
    markers = {word for word in set(joined.split()) if word.lower() in _BODY_WORDS}
    for marker in sorted(markers):
        if elements := _elements(_CLASS_WORD(root, word=f" {marker} ")):
            bodies.setdefault(marker.lower(), []).extend(elements)
    return PageScan(posts, _count(_PRE(root)), bodies)


def _strings(result: object) -> list[str]:
    return [value for value in result if isinstance(value, str)] if isinstance(result, list) else []


def _count(result: object) -> int:
    return int(result) if isinstance(result, float) else 0


def _elements(result: object) -> list[HtmlElement]:
    if not isinstance(result, list):
        return []
    return [element for element in result if isinstance(element, HtmlElement)]
