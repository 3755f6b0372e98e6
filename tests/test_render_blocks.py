"""Rendering tables, captions, images, page kinds and candidates: exact output per format."""

from __future__ import annotations

import json

import pytest

from lire.model import Article, Block, BlockKind, Candidate, PageKind, Reading
from lire.render import aligned_table, blocks_text, render_json, render_markdown

markdown_it = pytest.importorskip("markdown_it")

TABLE = Block(
    BlockKind.TABLE,
    "Pier\tFerries\nNorth | east\t14\nSouth\t9*",
    rows=(("Pier", "Ferries"), ("North | east", "14"), ("South", "9*")),
    header=True,
)


def test_a_table_is_aligned_columns_in_text_with_its_header_underlined() -> None:
    assert blocks_text([TABLE]) == (
        "Pier          Ferries\n------------  -------\nNorth | east  14\nSouth         9*"
    )


def test_wide_characters_take_two_columns() -> None:
    assert aligned_table((("区", "a"), ("上京区", "b")), header=False) == "区      a\n上京区  b"


def test_a_table_is_a_gfm_table_in_markdown_and_its_cells_stay_text() -> None:
    markdown = render_markdown(Reading(Article(blocks=(TABLE,))))
    assert "| Pier | Ferries |\n|---|---|\n| North \\| east | 14 |\n| South | 9\\* |" in markdown
    parser = markdown_it.MarkdownIt("commonmark").enable("table")
    tokens = [t.type for t in parser.parse(markdown) if t.type.startswith(("th_", "td_"))]
    assert tokens.count("td_open") == 4 and tokens.count("th_open") == 2


def test_a_table_without_cells_falls_back_to_its_text() -> None:
    bare = Block(BlockKind.TABLE, "a\tb")
    assert blocks_text([bare]) == "a\tb"
    assert "a\tb" in render_markdown(Reading(Article(blocks=(bare,))))


def test_images_are_placeholders_and_captions_italic_in_markdown() -> None:
    blocks = (Block(BlockKind.IMAGE, "A cat on a keyboard"), Block(BlockKind.CAPTION, "At *work*"))
    assert blocks_text(blocks) == "[image: A cat on a keyboard]\n\nAt *work*"
    markdown = render_markdown(Reading(Article(blocks=blocks)))
    assert markdown.endswith("\\[image: A cat on a keyboard\\]\n\n*At \\*work\\**\n")


def test_json_gives_table_cells_kind_notice_confidence_and_candidates() -> None:
    other = Article(blocks=(Block(BlockKind.PARAGRAPH, "the whole page text"),))
    reading = Reading(
        Article(
            blocks=(TABLE,),
            kind=PageKind.PRODUCT,
            notice="teaser only: the rest is for subscribers",
        ),
        confidence=0.8123,
        candidates=(Candidate("page", other, 4.0, cleaned=False),),
    )
    document = json.loads(render_json(reading))
    assert document["blocks"][0]["rows"] == [
        ["Pier", "Ferries"],
        ["North | east", "14"],
        ["South", "9*"],
    ]
    assert document["blocks"][0]["header"] is True
    assert document["kind"] == "product"
    assert document["notice"] == "teaser only: the rest is for subscribers"
    assert document["confidence"] == 0.812
    assert document["candidates"] == [{"name": "page", "score": 4.0, "words": 4}]
