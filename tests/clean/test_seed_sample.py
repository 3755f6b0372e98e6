"""The example that started lire: the Numerama article pasted as text, with its Numerama+ tail.

Read through the public ``lire.read_text``: every article paragraph survives in full, nothing of
the subscription pitch and Google News prompt remains, and every removal names its rule.
"""

from __future__ import annotations

import pytest

import lire
from lire.clean.rules import CATEGORIES
from paths import SHARED

SAMPLE = SHARED / "samples" / "numerama-plaintext.txt"
LAST_ARTICLE_LINE = "mais je suis heureux qu’il existe. »"
FIRST_TAIL_LINE = "+ rapide, + pratique, + exclusif"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def lines() -> list[str]:
    if not SAMPLE.is_file():
        pytest.skip(f"the shared sample {SAMPLE} is absent (../shared beside the repository)")
    return [
        line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.fixture(scope="module")
def reading(lines: list[str]) -> lire.Reading:
    return lire.read_text(SAMPLE.read_text(encoding="utf-8"))


def split(lines: list[str]) -> tuple[list[str], list[str]]:
    end = next(n for n, line in enumerate(lines) if line.endswith(LAST_ARTICLE_LINE)) + 1
    assert lines[end] == FIRST_TAIL_LINE
    return lines[:end], lines[end:]


def test_every_article_paragraph_is_kept_in_full(lines: list[str], reading: lire.Reading) -> None:
    article, _tail = split(lines)
    kept = [block.text for block in reading.article.blocks]
    texts = [*kept, reading.article.title or ""]
    assert all(any(line == text for text in texts) for line in article), article
    assert len(article) == 8


def test_nothing_of_the_pitch_tail_remains(lines: list[str], reading: lire.Reading) -> None:
    _article, tail = split(lines)
    text = reading.article.text
    assert len(tail) == 13
    for line in tail:
        assert line.lstrip("- ") not in text
    assert "Numerama+" not in text
    assert "Google News" not in text


def test_every_tail_line_is_a_removal_naming_its_rule(
    lines: list[str], reading: lire.Reading
) -> None:
    _article, tail = split(lines)
    removed = " ".join(removal.text for removal in reading.article.removed)
    for line in tail:
        assert line.lstrip("- ") in removed
    for removal in reading.article.removed:
        category, _, detail = removal.rule.partition("/")
        assert category in CATEGORIES and detail, removal
    categories = {removal.rule.partition("/")[0] for removal in reading.article.removed}
    assert {"subscription", "meter", "donation", "follow"} <= categories
