"""The reader's states: a loaded article, loading, a failed or empty load, the key bar.

Readings are built from lire.model values and handed to the app through a loader
(``reader_kit``), so these tests do not depend on the pipeline unless they say so.
"""

from __future__ import annotations

import threading

import pytest
from rich.style import Style

from lire.model import Article, Block, BlockKind, KeyPoint, Reading, Summary
from lire.ui import LireApp, create_app
from lire.ui.dialogs import HelpScreen
from lire.ui.keybar import KeyBar
from lire.ui.summary import SummaryPane
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    Library,
    anyio_backend,
    app_for,
    make_reading,
    screen_text,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio


# -- states ----------------------------------------------------------------------------------


async def test_loaded_article_shows_header_body_summary_and_position() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "The harbour reopens" in text
        minutes = app.reader.trail[0].reading.article.reading_minutes
        assert minutes > 1
        assert f"Ann Writer · News Example · 20 November 2026 · {minutes} min read · en" in text
        assert "Introduction" in text and "#" not in text
        assert "Paragraph 1 lorem" in text
        summary = app.query_one(SummaryPane)
        assert summary.option_count == 3
        assert "The harbour reopened." in str(summary.get_option_at_index(0).prompt)
        assert status(app).percent < 100
        assert status(app).minutes_left > 0


async def test_page_text_is_never_parsed_as_markup() -> None:
    hostile = "[bold]x[/bold] [@click=app.quit]quit[/] [link=file:///etc/passwd]y[/link]"
    reading = Reading(
        article=Article(blocks=(Block(BlockKind.PARAGRAPH, hostile),), title="[red]T[/red]"),
        summary=Summary(points=(KeyPoint("[@click=app.quit]go[/]", 0),)),
    )
    app, _ = app_for(reading)
    async with app.run_test() as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert hostile in text
        assert "[red]T[/red]" in text
        await pilot.click(SummaryPane)
        await pilot.pause()
        assert app.is_running


def key_styles(app: LireApp) -> dict[str, bool]:
    """Each key shown in the key bar and whether it is dim."""
    text = app.query_one(KeyBar).render()
    keys = {}
    for span in text.spans:
        shown = text.plain[span.start : span.end].strip()
        if isinstance(span.style, Style) and span.style.bold:
            keys[shown] = bool(span.style.dim)
    return keys


async def test_the_key_bar_shows_the_main_keys_dimmed_until_there_is_an_article() -> None:
    app = create_app(source=None, loader=Library({}))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # close the history offered at start
        await pilot.pause()
        before = key_styles(app)
        assert before == {"q": False, "?": False, "s": False, "/": True, "x": True, "l": True,
                          ":": False}  # fmt: skip
        assert "Removed" in app.query_one(KeyBar).render().plain
    app, _ = app_for()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert not any(key_styles(app).values())


async def test_loading_shows_an_indicator_until_the_reading_arrives() -> None:
    release = threading.Event()
    reading = make_reading()

    def slow(source: str) -> Reading:
        release.wait(10)
        return reading

    app = create_app(source="slow", loader=slow)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert view(app).loading
        assert "Loading slow" in status(app).state
        release.set()
        await settle(pilot)
        assert not view(app).loading
        assert view(app).article is reading.article


async def test_a_failed_load_is_an_error_notification_and_the_app_stays_usable() -> None:
    app = create_app(source="missing", loader=Library({}))
    async with app.run_test() as pilot:
        await settle(pilot)
        notes = list(app._notifications)
        assert [note.severity for note in notes] == ["error"]
        assert notes[0].message == "missing could not be read"
        assert not notes[0].markup
        assert "Nothing to read" in screen_text(app)
        await pilot.press("slash", "x", "l", "y")  # need an article: disabled
        assert app.screen is app.screen_stack[0]
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "q")
        assert not app.is_running


async def test_an_unbuilt_pipeline_stage_is_reported_not_a_crash() -> None:
    def unbuilt(source: str) -> Reading:
        raise NotImplementedError("extract")

    app = create_app(source="x", loader=unbuilt)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert [note.message for note in app._notifications] == ["cannot read yet: extract"]
        assert app.is_running


async def test_an_empty_article_says_so() -> None:
    app, _ = app_for(Reading(article=Article(blocks=())))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert status(app).state == "This article is empty"
        assert status(app).percent == 100
        await pilot.press("j", "G", "slash")
        assert app.is_running
