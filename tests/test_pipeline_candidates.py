"""The pipeline's candidates: each reading cleaned as far as the choice needs, the others kept."""

from __future__ import annotations

import lire
from lire.config import CleanConfig, Config
from lire.model import PageKind
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
