"""Rendering a Reading as text, Markdown, JSON, summary and removal report, compared exactly."""

from __future__ import annotations

import json

from lire.model import (
    Article,
    Block,
    BlockKind,
    KeyPoint,
    Link,
    Reading,
    Removal,
    Summary,
)
from lire.render import (
    blocks_markdown,
    human_date,
    render_explain,
    render_json,
    render_markdown,
    render_summary,
    render_text,
)

P = BlockKind.PARAGRAPH

ARTICLE = Article(
    title="A \x1b[31mtitle\x1b[0m",
    byline="Ana Lopes",
    site="Example News",
    published="2024-12-05T10:00:00+01:00",
    lang="en",
    url="https://news.example/a",
    blocks=(
        Block(P, "First paragraph with a link here."),
        Block(BlockKind.HEADING, "A heading", level=2),
        Block(BlockKind.LIST_ITEM, "one", level=1),
        Block(BlockKind.LIST_ITEM, "two", level=1),
        Block(BlockKind.QUOTE, "Quoted words."),
    ),
    removed=(Removal("subscription/en-offer", "Subscribe now for $1", index=5),),
)
READING = Reading(
    article=ARTICLE,
    summary=Summary(points=(KeyPoint("First paragraph with a link here.", 0),), lang="en"),
)


def test_text_has_a_header_then_the_body() -> None:
    assert render_text(READING) == (
        "A title\n"
        "=======\n"
        "Ana Lopes · Example News · 5 December 2024, 10:00 · 1 min read\n"
        "https://news.example/a\n"
        "\n"
        "First paragraph with a link here.\n\nA heading\n\n- one\n- two\n\n| Quoted words.\n"
    )


def test_markdown_has_title_meta_url_and_structure() -> None:
    assert render_markdown(READING) == (
        "# A title\n\n"
        "*Ana Lopes · Example News · 5 December 2024, 10:00 · 1 min read*\n\n"
        "<https://news.example/a>\n\n"
        "First paragraph with a link here.\n\n## A heading\n\n- one\n- two\n\n> Quoted words.\n"
    )


def test_markdown_escapes_page_text_so_it_cannot_become_structure() -> None:
    blocks = (
        Block(P, "# not a heading"),
        Block(P, "1. not a list, and *not emphasis* or [a link](x)"),
        Block(P, "> not a quote <script>"),
    )
    assert blocks_markdown(blocks) == (
        "\\# not a heading\n\n"
        "1\\. not a list, and \\*not emphasis\\* or \\[a link\\](x)\n\n"
        "\\> not a quote \\<script>"
    )


def test_markdown_links_use_the_resolved_target_and_skip_unsafe_schemes() -> None:
    block = Block(
        P,
        "Read the report and the note.",
        links=(
            Link("the report", "https://example.org/report?a=1&b=2"),
            Link("the note", "javascript:alert(1)"),
        ),
    )
    assert blocks_markdown((block,)) == (
        "Read [the report](<https://example.org/report?a=1&b=2>) and the note."
    )


def test_markdown_code_fence_is_longer_than_any_backtick_run_inside() -> None:
    block = Block(BlockKind.CODE, "print('```')")
    assert blocks_markdown((block,)) == "````\nprint('```')\n````"


def test_ordered_and_nested_list_items() -> None:
    blocks = (
        Block(BlockKind.LIST_ITEM, "first", level=1, ordinal=1),
        Block(BlockKind.LIST_ITEM, "nested", level=2),
        Block(BlockKind.LIST_ITEM, "second", level=1, ordinal=2),
    )
    assert blocks_markdown(blocks) == "1. first\n  - nested\n2. second"


def test_json_has_exactly_the_contract_keys_and_nulls() -> None:
    document = json.loads(render_json(READING))
    assert list(document) == [
        "title",
        "byline",
        "site",
        "published",
        "lang",
        "url",
        "text",
        "markdown",
        "blocks",
        "removed",
        "summary",
        "stats",
        "kind",
        "canonical",
        "notice",
        "confidence",
        "candidates",
        "chosen",
    ]
    assert document["title"] == "A title"
    assert document["blocks"][1] == {"kind": "heading", "text": "A heading"}
    assert document["removed"] == [
        {"rule": "subscription/en-offer", "text": "Subscribe now for $1"}
    ]
    assert document["summary"] == [{"text": "First paragraph with a link here.", "block": 0}]
    assert document["stats"] == {"words": 12, "reading_minutes": 1}
    empty = json.loads(render_json(Reading(article=Article(blocks=()))))
    assert empty["title"] is None
    assert empty["byline"] is None
    assert empty["stats"] == {"words": 0, "reading_minutes": 0}


def test_summary_only_output() -> None:
    assert render_summary(READING, "text") == "- First paragraph with a link here.\n"
    short = Reading(article=ARTICLE, summary=Summary(note="The article is short."))
    assert render_summary(short, "markdown") == "The article is short.\n"
    document = json.loads(render_summary(READING, "json"))
    assert document["summary"] == [{"text": "First paragraph with a link here.", "block": 0}]


def test_explain_lists_rule_and_text() -> None:
    assert render_explain(READING) == (
        "1 removed:\n- subscription/en-offer\n    Subscribe now for $1\n"
    )
    assert render_explain(Reading(article=Article(blocks=()))) == "Nothing was removed.\n"


def test_dates_are_shown_for_people_and_an_unreadable_one_as_the_page_wrote_it() -> None:
    assert human_date("2026-11-20") == "20 November 2026"
    assert human_date("2026-11-20T07:05:00Z") == "20 November 2026, 07:05"
    assert human_date("le 20 novembre") == "le 20 novembre"
    assert human_date("2026-11-20\x1b[2J") == "20 November 2026"  # sanitised, then read
