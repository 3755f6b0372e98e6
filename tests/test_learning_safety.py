"""Learning site boilerplate can never erase an article (issue 13).

Read the same article under several addresses, or an article whose body shares paragraphs with
others of its site, and its body stays: addresses are normalised, a page whose blocks are mostly
"seen" is the same article again, learned removals come only from the head or tail of the
article, never from between two blocks of its body, never take it below a sane share, and are
listed like any removal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lire.clean.blocks import LEARNED_MAX_SHARE, clean
from lire.config import Config
from lire.model import Article, Block, BlockKind, Page, SiteMemory
from lire.pipeline import _article_key, read_page
from lire.store import SiteMemoryStore
from lire.text.fingerprint import fingerprint

BODY = [
    "The harbour reopened on Monday after three weeks of repairs to the sea wall, and the first "
    f"ferries came in before noon with {n} passengers and the morning post on board."
    for n in range(12)
]
FOOTER = "Sign up to the Harbour Gazette morning letter for the news of the coast."
RELATED = "More from the coast: the lighthouse keepers and their long winter watch."


def page(url: str, body: list[str], *, canonical: str | None = None) -> Page:
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{text}</p>" for text in body)
    html = f"<html><head>{head}<title>Harbour</title></head><body><article>{paragraphs}"
    html += f"<p>{FOOTER}</p><p>{RELATED}</p></article></body></html>"
    return Page(text=html, media_type="text/html", location=url, url=url)


ADDRESSES = [
    "https://news.example.org/2024/harbour",
    "https://news.example.org/2024/harbour#comments",
    "https://news.example.org/2024/harbour?utm_source=x&fbclid=y",
    "http://www.news.example.org/2024/harbour/",
    "https://news.example.org/2024/harbour/amp",
    "https://news.example.org/2024/harbour?page=all",
    "https://m.news.example.org/2024/harbour?output=print",
]


def test_the_same_article_read_under_many_addresses_keeps_its_body(tmp_path: Path) -> None:
    with SiteMemoryStore(tmp_path / "learn.sqlite3") as store:
        for address in ADDRESSES:
            article = read_page(page(address, BODY), config=Config(), memory=store).article
            text = article.text
            assert all(paragraph in text for paragraph in BODY), address
            learned = [r.text for r in article.removed if r.rule.startswith("learned/")]
            assert not set(learned) & set(BODY)


def test_a_page_of_mostly_seen_blocks_is_the_same_article_not_boilerplate() -> None:
    blocks = tuple(Block(BlockKind.PARAGRAPH, text) for text in [*BODY, FOOTER])
    seen = frozenset(fingerprint(block.text) for block in blocks)
    cleaned = clean(Article(blocks=blocks), memory=SiteMemory("s", "a", seen=seen)).article
    assert cleaned.blocks == blocks


def test_learned_removals_come_from_the_edges_never_from_the_body() -> None:
    middle = BODY[5]
    blocks = tuple(Block(BlockKind.PARAGRAPH, text) for text in [RELATED, *BODY, FOOTER])
    seen = frozenset(fingerprint(text) for text in (RELATED, middle, FOOTER))
    cleaned = clean(Article(blocks=blocks), memory=SiteMemory("s", "a", seen=seen)).article
    learned = [r for r in cleaned.removed if r.rule == "learned/site-repeat"]
    assert sorted(r.text for r in learned) == sorted([RELATED, FOOTER])
    assert [r.index for r in learned] == [0, len(blocks) - 1]  # listed like any removal
    assert middle in cleaned.text


def test_learned_removals_never_take_the_article_below_its_share() -> None:
    short = BODY[:2]
    tail = [f"{FOOTER} Edition {n} of the week, every morning at seven." for n in range(3)]
    blocks = tuple(Block(BlockKind.PARAGRAPH, text) for text in [*short, *tail])
    seen = frozenset(fingerprint(text) for text in tail)
    cleaned = clean(Article(blocks=blocks), memory=SiteMemory("s", "a", seen=seen)).article
    words = sum(len(block.text.split()) for block in blocks)
    removed = sum(len(r.text.split()) for r in cleaned.removed if r.rule.startswith("learned/"))
    assert removed <= LEARNED_MAX_SHARE * words
    assert all(text in cleaned.text for text in short)


@pytest.mark.parametrize(
    ("url", "canonical", "key"),
    [
        ("https://a.example/x?utm_source=1#c", None, "a.example/x"),
        ("https://a.example/x?id=2", "https://www.a.example/story", "a.example/story"),
        ("https://a.example/x", "javascript:alert(1)", "a.example/x"),
        ("https://a.example/x", "https://other.example/story", "a.example/x"),
        ("https://a.example/x", "http://[::1", "a.example/x"),
    ],
)
def test_an_article_is_keyed_by_its_normalised_address_and_a_plausible_canonical(
    url: str, canonical: str | None, key: str
) -> None:
    article = Article(blocks=(Block(BlockKind.PARAGRAPH, "text"),), url=url, canonical=canonical)
    assert _article_key(article) == key


def test_an_article_without_an_address_is_keyed_by_its_text() -> None:
    article = Article(blocks=(Block(BlockKind.PARAGRAPH, "text"),))
    assert _article_key(article).startswith("text:")
