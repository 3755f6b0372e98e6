"""kinds: a page's kind from its JSON-LD, og:type, address and markup; votes add up."""

from __future__ import annotations

import json

import pytest

from lire.extract.kinds import page_kind, page_votes
from lire.extract.metadata import read_metadata
from lire.extract.scan import scan_page
from lire.extract.tree import parse_html
from lire.model import PageKind

ARTICLE_META = "<meta property='og:type' content='article'>"
DATED = "<meta property='article:published_time' content='2024-05-01'>"


def kind_of(
    head: str = "", body: str = "<p>text</p>", url: str | None = None, listed: float = 0.0
) -> PageKind:
    root = parse_html(f"<html><head>{head}</head><body>{body}</body></html>", location="test")
    votes = page_votes(scan_page(root), read_metadata(root, url=url), url)
    return page_kind(votes, listed=listed)


def ld(kind: str) -> str:
    return f"<script type='application/ld+json'>{json.dumps({'@type': kind})}</script>"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("Product", PageKind.PRODUCT),
        ("QAPage", PageKind.FORUM),
        ("DiscussionForumPosting", PageKind.FORUM),
        ("TechArticle", PageKind.DOCUMENTATION),
        ("CollectionPage", PageKind.COLLECTION),
        ("NewsArticle", PageKind.ARTICLE),
        ("Service", PageKind.SERVICE),
    ],
)
def test_json_ld_type_names_the_kind(kind: str, expected: PageKind) -> None:
    assert kind_of(ld(kind) + DATED) is expected


def test_og_type_product_names_a_product() -> None:
    assert kind_of("<meta property='og:type' content='product'>" + DATED) is PageKind.PRODUCT


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://forum.example.org/t/first-telescope/1555", PageKind.FORUM),
        ("https://example.org/forums/topic/150745-new-ui/", PageKind.FORUM),
        ("https://docs.example.org/en/latest/guide/cache", PageKind.DOCUMENTATION),
        ("https://shop.example.org/products/wool-runners", PageKind.PRODUCT),
        ("https://example.org/collections/coffee", PageKind.COLLECTION),
        ("https://example.org/services/data-analytics", PageKind.SERVICE),
        ("https://example.org/", PageKind.SERVICE),
    ],
)
def test_the_address_votes_for_a_kind(url: str, expected: PageKind) -> None:
    assert kind_of(DATED, url=url) is expected


def test_a_page_without_any_signal_is_an_article() -> None:
    assert (
        kind_of(ARTICLE_META + DATED, url="https://example.org/2024/05/a-story") is PageKind.ARTICLE
    )


def test_an_undated_page_without_article_markup_leans_to_service() -> None:
    assert kind_of(url="https://example.org/our-team") is PageKind.SERVICE
    assert kind_of(ARTICLE_META, url="https://example.org/our-team") is PageKind.ARTICLE


def test_repeated_post_markup_makes_a_forum() -> None:
    posts = "".join(f"<div class='post'><p>reply {n}</p></div>" for n in range(4))
    assert kind_of(DATED, body=posts) is PageKind.FORUM
    assert kind_of(DATED, body=posts[:60]) is PageKind.ARTICLE


def test_code_blocks_make_documentation() -> None:
    code = "<p>Run this:</p><pre>make</pre><p>then this:</p><pre>make install</pre>"
    assert kind_of(DATED, body=code) is PageKind.DOCUMENTATION


def test_a_page_mostly_in_repeated_cards_is_a_listing() -> None:
    assert kind_of(DATED, listed=0.9) is PageKind.LISTING
    assert kind_of(DATED, listed=0.1) is PageKind.ARTICLE
    assert kind_of(DATED, listed=0.45) is PageKind.ARTICLE  # under half: cards beside an article
