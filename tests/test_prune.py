"""prune: the DOM pass drops elements whose role is plain, and never the content."""

from __future__ import annotations

import pytest

from lire.htmltree import parse_html
from lire.model import Removal
from lire.prune import load_dom_rules, prune, words

ARTICLE = (
    "<p>The harbour authority said on Tuesday that the new quay would open next spring, after "
    "three years of works that closed the old fish market and moved the ferries north.</p>"
    "<p>Passengers waited in temporary sheds through two winters, and the ferry company said "
    "it would keep the sheds until the last of the works on the pier are finished.</p>"
)
RULE_CATEGORIES = {
    "subscription", "paywall", "meter", "login", "newsletter", "donation", "follow", "related",
    "share", "comment", "consent", "app", "ad", "credit", "author", "tags", "repeat", "learned",
    "site", "user", "hidden", "dialog", "form", "nav",
}  # fmt: skip


def pruned(extra: str) -> tuple[str, tuple[Removal, ...]]:
    """Prune a page holding the article and ``extra``; return the text left and the removals."""
    root = parse_html(
        f"<html><body><article>{ARTICLE}</article>{extra}</body></html>", location="t"
    )
    removals = prune(root)
    return " ".join(root.text_content().split()), removals


@pytest.mark.parametrize(
    ("extra", "rule"),
    [
        ("<div hidden>Hidden offer</div>", "hidden/dom-attribute"),
        ("<div aria-hidden='true'>Invisible label</div>", "hidden/dom-attribute"),
        ("<div style='color: red; display: none'>Display none</div>", "hidden/dom-style"),
        ("<div style='visibility:hidden'>Visibility hidden</div>", "hidden/dom-style"),
        ("<span class='sr-only'>Screen reader only</span>", "hidden/dom-class-sr-only"),
        ("<dialog>Dialog text</dialog>", "dialog/dom-dialog"),
        ("<div role='dialog'>Role dialog</div>", "dialog/dom-role-dialog"),
        ("<div class='modal'>A modal box</div>", "dialog/dom-class-modal"),
        ("<form><label>Your email</label></form>", "form/dom-form"),
        ("<nav>Home News Sport</nav>", "nav/dom-nav"),
        ("<aside>Most read today</aside>", "nav/dom-aside"),
        ("<footer>Contact us</footer>", "nav/dom-footer"),
        ("<div class='cookie-banner'>We use cookies</div>", "consent/dom-class-cookie"),
        ("<div id='gdpr'>Accept all</div>", "consent/dom-class-gdpr"),
        ("<div class='shareBar'>Share on Facebook</div>", "share/dom-class-share"),
        ("<ul aria-label='Share this article'><li>X</li></ul>", "share/dom-label-share"),
        ("<div class='newsletter-box'>Sign up</div>", "newsletter/dom-class-newsletter"),
        ("<div class='paywall'>Subscribe to read</div>", "paywall/dom-class-paywall"),
        ("<div class='subscribe-cta'>Only 1 euro</div>", "subscription/dom-class-subscribe"),
        ("<section class='related-articles'>Read also</section>", "related/dom-class-related"),
        ("<div class='read-more'>Read more</div>", "related/dom-class-read-more"),
        ("<div id='recommended'>You may like</div>", "related/dom-class-recommended"),
        ("<div id='comments'>12 comments</div>", "comment/dom-class-comments"),
        ("<div class='ad-slot'>Advertisement</div>", "ad/dom-class-ad"),
        ("<div class='author-bio'>Ann writes about ports</div>", "author/dom-class-author-bio"),
        ("<figure><figcaption>The quay in May</figcaption></figure>", "credit/dom-figcaption"),
        ("<div class='donate'>Support us</div>", "donation/dom-class-donate"),
        ("<div class='post-tags'>Ports Ferries</div>", "tags/dom-class-tags"),
        ("<div class='tooltip'>Ann Lee: 12 articles</div>", "dialog/dom-class-tooltip"),
        ("<div class='byline'>By Ann Lee</div>", "author/dom-class-byline"),
        ("<div data-component='consent'>Accept</div>", "consent/dom-class-consent"),
        ("<div class='iubenda-cs-container'>Cookie</div>", "consent/dom-class-iubenda"),
        ("<div class='partilhar'>Partilhar</div>", "share/dom-class-partilhar"),
        ("<aside class='related'>Sur le même sujet</aside>", "related/dom-class-related"),
        ("<span class='publish-date'>Nov 19, 2019</span>", "author/dom-class-publish-date"),
        ("<p><a href='/x'><b>READ MORE ON PORTS</b></a></p>", "related/dom-link-paragraph"),
    ],
)
def test_each_concept_is_removed_and_recorded(extra: str, rule: str) -> None:
    text, removals = pruned(extra)
    assert len(removals) == 1
    (removal,) = removals
    assert removal.rule == rule
    assert removal.text and removal.text not in text
    assert removal.index is None
    assert "The harbour authority said" in text


def test_rule_names_follow_the_naming_convention() -> None:
    rules = load_dom_rules()
    categories = {rule.split("/")[0] for rule in (*rules.tags.values(), *rules.words.values())}
    assert categories <= RULE_CATEGORIES
    _text, removals = pruned("<nav>Menu</nav><div class='share'>Share</div>")
    for removal in removals:
        category, detail = removal.rule.split("/")
        assert category in RULE_CATEGORIES and detail.startswith("dom-")


def test_scripts_and_styles_go_without_a_removal_record() -> None:
    text, removals = pruned("<script>var x = 'secret';</script><style>p {}</style>")
    assert "secret" not in text and removals == ()


@pytest.mark.parametrize(
    "extra",
    [
        "<div class='shareholder-letter'>Shareholders met</div>",
        "<div class='header badge'>Header badge</div>",
        "<div class='download'>Download the report</div>",
        "<div id='thread-head'>Heading</div>",
        "<div class='subscriber-count'>3 subscribers</div>",
    ],
)
def test_tokens_match_whole_class_words_only(extra: str) -> None:
    text, removals = pruned(extra)
    assert removals == ()
    assert extra.split(">")[1].split("<")[0] in text


def test_an_element_holding_most_of_the_text_is_kept_whatever_its_class() -> None:
    root = parse_html(
        f"<html><body><div class='content-sidebar-wrap'>{ARTICLE}</div>"
        "<div class='sidebar'>Popular</div></body></html>",
        location="t",
    )
    removals = prune(root)
    assert [removal.rule for removal in removals] == ["nav/dom-class-sidebar"]
    assert "The harbour authority said" in root.text_content()


def test_an_article_body_with_a_share_class_word_is_kept() -> None:
    root = parse_html(
        f"<html><body><div class='article-body share-enabled'>{ARTICLE}</div>"
        "<nav>Menu</nav></body></html>",
        location="t",
    )
    assert [removal.rule for removal in prune(root)] == ["nav/dom-nav"]
    assert "Passengers waited" in root.text_content()


def test_main_and_body_are_never_removed() -> None:
    root = parse_html(
        "<html><body class='modal-open' hidden>"
        f"<main class='related'>{ARTICLE}</main></body></html>",
        location="t",
    )
    assert prune(root) == ()
    assert "Passengers waited" in root.text_content()


def test_a_paragraph_that_mentions_subscribing_is_kept() -> None:
    mention = "<p>Readers who subscribe to the ferry newsletter were told first.</p>"
    text, removals = pruned(mention)
    assert removals == ()
    assert "Readers who subscribe to the ferry newsletter were told first." in text


@pytest.mark.parametrize(
    "paragraph",
    [
        "<p>See <a href='/plans'>the plans</a> published on Monday.</p>",
        "<p><a href='https://harbour.example/plans'>https://harbour.example/plans</a></p>",
        "<p><a href='mailto:ann@harbour.example'>ann@harbour.example</a></p>",
    ],
)
def test_paragraphs_with_text_besides_links_or_showing_an_address_are_kept(
    paragraph: str,
) -> None:
    text, removals = pruned(paragraph)
    assert removals == ()
    assert " ".join(parse_html(paragraph, location="t").text_content().split()) in text


def test_teaser_articles_nested_in_the_article_are_removed() -> None:
    teasers = "".join(f"<article><p>Teaser {n} about another story</p></article>" for n in (1, 2))
    root = parse_html(
        f"<html><body><article>{ARTICLE}{teasers}</article></body></html>", location="t"
    )
    removals = prune(root)
    assert [r.rule for r in removals] == ["related/dom-nested-article"] * 2
    assert "Teaser" not in root.text_content()
    assert "Passengers waited" in root.text_content()


def test_embedded_posts_get_a_class_readability_keeps() -> None:
    root = parse_html(
        "<html><body><blockquote class='twitter-tweet'><p>A tweet</p></blockquote></body></html>",
        location="t",
    )
    prune(root)
    quote = root.find(".//blockquote")
    assert quote is not None and "twitter" not in (quote.get("class") or "")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("shareBar_top", ("share", "bar", "top")),
        ("ad-slot", ("ad", "slot")),
        ("shareholder", ("shareholder",)),
        ("HTMLContent", ("htmlcontent",)),
    ],
)
def test_class_names_split_into_words(name: str, expected: tuple[str, ...]) -> None:
    assert words(name) == expected


def test_a_removal_shows_the_pieces_of_its_element_spaced() -> None:
    _text, removals = pruned("<ul class='related'><li>First story</li><li>Second story</li></ul>")
    assert [removal.text for removal in removals] == ["First story Second story"]
