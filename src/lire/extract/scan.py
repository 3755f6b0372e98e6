"""One pass over the page as served, for what the kind and the thread readings look for.

Post markup (schema.org ``Comment``/``Answer``/``DiscussionForumPosting`` item types, class
words such as ``post`` or ``message``), code blocks, and post bodies by their marker
(``itemprop="text"``, Invision's ``data-role="commentContent"``, a class such as ``bbWrapper``
or ``cooked``). The page's class names are read once as strings (XPath, in C); only the body
markers a page uses are then looked up as elements.
"""

from __future__ import annotations

import re
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
)  # fmt: skip
_BODY_WORDS = frozenset(name.lower() for name in _BODY_CLASSES)
_CLASSES = etree.XPath("//@class")
# An element's class attribute holding a post word (counted once per attribute), a body word.
_POST_CLASS = re.compile(
    r"^(?=.*?(?<!\S)(?:" + "|".join(map(re.escape, sorted(_POST_WORDS))) + r")(?!\S)).+$",
    re.IGNORECASE | re.MULTILINE,
)
_BODY_CLASS = re.compile(
    r"(?<!\S)(" + "|".join(map(re.escape, _BODY_CLASSES)) + r")(?!\S)", re.IGNORECASE
)
_PRE = etree.XPath("count(//pre)")
_ITEMTYPES = etree.XPath("//@itemtype")
_MARKED_BODIES = etree.XPath("//*[@itemprop='text' or @data-role='commentContent']")
_CLASS_WORD = etree.XPath("//*[contains(concat(' ', normalize-space(@class), ' '), $word)]")


@dataclass(frozen=True, slots=True)
class PageScan:
    """What one pass found: post markers, ``<pre>`` blocks, and post bodies by marker, each
    list in document order."""

    posts: int = 0
    code: int = 0
    bodies: dict[str, list[HtmlElement]] = field(default_factory=dict)


def scan_page(root: HtmlElement) -> PageScan:
    """Count and collect what ``PageScan`` holds: class names and counts are read by XPath in
    C, and only the body markers a page uses are looked up as elements."""
    itemtypes = _ITEMTYPES(root)
    posts = (
        sum(str(t).endswith(_POST_TYPES) for t in itemtypes) if isinstance(itemtypes, list) else 0
    )
    found = _CLASSES(root)
    classes = "\n".join(map(str, found)) if isinstance(found, list) else ""
    posts += len(_POST_CLASS.findall(classes))
    markers = set(_BODY_CLASS.findall(classes))
    bodies: dict[str, list[HtmlElement]] = {}
    for element in _elements(_MARKED_BODIES(root)):
        name = "itemprop" if element.get("itemprop") == "text" else "data-role"
        bodies.setdefault(name, []).append(element)
    for marker in sorted(markers):
        found = _elements(_CLASS_WORD(root, word=f" {marker} "))
        if found:
            bodies.setdefault(marker.lower(), []).extend(found)
    return PageScan(posts, _count(_PRE(root)), bodies)


def _count(result: object) -> int:
    return int(result) if isinstance(result, float) else 0


def _elements(result: object) -> list[HtmlElement]:
    if not isinstance(result, list):
        return []
    return [element for element in result if isinstance(element, HtmlElement)]
