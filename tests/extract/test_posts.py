"""posts: a thread read whole, each post under its author and date line."""

from __future__ import annotations

from lire.extract.posts import thread_blocks
from lire.extract.scan import scan_page
from lire.extract.tree import parse_html
from lire.model import BlockKind


def thread(body: str) -> list[tuple[BlockKind, str]]:
    root = parse_html(f"<html><body>{body}</body></html>", location="test")
    return [(block.kind, block.text) for block in thread_blocks(scan_page(root), base_url=None)]


VBULLETIN = "".join(
    f"""<li class="postbitlegacy postcontainer">
<div class="posthead"><span class="postdate"><span class="date">11-29-2024,&nbsp;
<span class="time">0{n}:03 AM</span></span></span></div>
<div class="userinfo"><div class="username_container"><a class="username" href="/u/{n}">
user{n}</a></div><dl class="userstats"><dt>Join Date</dt><dd>Aug 2008</dd></dl></div>
<div class="postbody"><div class="content"><div id="post_message_{n}">
<blockquote class="postcontent restore">Post number {n} says something.</blockquote>
</div></div></div>
<div class="postfoot"><a class="quote">Reply With Quote</a></div></li>"""
    for n in (1, 2, 3)
)


def test_every_post_comes_in_order_under_its_author_and_date() -> None:
    assert thread(f"<ol id='posts'>{VBULLETIN}</ol>") == [
        (BlockKind.PARAGRAPH, "user1 · 11-29-2024, 01:03 AM"),
        (BlockKind.PARAGRAPH, "Post number 1 says something."),
        (BlockKind.PARAGRAPH, "user2 · 11-29-2024, 02:03 AM"),
        (BlockKind.PARAGRAPH, "Post number 2 says something."),
        (BlockKind.PARAGRAPH, "user3 · 11-29-2024, 03:03 AM"),
        (BlockKind.PARAGRAPH, "Post number 3 says something."),
    ]


def test_user_stats_and_post_controls_are_not_read() -> None:
    text = " ".join(text for _, text in thread(VBULLETIN))
    assert "Join Date" not in text and "Reply With Quote" not in text


def test_a_quote_inside_a_post_stays_in_that_post() -> None:
    posts = "".join(
        f"<div class='answer'><span itemprop='author'>a{n}</span><time>May {n}</time>"
        f"<div itemprop='text'><blockquote>quoted {n}</blockquote><p>reply {n}</p></div></div>"
        for n in (1, 2)
    )
    assert thread(posts) == [
        (BlockKind.PARAGRAPH, "a1 · May 1"),
        (BlockKind.QUOTE, "quoted 1"),
        (BlockKind.PARAGRAPH, "reply 1"),
        (BlockKind.PARAGRAPH, "a2 · May 2"),
        (BlockKind.QUOTE, "quoted 2"),
        (BlockKind.PARAGRAPH, "reply 2"),
    ]


def test_one_post_is_not_a_thread() -> None:
    assert thread("<div class='post'><div itemprop='text'><p>alone</p></div></div>") == []


def test_the_most_frequent_marker_names_the_posts_and_nested_bodies_count_once() -> None:
    posts = "".join(
        f"<div class='message'><div class='message-body'><div class='bbWrapper'>text {n}</div>"
        "</div></div>"
        for n in range(3)
    )
    assert [text for _, text in thread(posts + "<div class='cooked'>elsewhere</div>")] == [
        "text 0",
        "text 1",
        "text 2",
    ]


def test_a_signature_written_like_a_post_is_not_a_post() -> None:
    # XenForo writes a member's signature with a post's markup, under the post.
    posts = "".join(
        f"<article class='message'><a class='username'>m{n}</a><time>Jan {n}</time>"
        f"<div class='bbWrapper'>Answer {n} about the projector.</div>"
        f"<aside class='message-signature'><div class='bbWrapper'>My rig: JVC RS{n}</div>"
        "</aside></article>"
        for n in (1, 2, 3)
    )
    text = [text for _, text in thread(posts)]
    assert text == [
        "m1 · Jan 1", "Answer 1 about the projector.",
        "m2 · Jan 2", "Answer 2 about the projector.",
        "m3 · Jan 3", "Answer 3 about the projector.",
    ]  # fmt: skip
