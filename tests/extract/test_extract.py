"""extract: readability behind one adapter, its output as typed blocks."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from readability import Document

from lire.clean import dom_pass
from lire.errors import ExtractionError
from lire.extract import engine as extract_module
from lire.extract.readable import extract, extract_html, extract_text
from lire.extract.tree import MAX_DEPTH, check_depth, parse_html
from lire.model import Article, Block, BlockKind, Link, Page

FILLER = (
    "The harbour authority said on Tuesday that the new quay would open next spring, after "
    "three years of works that closed the old fish market and moved the ferries to the north "
    "pier, where passengers waited in temporary sheds through two winters."
)


def page(body: str, *, head: str = "<title>Harbour news</title>") -> str:
    """A page whose article holds ``body`` between two long paragraphs readability will pick."""
    return (
        f"<html><head>{head}</head><body><div class='menu'><a href='/'>Home</a></div>"
        f"<article><p>{FILLER}</p>{body}<p>{FILLER}</p></article></body></html>"
    )


def extract_pruned(html: str, *, url: str | None = None) -> Article:
    """What the pipeline extracts: the page after the cleaner's DOM pass."""
    return extract_html(html, url=url, dom_pass=dom_pass())


def blocks_of(body: str, **options: str) -> tuple[Block, ...]:
    return extract_pruned(page(body), **options).blocks


def test_paragraphs_keep_their_text_with_whitespace_normalised() -> None:
    blocks = blocks_of("<p>  The   quay\n opens <em>next</em>\tspring. </p>")
    assert Block(BlockKind.PARAGRAPH, "The quay opens next spring.") in blocks


def test_headings_keep_their_level() -> None:
    blocks = blocks_of("<h2>Where the ferries go</h2><h3>The <b>north</b> pier</h3>")
    headings = [(b.text, b.level) for b in blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Where the ferries go", 2), ("The north pier", 3)]


def test_list_items_keep_depth_and_ordinal() -> None:
    body = (
        "<ol start='3'><li>Third step of the works"
        "<ul><li>a nested point about the sheds on the north pier</li></ul></li>"
        "<li>Fourth step of the works</li></ol><ul><li>A bullet point about the quay</li></ul>"
    )
    items = [(b.text, b.level, b.ordinal) for b in blocks_of(body) if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        ("Third step of the works", 1, 3),
        ("a nested point about the sheds on the north pier", 2, None),
        ("Fourth step of the works", 1, 4),
        ("A bullet point about the quay", 1, None),
    ]


def test_quotes_code_and_preformatted_text_keep_their_kind() -> None:
    body = (
        "<blockquote><p>We will be ready by April, the harbour master said.</p></blockquote>"
        "<pre><code>def open_quay():\n    return True</code></pre>"
        "<pre>  timetable\n  09:00  north pier</pre>"
    )
    blocks = blocks_of(body)
    assert Block(BlockKind.QUOTE, "We will be ready by April, the harbour master said.") in blocks
    assert Block(BlockKind.CODE, "def open_quay():\n    return True") in blocks
    assert Block(BlockKind.PREFORMATTED, "  timetable\n  09:00  north pier") in blocks


def test_a_data_table_becomes_one_table_block_with_its_cells() -> None:
    body = (
        "<table><tr><th>Pier</th><th>Ferries a day</th></tr>"
        "<tr><td>North</td><td>14</td></tr><tr><td>South</td><td>9</td></tr></table>"
    )
    tables = [b for b in blocks_of(body) if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    assert tables[0].rows == (("Pier", "Ferries a day"), ("North", "14"), ("South", "9"))
    assert tables[0].header
    assert tables[0].text == "Pier\tFerries a day\nNorth\t14\nSouth\t9"


def test_line_breaks_survive_as_newlines() -> None:
    blocks = blocks_of("<p>Harbour office<br>12 Quay Street<br/>Portsmouth</p>")
    assert Block(BlockKind.PARAGRAPH, "Harbour office\n12 Quay Street\nPortsmouth") in blocks


def test_links_are_kept_with_targets_resolved_against_the_page_url() -> None:
    body = (
        "<p>Read the <a href='../plans/quay.pdf'>published plans</a> or "
        "<a href='https://example.org/map'>the map</a>, "
        "<a href='javascript:alert(1)'>not this</a>.</p>"
    )
    article = extract_pruned(page(body), url="https://news.example.com/harbour/today.html")
    (block,) = [b for b in article.blocks if b.text.startswith("Read the")]
    assert block.links == (
        Link("published plans", "https://news.example.com/plans/quay.pdf"),
        Link("the map", "https://example.org/map"),
    )


def test_entities_are_decoded_then_control_characters_removed() -> None:
    body = "<p>Fish &amp; chips &#8212; evil\x1b[31m red &#x1b;]0;title&#7; end.</p>"
    (block,) = [b for b in blocks_of(body) if b.text.startswith("Fish")]
    assert block.text == "Fish & chips — evil red end."
    assert "\x1b" not in block.text and "\x07" not in block.text


def test_raw_control_characters_and_escape_sequences_are_removed() -> None:
    body = "<p>Raw\x1b]0;evil title\x07 escape \x1b[2J\x9b31m and \u202econtrols</p>"
    (block,) = [b for b in blocks_of(body) if b.text.startswith("Raw")]
    assert block.text == "Raw escape and controls"


def test_no_html_is_left_in_the_text() -> None:
    article = extract_pruned(
        page("<p>A <span class='x'>span</span> and <img src='a.png'> image.</p>")
    )
    assert "<" not in article.text and ">" not in article.text


def test_a_leading_heading_repeating_the_title_is_dropped() -> None:
    html = page("", head="<meta property='og:title' content='New quay opens'>").replace(
        "<article>", "<article><h1>New quay opens</h1>"
    )
    article = extract_pruned(html)
    assert article.title == "New quay opens"
    assert all(b.text != "New quay opens" for b in article.blocks)


def test_a_leading_heading_with_the_title_words_and_a_suffix_is_dropped() -> None:
    head = "<meta property='og:title' content='New quay opens in spring'>"
    html = page("", head=head).replace(
        "<article>", "<article><h1>New quay opens in spring: what changes</h1>"
    )
    assert all(not b.text.startswith("New quay") for b in extract_pruned(html).blocks)


def test_a_leading_heading_unlike_the_title_is_kept() -> None:
    head = "<meta property='og:title' content='New quay opens in spring'>"
    html = page("", head=head).replace("<article>", "<article><h2>What the ferries do now</h2>")
    assert extract_pruned(html).blocks[0] == Block(BlockKind.HEADING, "What the ferries do now", 2)


def test_a_page_without_title_has_title_none_not_readability_sentinel() -> None:
    article = extract_pruned(page("", head=""))
    assert article.title is None


def test_empty_page_is_an_extraction_error_naming_the_location() -> None:
    with pytest.raises(ExtractionError, match=r"no article text found in https://e\.x/empty"):
        extract_pruned("", url="https://e.x/empty")


def test_page_without_text_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="no article text found in the page"):
        extract_pruned("<html><body><div><img src='a.png'></div></body></html>")


def test_readability_logs_nothing_on_a_failing_page(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ExtractionError):
        extract_pruned("<html><body></body></html>")
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
    assert logging.getLogger("readability").propagate is False


@pytest.mark.parametrize("tag", ["div", "b"])
def test_a_100000_deep_page_is_bounded_not_a_recursion_error(tag: str) -> None:
    deep = f"<html><body><p>{FILLER}</p>" + f"<{tag}>" * 100_000 + "deep" + f"</{tag}>" * 100_000
    try:
        article = extract_pruned(deep + "</body></html>")
    except ExtractionError as error:
        assert "deep" in str(error) or "no article text" in str(error)
    else:
        assert FILLER in article.text


def test_depth_guard_raises_a_clear_extraction_error() -> None:
    root = parse_html("<html><body><div>x</div></body></html>", location="deep.html")
    node = root.find("body/div")
    assert node is not None
    for _ in range(MAX_DEPTH):  # built by hand: libxml2 itself stops a few hundred levels deep
        child = node.makeelement("div", {})
        node.append(child)
        node = child
    with pytest.raises(ExtractionError, match=r"deep\.html nests its HTML more than \d+ levels"):
        check_depth(root, location="deep.html")


def test_dom_pass_removals_are_recorded_and_can_be_turned_off() -> None:
    body = "<div class='share-bar'>Share on Facebook</div>"
    pruned = extract_pruned(page(body))
    assert any(r.rule == "share/dom-class-share" for r in pruned.removed)
    assert all(r.index is None for r in pruned.removed)
    unpruned = extract_html(page(body))
    assert unpruned.removed == ()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The trees readability's Document was given to parse, one per attempt."""
    seen: list[object] = []
    parse = extract_module.PrunedDocument._parse

    def counted(self: Any, tree: Any) -> Any:
        seen.append(tree)
        return parse(self, tree)

    monkeypatch.setattr(extract_module.PrunedDocument, "_parse", counted)
    return seen


def test_dom_pass_holds_when_readability_retries_its_parse(parses: list[object]) -> None:
    # A short article makes readability retry without its "ruthless" pass: it parses again.
    quay = "The new quay opens in spring, after three years of works on the north pier."
    html = (
        "<html><body><div class='newsletter'>Get our newsletter.</div>"
        # readability's first pass drops an "extra" (an unlikely candidate), so it retries
        f"<div class='extra'>Tide tables</div><div><p>{quay}</p></div></body></html>"
    )
    article = extract_pruned(html)
    assert quay in article.text
    assert [r.rule for r in article.removed] == ["newsletter/dom-class-newsletter"]
    assert len(parses) >= 2


def test_readability_is_not_run_twice_to_the_same_result(parses: list[object]) -> None:
    # readability retries a short reading without removing unlikely candidates; when its first
    # pass removed none, the retry would read the same tree: it is skipped, same result.
    quay = "The new quay opens in spring, after three years of works on the north pier."
    html = f"<html><body><div><p>{quay}</p><p>Short.</p></div></body></html>"
    article = extract_pruned(html)
    assert len(parses) == 1
    assert article.text == f"{quay}\n\nShort."
    expected = Document(html).summary(html_partial=True)
    assert quay in expected and "Short." in expected


def test_extract_dispatches_on_media_type() -> None:
    html_page = Page(text=page(""), media_type="text/html", location="x.html", url=None)
    text_page = Page(text="Harbour\n\n" + FILLER, media_type="text/plain", location="-")
    assert extract(html_page).media_type == "text/html"
    text_article = extract(text_page)
    assert text_article.media_type == "text/plain"
    assert text_article.title == "Harbour"
    assert text_article == extract_text("Harbour\n\n" + FILLER)


def test_extract_error_names_the_page_location() -> None:
    empty = Page(text="   ", media_type="text/html", location="saved/page.html")
    with pytest.raises(ExtractionError, match=r"saved/page\.html"):
        extract(empty)


def test_metadata_reaches_the_article() -> None:
    head = (
        "<title>New quay | Harbour News</title><meta name='author' content='Ann Lee'>"
        "<meta property='og:site_name' content='Harbour News'>"
        "<meta property='article:published_time' content='2019-11-19T08:30:00Z'>"
        "<link rel='canonical' href='/quay'>"
    )
    article = extract_pruned(page("", head=head).replace("<html>", "<html lang='en-GB'>"),
                           url="https://harbour.example/news?id=1")  # fmt: skip
    assert (article.title, article.byline, article.site) == ("New quay", "Ann Lee", "Harbour News")
    assert article.published == "2019-11-19T08:30:00+00:00"
    assert article.lang == "en"
    assert article.url == "https://harbour.example/news?id=1"  # what was read
    assert article.canonical == "https://harbour.example/quay"  # only what the page says


def test_embedded_posts_keep_their_text() -> None:
    tweet = "The new quay looks great from the ferry this morning, well done to the crews"
    body = (
        "<div class='social-media-embed'><blockquote class='twitter-tweet'>"
        f"<p>{tweet}</p>— Ann Lee (@annlee) May 3, 2026</blockquote></div>"
    )
    article = extract_pruned(page(body))
    assert tweet in article.text
    assert not any(tweet in removal.text for removal in article.removed)


_FRAGMENTS = st.sampled_from(
    ["<p>", "</p>", "<div class='share'>", "</div>", "<li>", "<ul>", "<a href='x'>", "</a>",
     "<pre>", "<table><tr><td>", "<br>", "&amp;", "&#x1b;", "\x1b[2J", "\u202e", "\x00",
     "<script>", "</script>", "<!--", "-->", "<?xml version='1.0' encoding='latin-1'?>"]
)  # fmt: skip
_HTMLISH = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=40)), max_size=60).map("".join)
_UNSAFE = ("\x1b", "\x00", "\u202e", "\x07", "\x9b")


@settings(max_examples=150, deadline=None)
@given(_HTMLISH)
def test_any_input_gives_a_clean_article_or_an_extraction_error(html: str) -> None:
    try:
        article = extract_pruned(html, url="https://e.x/a")
    except ExtractionError as error:
        assert str(error).startswith("no article text found in https://e.x/a")
        return
    strings = [article.title or "", *(b.text for b in article.blocks)]
    strings += [link.url for b in article.blocks for link in b.links]
    for text in strings:
        assert not any(char in text for char in _UNSAFE), text
    assert all(block.text.strip() for block in article.blocks)


def test_a_chain_of_hundreds_of_wrappers_is_shortened_and_keeps_its_text() -> None:
    # Each pass that measures an element's text measures a chain's content once per wrapper.
    inner = "".join(f"<p>Item {n}</p>" for n in range(50))
    html = "<html><body>" + "<div>level " * 300 + inner + "</div>" * 300 + "</body></html>"
    root = parse_html(html, location="x")
    depth = max(len(list(element.iterancestors())) for element in root.iter("p"))
    assert depth < 40
    assert root.text_content().count("level") == 300
    assert root.text_content().count("Item") == 50


def test_a_few_nested_wrappers_are_left_as_written() -> None:
    html = (
        "<html><body>" + "<div class='w'>" * 12 + "<p>Text</p>" + "</div>" * 12 + "</body></html>"
    )
    root = parse_html(html, location="x")
    assert len(root.findall(".//div")) == 12


GUIDES = "".join(
    f"<article class='card'><h3><a href='/guides/{n}'>The Best {name}</a></h3><p>by Ann Lee</p>"
    f"<p>We tested more than a dozen {name.lower()} to find the best ones for most people.</p>"
    "</article>"
    for n, name in enumerate(["Chargers", "Keyboards", "Tripods", "Speakers", "Webcams"])
)


@pytest.mark.parametrize(("page_type", "kept"), [("CollectionPage", True), ("Article", False)])
def test_a_listings_items_in_an_article_are_read_and_an_articles_teasers_are_not(
    page_type: str, kept: bool
) -> None:
    data = f'<script type="application/ld+json">{{"@type": "{page_type}"}}</script>'
    intro = (
        "<p>Our reviewers spend months with every product before they recommend it, and they "
        "update each guide when a better one comes along or a pick is discontinued.</p>"
    )
    html = f"<html><head>{data}</head><body><article>{intro}{GUIDES}</article></body></html>"
    text = extract_html(html, url="https://guides.example/electronics/", dom_pass=dom_pass()).text
    assert ("We tested more than a dozen webcams" in text) is kept
