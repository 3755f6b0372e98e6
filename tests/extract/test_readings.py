"""Candidate readings: containers are spans of one walk, listings read as lists, inline words
survive class names, and a page with text is never "no article"."""

from __future__ import annotations

import pytest

import lire
from lire.clean import dom_pass
from lire.extract.candidates import cards, container_drafts, container_elements, listed_share
from lire.extract.html_blocks import element_blocks
from lire.extract.inline import unmark_running_text
from lire.extract.readable import extract_drafts
from lire.extract.tree import parse_html
from lire.model import BlockKind, Page, PageKind

PROSE = "A sentence of the article that goes on long enough to count as prose here. " * 5


def root_of(body: str):  # type: ignore[no-untyped-def]
    return parse_html(f"<html><body>{body}</body></html>", location="test")


def test_each_container_reads_as_a_separate_walk_of_it_would() -> None:
    body = (
        f"<div class='top'>menu</div><main><h2>Part</h2><p>{PROSE}</p>"
        f"<article><p>{PROSE}</p><ul><li>one</li><li>two</li></ul><table><tr><td>a</td>"
        f"<td>b</td></tr></table></article></main><div>{PROSE}</div>"
    )
    root = root_of(body)
    elements = dict(container_elements(root))
    drafts = {draft.name: draft.blocks for draft in container_drafts(root, base_url=None)}
    assert set(drafts) == {"main", "article", "page"}
    for name in ("main", "article", "page"):
        assert drafts[name] == element_blocks(elements[name])


def test_an_article_among_many_is_not_the_reading() -> None:
    teasers = "".join(f"<article><p>{PROSE} {n}</p></article>" for n in range(3))
    assert "article" not in dict(container_elements(root_of(teasers)))


def test_a_listing_reads_its_cards_as_list_items() -> None:
    items = "".join(
        f"<div class='card'><h3><a href='/p/{n}'>Item {n}</a></h3><p>About item {n}.</p></div>"
        for n in range(5)
    )
    root = root_of(f"<p>{PROSE}</p><div class='grid'>{items}</div>")
    found = cards(root.find("body"))
    assert len(found) == 5
    assert 0.0 < listed_share(root).share < 1.0
    assert listed_share(root_of(f"<div class='grid'>{items}</div>")).share == 1.0
    blocks = next(d.blocks for d in container_drafts(root, base_url=None, cards=found))
    items_read = [b.text for b in blocks if b.kind is BlockKind.LIST_ITEM]
    assert items_read == [f"Item {n} About item {n}." for n in range(5)]


def test_a_link_between_words_keeps_its_text_whatever_its_class() -> None:
    root = root_of(
        "<p>Find it with <a class='tooltip share' href='/du'>du</a>, sorted.</p>"
        "<div class='share'><a class='share-link' href='/x'>Share</a></div>"
    )
    unmark_running_text(root)
    links = root.findall(".//a")
    assert links[0].get("class") is None
    assert links[1].get("class") == "share-link"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("<div class='cmp-text'><p>" + PROSE + "</p></div>" * 1, "unpruned|readability|page"),
        ("<section id='d-splash'><div class='dots'></div></section>", "description"),
    ],
)
def test_a_page_the_dom_pass_empties_still_gives_a_reading(body: str, kind: str) -> None:
    head = "<meta name='description' content='What this page is about, in a sentence.'>"
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    extraction = extract_drafts(Page(html, "text/html", "t"), dom_pass=dom_pass())
    assert {draft.name for draft in extraction.drafts} & set(kind.split("|"))
    reading = lire.read_html(html)
    assert reading.article.words > 0


def test_a_page_without_any_text_is_still_an_error() -> None:
    with pytest.raises(lire.LireError):
        lire.read_html("<html><head><title>x</title></head><body><div></div></body></html>")


def test_a_page_that_is_only_boilerplate_says_so() -> None:
    html = (
        "<html><body><div class='content'><p>Sign up for our newsletter to get the best stories "
        "every morning in your inbox.</p><p>Subscribe now and get unlimited access for $1 a "
        "week. Cancel anytime.</p><p>Follow us on Google News and on Instagram for more.</p>"
        "</div></body></html>"
    )
    reading = lire.read_html(html)
    assert reading.article.kind in set(PageKind)
    assert reading.confidence <= 1.0
