"""Restores that stick: a DOM removal goes back where it stood on the page, and stays there
after a reopen; restoring one part of a block brings back that part only; a block the user
marked as the site's boilerplate goes on that site, under the user's rule.

The reopen cases run the real pipeline on a page with a site memory, as the app does.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lire.clean import clean
from lire.clean.anchors import ANCHOR_WORDS
from lire.clean.dom import prune
from lire.clean.restore import in_place, reinstate, remove_block, restore, restore_removals
from lire.config import Config
from lire.extract.tree import parse_html
from lire.model import Article, Block, BlockKind, Page, Reading, Removal, SiteMemory
from lire.pipeline import read_page
from lire.store import SiteMemoryStore
from lire.text.fingerprint import fingerprint

SITE = "news.example"
URL = f"https://{SITE}/harbour"
P = (
    "The port authority said on Tuesday that the northern harbour would reopen to cargo ships "
    "next month, after two years of dredging work on the channel and the sea wall.",
    "Larger vessels will be able to dock at night, the director said, and the new cranes "
    "arrive in spring from the yard in the south of the country.",
    "Local businesses expect more traffic along the quay once the works are complete, and the "
    "council has set aside money for new roads and a bus line.",
    "The first ship is expected on the fourth of March, and a festival is planned on the quay "
    "for the weekend after, with music and food stalls.",
)
# Boxes the DOM pass removes that readability, or the block pass, would remove again once the
# DOM pass let them through: only the cleaner putting them back keeps them after a reopen.
BOXES = {
    "photo credit": (
        '<figure><img src="c.jpg" alt="cranes"><p class="photo-credit">The new cranes on the '
        "quay at dawn, photographed for the port.</p></figure>"
    ),
    "aside": (
        '<aside class="newsletter"><p>Sign up for our newsletter to get the best stories in '
        "your inbox every morning.</p></aside>"
    ),
    "two paragraphs": (
        '<div class="newsletter"><p>Sign up for our newsletter.</p><p>Get the best harbour '
        "stories in your inbox every morning, free.</p></div>"
    ),
    "related links": (
        '<div class="related"><h3>Read also</h3><ul><li><a href="/x">The quay is repaved</a>'
        '</li><li><a href="/y">A new ferry line</a></li></ul></div>'
    ),
    "sidebar": (
        '<div class="sidebar-note"><p>This article was updated on Wednesday with the date of '
        "the first ship.</p></div>"
    ),
}


def page_with(box: str, *, at: int = 2) -> Page:
    body = "".join(f"<p>{text}</p>" for text in P[:at]) + box
    body += "".join(f"<p>{text}</p>" for text in P[at:])
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The harbour reopens'
        f"</title></head><body><article><h1>The harbour reopens</h1>{body}</article></body></html>"
    )
    return Page(text=html, media_type="text/html", location=URL, url=URL)


def read(page: Page, store: SiteMemoryStore) -> Reading:
    return read_page(page, config=Config(), memory=store)


def texts(article: Article) -> list[str]:
    return [block.text for block in article.blocks]


@pytest.mark.parametrize("name", sorted(BOXES))
def test_a_restored_dom_removal_goes_back_in_place_and_stays_after_a_reopen(
    tmp_path: Path, name: str
) -> None:
    page = page_with(BOXES[name])
    with SiteMemoryStore(tmp_path / "learned.sqlite3") as store:
        first = read(page, store).article
        assert texts(first) == list(P), "the box goes by default"
        (number, removal), *_ = [(n, r) for n, r in enumerate(first.removed) if r.index is None]
        shown = texts(restore_removals(first, {number}))
        assert shown == [*P[:2], removal.text, *P[2:]], "restored where it stood"
        store.keep(SITE, removal.text)  # what the removed view does on enter
        again = read(page, store).article
        assert texts(again) == shown
        assert removal.text not in [r.text for r in again.removed]


def test_a_figures_photo_credit_is_a_caption_and_knows_the_words_around_it() -> None:
    root = parse_html(page_with(BOXES["photo credit"], at=1).text, location="t")
    (removal,) = prune(root)
    assert removal.kind is BlockKind.CAPTION
    assert removal.after == "cranes"  # the picture's alt text, just before it
    assert removal.before == "larger vessels will be able to dock at"
    assert len(removal.before.split()) == ANCHOR_WORDS


def test_a_removal_next_to_another_takes_its_words_from_the_text_beyond_both() -> None:
    share = '<div class="share-bar">Share on Mastodon</div>'
    root = parse_html(page_with(share + BOXES["aside"]).text, location="t")
    removals = prune(root)
    assert {r.after for r in removals} == {"the yard in the south of the country"}
    assert {r.before for r in removals} == {"local businesses expect more traffic along the quay"}
    article = Article(blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in P), removed=removals)
    assert texts(restore_removals(article, {0, 1})) == [
        *P[:2],
        "Share on Mastodon",
        removals[1].text,
        *P[2:],
    ]


def dom_removal(text: str, after: str | None, before: str | None) -> Removal:
    return Removal("share/dom-bar", text, after=after, before=before)


def test_a_dom_removal_goes_before_the_block_after_it_when_the_one_before_is_gone() -> None:
    removed = (
        dom_removal("Photo: the port", "the harbour reopens", "larger vessels will be able"),
        dom_removal("Nowhere", "words no block has", "nor these"),
    )
    article = Article(blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in P), removed=removed)
    restored = restore(article, {0, 1})
    assert texts(restored.article) == [P[0], "Photo: the port", *P[1:], "Nowhere"]
    assert restored.positions == (0, 2, 3, 4)


def test_a_dom_removal_placed_after_a_block_the_block_pass_removed_follows_its_place() -> None:
    pitch = "Subscribe now for one dollar a month, cancel at any time."
    removed = (
        dom_removal("Share on Mastodon", "one dollar a month cancel at any time", None),
        Removal("subscription/en-pitch", pitch, index=1),
    )
    article = Article(
        blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in (P[0], P[1])), removed=removed
    )
    assert texts(restore_removals(article, {0})) == [P[0], "Share on Mastodon", P[1]]
    assert texts(restore_removals(article, {0, 1})) == [P[0], pitch, "Share on Mastodon", P[1]]


def test_reinstate_puts_back_only_what_the_user_kept_and_lists_the_rest() -> None:
    removed = (
        dom_removal("Photo: the port", "the sea wall", None),
        dom_removal("We use cookies", "the sea wall", None),
    )
    article = Article(blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in P), removed=removed)
    again = reinstate(article, {fingerprint("photo: THE port")})
    assert texts(again) == [P[0], "Photo: the port", *P[1:]]
    assert again.removed == (removed[1],)
    assert reinstate(article, set()) is article


def test_anchors_look_only_so_far_on_a_page_of_empty_elements() -> None:
    empty = "<span></span>" * 50_000
    html = f"<html><body><article><p>{P[0]}</p>{empty}<div class='share'>Share</div>"
    html += f"{empty}<p>{P[1]}</p></article></body></html>"
    root = parse_html(html, location="t")
    start = time.process_time()
    (removal,) = prune(root)
    assert time.process_time() - start < 5  # a bound on the walk, not a speed figure
    assert removal.after is None and removal.before is None


PARTS = "Sign up for our newsletter. Follow us on Google News."


def test_restoring_one_part_of_a_block_keeps_that_part_only_after_a_reopen(
    tmp_path: Path,
) -> None:
    source = Article(
        blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in (*P[:2], PARTS, P[2])),
        lang="en",
        url=URL,
    )
    first = clean(source).article
    assert [r.text for r in first.removed] == ["Sign up for our newsletter.", PARTS[28:]]
    memory = SiteMemory(SITE, URL, kept=frozenset({fingerprint(PARTS[28:])}))
    again = clean(source, memory=memory).article
    assert texts(again) == [*P[:2], "Follow us on Google News.", P[2]]
    assert [(r.text, r.index) for r in again.removed] == [("Sign up for our newsletter.", 2)]
    assert texts(restore_removals(again, {0}))[2:4] == [
        "Sign up for our newsletter.",
        "Follow us on Google News.",
    ]
    every = SiteMemory(SITE, URL, kept=frozenset(fingerprint(t) for t in PARTS.split(". ")))
    assert texts(clean(source, memory=every).article)[2] == PARTS


def test_a_block_marked_as_the_sites_boilerplate_goes_on_that_site_only() -> None:
    footer = "The Harbour Gazette is owned by the Harbour Media Group since 1998."
    source = Article(
        blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in (*P, footer)), lang="en", url=URL
    )
    assert clean(source).article == source
    memory = SiteMemory(SITE, URL, marked=frozenset({fingerprint(footer)}))
    cleaned = clean(source, memory=memory).article
    assert texts(cleaned) == list(P)
    assert cleaned.removed == (Removal("user/site-boilerplate", footer, 4),)


def test_a_block_removed_by_hand_goes_back_where_it_was_and_numbers_stay() -> None:
    pitch = "Subscribe now for one dollar a month, cancel at any time."
    article = Article(
        blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in P),
        removed=(Removal("subscription/en-pitch", pitch, index=1),),
    )
    marked = remove_block(article, 2, "user/site-boilerplate")
    assert texts(marked) == [P[0], P[1], P[3]]
    assert marked.removed[0] == article.removed[0]
    assert marked.removed[1] == Removal("user/site-boilerplate", P[2], 3)
    assert texts(restore_removals(marked, {1})) == [P[0], P[1], P[2], P[3]]
    assert texts(restore_removals(marked, {0, 1})) == [P[0], pitch, *P[1:]]


def test_a_cut_block_marked_by_hand_keeps_its_tail_apart() -> None:
    tail = "Subscribe now for one dollar a month."
    article = Article(
        blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in P),
        removed=(Removal("subscription/en-pitch", tail, index=1, cut=True),),
    )
    marked = remove_block(article, 1, "user/site-boilerplate")
    assert texts(marked) == [P[0], P[2], P[3]]
    assert texts(restore_removals(marked, {1})) == list(P)
    assert texts(restore_removals(marked, {0, 1})) == [P[0], f"{P[1]} {tail}", *P[2:]]
    restored = restore(marked, {0, 1})
    assert restored.holds == ((), (0, 1), (), ())


def test_the_block_pass_knows_a_marked_block_by_what_the_cut_left_of_it() -> None:
    body = "Deshalb brauche es eine Rückversicherung, wie es die Länder fordern."
    pitch = "Lesen mit BILDplus, was die Versicherung kosten würde."
    first = (
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke neu zu bauen, die seit "
        "einem Sturm vor zwei Wintern gesperrt ist, für rund 40 Millionen Euro."
    )
    source = Article(
        blocks=(Block(BlockKind.PARAGRAPH, first), Block(BlockKind.PARAGRAPH, f"{body} {pitch}")),
        lang="de",
        url="https://www.bild.de/a",
    )
    assert [r.text for r in clean(source).article.removed] == [pitch]
    memory = SiteMemory("bild.de", "a", marked=frozenset({fingerprint(body)}))
    cleaned = clean(source, memory=memory).article
    assert texts(cleaned) == [first]
    assert [(r.rule, r.text, r.index, r.cut) for r in cleaned.removed] == [
        ("user/site-boilerplate", body, 1, False),
        (clean(source).article.removed[0].rule, pitch, 1, True),
    ]
    assert texts(restore_removals(cleaned, {0, 1})) == [first, f"{body} {pitch}"]


def test_in_place_tells_which_dom_removals_go_back_between_blocks() -> None:
    removed = (
        dom_removal("Photo: the port", "the sea wall", None),
        dom_removal("Home News Sport", None, "the harbour reopens"),
        Removal("share/dom-bar", "Share", None),
    )
    article = Article(blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in P), removed=removed)
    assert in_place(article) == {0}


def test_a_photo_credit_goes_back_after_its_picture(tmp_path: Path) -> None:
    figure = (
        '<figure><img src="c.jpg" alt="The new cranes at dawn"><p class="credit">Photo: the port'
        " authority, for the harbour's reopening.</p></figure>"
    )
    page = page_with(figure, at=1)
    root = parse_html(page.text, location="t")
    (removal,) = prune(root)
    assert removal.after == "the new cranes at dawn"  # the image's alt text, read as a block
    with SiteMemoryStore(tmp_path / "learned.sqlite3") as store:
        first = read(page, store).article
        number = next(n for n, r in enumerate(first.removed) if r.text == removal.text)
        shown = texts(restore_removals(first, {number}))
        at = shown.index(removal.text)
        assert shown[at - 1 : at + 2] == ["The new cranes at dawn", removal.text, P[1]]
        store.keep(SITE, removal.text)
        assert texts(read(page, store).article) == shown
