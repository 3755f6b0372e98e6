"""The pipeline's candidates: each reading cleaned as far as the choice needs, the others kept."""

from __future__ import annotations

import lire
from lire.config import CleanConfig, Config
from lire.model import Article, Block, BlockKind, Candidate, PageKind
from lire.pipeline import clean_candidate
from paths import FIXTURES

FORUM = FIXTURES / "pages" / "de-forum-thread.html"


def test_a_reading_carries_its_kind_confidence_and_the_other_readings() -> None:
    reading = lire.read(str(FORUM))
    assert reading.article.kind is PageKind.FORUM
    assert 0.5 <= reading.confidence <= 1.0
    names = [candidate.name for candidate in reading.candidates]
    assert "readability" in names and "posts" not in names  # the posts won
    texts = [candidate.article.text for candidate in reading.candidates]
    assert reading.article.text not in texts and len(set(texts)) == len(texts)
    assert all(candidate.article.kind is PageKind.FORUM for candidate in reading.candidates)


def test_a_candidate_the_choice_did_not_clean_is_cleaned_on_demand() -> None:
    reading = lire.read(str(FORUM))
    page = next(candidate for candidate in reading.candidates if candidate.name == "page")
    cleaned = clean_candidate(page)
    assert cleaned.cleaned and cleaned.name == "page"
    assert cleaned.article.words <= page.article.words
    assert clean_candidate(cleaned) is cleaned


def test_without_the_cleaner_the_reading_is_readabilitys_and_still_has_its_kind() -> None:
    reading = lire.read(str(FORUM), config=Config(clean=CleanConfig(enabled=False)))
    assert reading.article.kind is PageKind.FORUM
    assert not reading.article.removed


def test_a_listings_whole_text_keeps_its_items_from_the_learned_model() -> None:
    # A listing is made of what an article's cleaner calls other articles' teasers (a guide's
    # title, its author, its summary): its wide readings are cleaned by the rules alone; an
    # article's are judged by the learned model too, which takes the items for teasers.
    items = [
        text
        for thing in TESTED
        for text in (
            f"The Best {thing.title()}",
            "by Ann Lee",
            f"We tested more than a dozen {thing} to find the best ones for most people.",
        )
    ]
    blocks = (Block(BlockKind.PARAGRAPH, INTRO), *(Block(BlockKind.PARAGRAPH, i) for i in items))
    kept = {}
    for kind in (PageKind.ARTICLE, PageKind.LISTING):
        article = Article(blocks=blocks, media_type="text/html", kind=kind)
        cleaned = clean_candidate(Candidate("page", article, 0.0, cleaned=False))
        kept[kind] = len(cleaned.article.blocks)
    assert kept[PageKind.LISTING] == len(blocks)
    assert kept[PageKind.ARTICLE] < len(blocks) // 2


INTRO = (
    "Our reviewers spend months with every product before they recommend it, and they update "
    "each guide when a better one comes along or a pick is discontinued by its maker."
)
TESTED = [
    "monitor arms", "keyboards", "phone tripods", "computer speakers", "subwoofers",
    "hearing aids", "fast chargers", "car chargers", "memory cards", "webcams", "mice",
    "headphones",
]  # fmt: skip
