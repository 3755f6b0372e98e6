"""One pass over the page as served, for what the kind and the thread readings look for.

Post markup (schema.org ``Comment``/``Answer``/``DiscussionForumPosting`` item types, class
words such as ``post`` or ``message``), code blocks, and post bodies by their marker
(``itemprop="text"``, Invision's ``data-role="commentContent"``, a class such as ``bbWrapper``
or ``cooked``). One loop in Python over the elements costs less than one XPath per question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class PageScan:
    """What one pass found: post markers, ``<pre>`` blocks, and post bodies by marker, each
    list in document order."""

    posts: int = 0
    code: int = 0
    bodies: dict[str, list[HtmlElement]] = field(default_factory=dict)


def scan_page(root: HtmlElement) -> PageScan:
    """Count and collect, in one pass over ``root``, what ``PageScan`` holds."""
    posts = code = 0
    bodies: dict[str, list[HtmlElement]] = {}
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag == "pre":
            code += 1
        attributes = element.attrib
        itemtype = attributes.get("itemtype")
        if itemtype and itemtype.endswith(_POST_TYPES):
            posts += 1
        if attributes.get("itemprop") == "text":
            bodies.setdefault("itemprop", []).append(element)
        if attributes.get("data-role") == "commentContent":
            bodies.setdefault("data-role", []).append(element)
        classes = attributes.get("class")
        if not classes:
            continue
        words = set(classes.lower().split())
        if not _POST_WORDS.isdisjoint(words):
            posts += 1
        for word in sorted(words & _BODY_WORDS):
            bodies.setdefault(word, []).append(element)
    return PageScan(posts, code, bodies)
