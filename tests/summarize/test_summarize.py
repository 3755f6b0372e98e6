"""The offline summarizer: points come from the article, link to their block, and read well."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from lire.model import Article, Block, BlockKind
from lire.summarize.offline import (
    EMPTY_NOTE,
    SHORT_NOTE,
    article_from_text,
    closest_block,
    lead,
    summarize,
    summarize_text,
)
from lire.text.sentences import split_sentences
from paths import SHARED

P, H, LI = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM

RIVER = Article(
    blocks=(
        Block(H, "Flooding on the river Severn"),
        Block(
            P,
            "Flood defences on the river Severn failed on Tuesday night after days of heavy rain. "
            "Hundreds of homes in the town were evacuated as the river rose.",
        ),
        Block(P, "It was cold."),
        Block(
            P,
            "The Environment Agency said the flood defences had been designed for a river level "
            "that was exceeded by almost a metre. Engineers worked through the night.",
        ),
        Block(LI, "Flood defences on the river Severn: what failed and why the river rose"),
        Block(
            P,
            "Residents criticised the agency for failing to maintain the flood defences along "
            "the river Severn, which were last repaired in 2015.",
        ),
        Block(
            P,
            "A local bakery handed out free bread and tea to families waiting in the school hall. "
            "The weather forecast promises sunshine at the weekend.",
        ),
        Block(
            P,
            "Flood defences on the river Severn failed on Tuesday night after days of heavy rain.",
        ),
    ),
    lang="en",
)


def sentences_of(article: Article) -> dict[str, int]:
    """Every sentence of the article and the index of its block."""
    found: dict[str, int] = {}
    for index, block in enumerate(article.blocks):
        for sentence in split_sentences(block.text, lang=article.lang):
            found.setdefault(sentence.text, index)
    return found


def test_points_are_sentences_of_the_article_linked_to_their_block() -> None:
    summary = summarize(RIVER)
    known = sentences_of(RIVER)
    assert len(summary.points) == 3
    for point in summary.points:
        assert point.text in known
        assert point.text in RIVER.blocks[point.block].text
    assert summary.method == "offline"
    assert summary.lang == "en"


def test_points_come_in_article_order() -> None:
    blocks = [point.block for point in summarize(RIVER).points]
    assert blocks == sorted(blocks)


def test_near_duplicates_are_skipped() -> None:
    texts = [point.text for point in summarize(RIVER, points=4).points]
    assert len(texts) == len(set(texts)) == 4
    repeated = (
        "Flood defences on the river Severn failed on Tuesday night after days of heavy rain."
    )
    assert texts.count(repeated) == 1


def test_headings_list_items_and_fragments_are_not_points() -> None:
    for point in summarize(RIVER, points=4).points:
        assert RIVER.blocks[point.block].kind is P
        assert point.text != "It was cold."


def test_headings_are_points_when_nothing_else_is_there() -> None:
    headings = (
        "Council budget approved after a long night",
        "Schools and libraries receive more money",
        "Opposition warns about the growing debt",
        "Next council meeting in December",
    )
    summary = summarize(Article(blocks=tuple(Block(H, text) for text in headings)), points=2)
    assert len(summary.points) == 2
    assert all(point.text == headings[point.block] for point in summary.points)


def test_one_point_picks_the_most_central_sentence() -> None:
    (point,) = summarize(RIVER, points=1).points
    assert "flood defences" in point.text.lower()
    assert "bakery" not in point.text


def test_summary_is_deterministic() -> None:
    assert summarize(RIVER) == summarize(RIVER) == summarize(replace(RIVER))


def test_empty_article_gets_a_note_and_no_points() -> None:
    for article in (Article(blocks=()), Article(blocks=(Block(P, "  "),))):
        summary = summarize(article)
        assert summary.points == ()
        assert summary.note == EMPTY_NOTE


def test_short_article_gets_a_note_instead_of_a_copy() -> None:
    article = Article(blocks=(Block(P, "Only one sentence here. And a second one."),))
    summary = summarize(article, points=3)
    assert summary.points == ()
    assert summary.note == SHORT_NOTE
    assert summarize(article, points=1).points != ()


def test_asking_for_no_points_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="at least one point"):
        summarize(RIVER, points=0)
    with pytest.raises(ValueError, match="at least one point"):
        lead(RIVER, points=-1)


def test_language_comes_from_the_article_then_the_argument() -> None:
    # extraction tells the language once (Article.lang); the summary does not guess again
    assert summarize(replace(RIVER, lang="en-GB")).lang == "en"
    assert summarize(replace(RIVER, lang=None)).lang is None
    assert summarize(RIVER, lang="de").lang == "de"
    assert summarize(article_from_text(RIVER.text)).lang == "en"


def test_unknown_language_still_gets_a_summary() -> None:
    text = "\n".join(
        [
            "Kaupunginvaltuusto hyväksyi maanantaina uuden budjetin pitkän keskustelun jälkeen.",
            "Budjetti sisältää lisää rahaa kouluille ja kirjastoille ensi vuonna.",
            "Opposition mukaan budjetti on liian suuri ja velka kasvaa nopeasti.",
            "Kaupunginjohtaja puolusti budjettia ja sanoi sen olevan välttämätön.",
            "Seuraava kokous pidetään joulukuussa kaupungintalolla.",
        ]
    )
    summary = summarize_text(text, points=2)
    assert len(summary) == 2
    assert all(point in text for point in summary)


def test_lead_takes_the_first_sentences_of_the_body() -> None:
    summary = lead(RIVER, points=3)
    assert summary.method == "lead"
    assert [point.text for point in summary.points] == [
        "Flood defences on the river Severn failed on Tuesday night after days of heavy rain.",
        "Hundreds of homes in the town were evacuated as the river rose.",
        "It was cold.",
    ]
    assert [point.block for point in summary.points] == [1, 1, 2]


def test_summarize_text_returns_sentences_of_the_text() -> None:
    text = "\n\n".join(block.text for block in RIVER.blocks)
    points = summarize_text(text, points=2)
    assert len(points) == 2
    assert all(point in sentences_of(RIVER) for point in points)


def test_summary_text_is_sanitised() -> None:
    article = Article(
        blocks=tuple(
            Block(P, f"The council \x1b[31mbudget\x1b[0m vote number {n} passed easily today.")
            for n in range(5)
        )
    )
    assert all("\x1b" not in point.text for point in summarize(article, points=2).points)


def test_closest_block_finds_the_block_a_paraphrase_comes_from() -> None:
    assert closest_block("a local bakery gave bread to families", RIVER, "en") == 6
    assert closest_block("the agency said defences were designed too low", RIVER, "en") == 3
    assert closest_block("anything", Article(blocks=()), "en") == 0


def test_importing_the_summarizer_loads_no_stemmer() -> None:
    code = "import sys, lire.summarize; print('snowballstemmer' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.shared
def test_numerama_summary_comes_only_from_article_sentences() -> None:
    path = SHARED / "samples" / "numerama-plaintext.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared samples live beside the repo)")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    paragraphs = [line for line in lines if line][:7]
    article = article_from_text("\n".join(paragraphs))  # pasted text: its language detected
    summary = summarize(article)
    known = sentences_of(article)
    assert summary.lang == "fr"
    assert len(summary.points) == 3
    for point in summary.points:
        assert point.text in known
        assert point.text in paragraphs[point.block]
        assert "Numerama+" not in point.text
