"""A thread read whole: every post in order, each under its author and date line.

Forum engines and Q&A sites mark a post's body: schema.org ``itemprop="text"`` (XenForo,
vBulletin, Discourse, Stack Exchange), Invision's ``data-role="commentContent"``, or a class
(``bbWrapper``, ``postbody``, ``cooked``, ``s-prose``...). The marker found most often (twice
at least) names the posts; a post is the largest element around its body that holds no other
body, and its author and date are the first name and ``<time>`` in it before the body.

Read on the page as served, before the DOM pass: that pass drops comment and reply containers,
which is what a thread is made of. The block cleaner still runs on the reading.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml.html import HtmlElement

from lire.extract.html_blocks import element_blocks
from lire.extract.scan import PageScan
from lire.model import Block, BlockKind
from lire.sanitize import sanitize_line

__all__ = ["MIN_POSTS", "thread_blocks"]

MIN_POSTS = 2
MAX_NAME_CHARS = 60
_AUTHOR_WORDS = frozenset(
    {"username", "user-name", "author", "author-name", "postauthor", "poster", "message-name",
     "comment-author", "post-author"}
)  # fmt: skip

_SIGNATURE = re.compile(r"signature", re.IGNORECASE)  # "message-signature", "ipsSignature"
_DATE_WORDS = frozenset(
    {"date", "postdate", "post-date", "message-date", "comment-date", "timestamp"}
)


def thread_blocks(scan: PageScan, *, base_url: str | None) -> tuple[Block, ...]:
    """The posts of the thread the page ``scan`` found, or nothing when it shows fewer than
    two."""
    bodies = _bodies(scan)
    if len(bodies) < MIN_POSTS:
        return ()
    blocks: list[Block] = []
    for body, post in zip(bodies, _posts(bodies), strict=True):
        text = element_blocks(_unwrapped(body), base_url=base_url)
        if not text:
            continue
        line = " · ".join(part for part in _heading(post, body) if part)
        if line:
            blocks.append(Block(BlockKind.PARAGRAPH, line))
        blocks.extend(text)
    return tuple(blocks)


def _bodies(scan: PageScan) -> list[HtmlElement]:
    """The post bodies of the most frequent marker, outermost only, in document order."""
    groups = scan.bodies
    if not groups:
        return []
    marker = max(groups, key=lambda name: len(groups[name]))
    around = _around(groups[marker])
    chosen = [body for body in groups[marker] if not _in_signature(body, around)]
    inside = set(chosen)
    return [body for body in chosen if not any(a in inside for a in body.iterancestors())]


def _around(bodies: list[HtmlElement]) -> Counter[HtmlElement]:
    """How many of ``bodies`` each of their ancestors holds."""
    around: Counter[HtmlElement] = Counter()
    for body in bodies:
        around.update(body.iterancestors())
    return around


def _in_signature(body: HtmlElement, around: Counter[HtmlElement]) -> bool:
    """Whether ``body`` is a member's signature under their post: XenForo writes a signature
    with the same markup as a post (``aside.message-signature > div.bbWrapper``). Only the
    elements around it that hold no other body are read (a page's own class is no signature's)."""
    for element in (body, *body.iterancestors()):
        if element is not body and around[element] > 1:
            return False
        if _SIGNATURE.search(f"{element.get('class', '')} {element.get('id', '')}"):
            return True
    return False


def _unwrapped(body: HtmlElement) -> HtmlElement:
    """``body`` without the wrappers that hold all of its text; a blockquote that holds a whole
    post is its container (vBulletin's ``blockquote.postcontent``), not a quote."""
    while len(body) == 1 and not (body.text or "").strip() and not (body[0].tail or "").strip():
        body = body[0]
    if body.tag == "blockquote":
        body.tag = "div"
    return body


def _posts(bodies: list[HtmlElement]) -> list[HtmlElement]:
    """For each body, the largest element around it that holds no other body."""
    around = _around(bodies)
    posts = []
    for body in bodies:
        post = body
        for ancestor in body.iterancestors():
            if around[ancestor] > 1:
                break
            post = ancestor
        posts.append(post)
    return posts


def _heading(post: HtmlElement, body: HtmlElement) -> tuple[str | None, str | None]:
    """The author and the date shown in ``post`` before its ``body``."""
    author = date = None
    around = set(body.iterancestors())
    for element in post.iter():
        if element is body:
            break
        if not isinstance(element.tag, str) or element in around:
            continue
        if author is None and _is_author(element):
            author = _short(_innermost(element).text_content())
        if date is None and _is_date(element):
            date = _short(element.text_content()) or _short(element.get("datetime") or "")
        if author and date:
            break
    return author, date


def _innermost(element: HtmlElement) -> HtmlElement:
    """The deepest author element in ``element`` (a name inside an author box)."""
    inner = [child for child in element.iterdescendants() if _is_author(child)]
    return inner[-1] if inner else element


def _is_date(element: HtmlElement) -> bool:
    if element.tag == "time" or element.get("itemprop") == "datePublished":
        return True
    return not _DATE_WORDS.isdisjoint((element.get("class") or "").lower().split())


def _is_author(element: HtmlElement) -> bool:
    if element.get("itemprop") == "author":
        return True
    return not _AUTHOR_WORDS.isdisjoint((element.get("class") or "").lower().split())


def _short(text: str) -> str | None:
    line = sanitize_line(text)
    return line if line and len(line) <= MAX_NAME_CHARS else None
