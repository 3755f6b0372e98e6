"""The readability adapter: its faster passes give readability's own result."""

from __future__ import annotations

import pytest
from lxml.etree import tounicode
from lxml.html import HtmlElement
from readability import Document

from lire.extract.engine import PrunedDocument, readability_reading
from lire.extract.tree import parse_html
from paths import FIXTURES

PAGES = sorted((FIXTURES / "html").glob("*.html")) + sorted((FIXTURES / "pages").glob("*.html"))
# Divs readability turns into paragraphs or fills with paragraphs, and names it drops.
CRAFTED = """<html><body>
<div id="wrap"><div class="entry-content">Loose text <b>bold</b> <a href="/x">a link</a>
<br>after a break<span><img src="a.png" alt="a"></span> tail text<div>inner</div> more tail
<picture><source srcset="p.webp"></picture><pre>code</pre><em>emphasis <p>nested</p></em></div>
<div class="sidebar-menu"><p>Menu entry one</p></div>
<div class="comment-footer"><article><p>Kept: it holds an article.</p></article></div>
<div class="header-main"><p>Kept: main is in its name.</p></div>
<pre><span class="share-popup">in code, kept</span></pre>
<div class="x" id="y"><span data-html="&lt;div&gt;">no block, only an attribute</span></div>
<div><dl><dt>term</dt><dd>definition of the term, long enough to count here.</dd></dl></div>
<div><p>A paragraph long enough to be scored by readability, with commas, and more, words.</p>
<p>Another paragraph long enough to be scored, with a comma, and more words in it.</p></div>
</div></body></html>"""


class StockDocument(PrunedDocument):
    """The adapter with readability's own passes."""

    remove_unlikely_candidates = Document.remove_unlikely_candidates
    transform_misused_divs_into_paragraphs = Document.transform_misused_divs_into_paragraphs


def _article(document: PrunedDocument) -> str:
    document.summary(html_partial=True)
    assert document.article is not None
    return str(tounicode(document.article, method="html"))


@pytest.mark.parametrize("html", [CRAFTED, *(path.read_text("utf-8") for path in PAGES)])
def test_faster_passes_give_readabilitys_own_article(html: str) -> None:
    root = parse_html(html, location="page")
    assert _article(PrunedDocument(root)) == _article(StockDocument(root))


def test_the_title_is_found_only_when_asked() -> None:
    root = parse_html(
        "<html><head><title>Quay opens - Harbour News</title></head><body><h1>Quay opens</h1>"
        "<p>The new quay opens in spring, after three years of works on the north pier, "
        "the harbour authority said on Tuesday.</p></body></html>",
        location="page",
    )
    assert readability_reading(root, title=False).title is None
    asked = readability_reading(root)
    assert asked.title == "Quay opens - Harbour News"
    assert isinstance(asked.article, HtmlElement)


def test_the_chosen_element_is_serialised_only_when_readability_would_retry() -> None:
    # readability retries gentler when what get_clean_html returns is under retry_length.
    long = "The new quay opens in spring, after three years of works on the north pier. " * 5
    for text, serialised in (("Short text, under the retry length.", True), (long, False)):
        root = parse_html(f"<html><body><div><p>{text}</p></div></body></html>", location="p")
        measured = PrunedDocument(root).summary(html_partial=True)
        assert measured.startswith("<") is serialised
        assert text.strip() in measured


SECTIONS = ["Tents", "Stoves", "Packs"]


def _guide() -> str:
    sections = "".join(
        f"<div class='block'><div class='text'><section class='product'><h2>{name}</h2>"
        "<div class='html'>"
        + "".join(
            f"<p>The {name.lower()} we tested this year, number {n}, held up well, and we "
            f"liked it, after weeks in the hills, in rain and in wind, more than others.</p>"
            for n in range(3)
        )
        + "</div></section></div></div>"
        for name in SECTIONS
    )
    return f"<html><body><div id='guide'>{sections}</div></body></html>"


def test_an_article_in_sections_scored_alike_is_read_whole_when_widened() -> None:
    # Each section's paragraphs are scored apart, and readability takes one section; the
    # ancestor of the close rivals (Readability.js's widening) is the whole guide.
    root = parse_html(_guide(), location="page")
    narrow, wide = (readability_reading(root, article=w).article for w in (False, True))
    assert narrow is not None and wide is not None
    assert sum(name.lower() in narrow.text_content() for name in SECTIONS) == 1
    assert all(name.lower() in wide.text_content() for name in SECTIONS)


def _review(card: str, *, wrapper: str | None = "c-product-widget", last: bool = False) -> str:
    """A review whose product card readability's class pattern takes for a widget (or with
    the card among its paragraphs, ``wrapper`` None), in its middle or ``last``."""
    prose = "".join(
        f"<p>Paragraph {n} of the review, with commas, long enough, and scored by readability "
        f"as the article's own text, sentence after sentence, in the body.</p>"
        for n in range(4)
    )
    return (
        f"<html><body><div id='story'>{prose}"
        + (f"<div class='{wrapper}'>{card}</div>" if wrapper else card)
        + ("" if last else prose)
        + "</div></body></html>"
    )


SPECS = "<ul><li>Memory: 16GB DDR5 memory</li><li>Storage: 512GB solid-state drive</li></ul>"
LINKS = "<ul>{}</ul>".format(
    "".join(
        f"<li><a href='/story-{n}'>Another story of the site, number {n}</a></li>" for n in range(4)
    )
)


def test_an_articles_card_without_links_survives_readabilitys_class_pattern() -> None:
    # readability drops a div named like a widget from its chosen element; on an article a
    # card of text without links stays (lire's DOM pass and cleaner judge it), a card of links
    # goes, and on other pages the drop is readability's.
    root = parse_html(_review(SPECS), location="page")
    kept, dropped = (readability_reading(root, article=a).article for a in (True, False))
    assert kept is not None and dropped is not None
    assert "512GB solid-state drive" in kept.text_content()
    assert "512GB" not in dropped.text_content()
    links = readability_reading(parse_html(_review(LINKS), location="page"), article=True)
    assert links.article is not None
    assert "Another story" not in links.article.text_content()


def test_a_box_after_the_articles_end_goes_as_readability_says() -> None:
    # After the article's last paragraph a box readability drops for its class is what the
    # drop is for (a donation appeal, an author's card), links or not.
    root = parse_html(_review(SPECS, last=True), location="page")
    reading = readability_reading(root, article=True).article
    assert reading is not None
    assert "Paragraph 3 of the review" in reading.text_content()
    assert "512GB" not in reading.text_content()


CHECKLIST = "<ul>{}</ul>".format(
    "".join(
        f"<li><a href='/shop/{n}'>Item {n} of the packing list</a></li>"
        if n % 3 == 0
        else f"<li>Item {n} of the packing list</li>"
        for n in range(6)
    )
)


def test_an_articles_list_that_links_some_items_survives_readabilitys_link_drop() -> None:
    # readability drops a list a fifth of whose text is links; on an article a checklist
    # linking a third of its items stays, a list of links goes (the test above).
    root = parse_html(_review(CHECKLIST, wrapper=None), location="page")
    kept, dropped = (readability_reading(root, article=a).article for a in (True, False))
    assert kept is not None and dropped is not None
    assert "Item 4 of the packing list" in kept.text_content()
    assert "Item 4" not in dropped.text_content()


PLAN = "<table>{}</table>".format(
    "".join(
        f"<tr><td>{week}</td><td>Rest</td><td>Run easy {20 + 5 * week} min</td></tr>"
        for week in range(1, 5)
    )
)


def test_a_table_under_its_heading_at_the_articles_end_stays() -> None:
    # A training plan's last weeks: a table in a scrolling wrapper readability drops for its
    # class, after the article's last paragraph, under the heading that names it (an empty
    # scroll shadow between them). It is the article's last section, not a box after its end.
    card = "<div class='shadow'></div><div class='overflow-x-scroll'>" + PLAN + "</div>"
    headed = _review(
        f"<h3>Half marathon to marathon plan</h3><div>{card}</div>", wrapper=None, last=True
    )
    unheaded = _review(f"<div>{card}</div>", wrapper=None, last=True)
    kept = readability_reading(parse_html(headed, location="page"), article=True).article
    dropped = readability_reading(parse_html(unheaded, location="page"), article=True).article
    assert kept is not None and dropped is not None
    assert "Run easy 40 min" in kept.text_content()
    assert "Run easy 40 min" not in dropped.text_content()


def test_an_articles_last_section_made_like_its_others_stays() -> None:
    # A garden guide's plants, each in a box of a class readability drops ("ck-widget"): the
    # boxes before the last have the guide going on after them and stay; the last one, made
    # like them, stays too. A box of another class there goes (the test above).
    plants = "".join(
        f"<div class='ck-widget'><h6>Plant {n}</h6><p>Plant {n} thrives in low light, with a "
        f"little water now and then, and wants no care at all from one year to the next.</p>"
        "</div>"
        for n in range(4)
    )
    root = parse_html(_review(plants, wrapper=None, last=True), location="page")
    reading = readability_reading(root, article=True).article
    assert reading is not None
    assert "Plant 3 thrives" in reading.text_content()
