"""Loads in flight, the history, positions that stick, themes.

Readings are built from lire.model values and handed to the app through a loader
(``reader_kit``), so these tests do not depend on the pipeline unless they say so.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import OptionList

from lire.model import Reading
from lire.store.history import History
from lire.ui import create_app
from lire.ui.dialogs import PromptScreen
from lire.ui.lists import HistoryScreen
from lire.ui.status import StatusLine
from lire.ui.summary import SummaryPane
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    Library,
    anyio_backend,
    app_for,
    make_reading,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio


async def test_escape_cancels_a_load_and_its_late_result_is_ignored() -> None:
    release = threading.Event()
    first = make_reading()

    def loader(source: str) -> Reading:
        if source == "slow":
            release.wait(10)
            return make_reading(paragraphs=2)
        return first

    app = create_app(source="a", loader=loader)
    async with app.run_test() as pilot:
        await settle(pilot)
        app.reader.load("slow")
        await pilot.pause()
        assert app.reader.query_one(StatusLine).busy
        assert view(app).article is first.article  # the article stays while the next loads
        await pilot.press("escape")
        assert not app.reader.query_one(StatusLine).busy
        assert status(app).state == "Cancelled"
        release.set()
        await settle(pilot)
        assert view(app).article is first.article


# -- history, themes -------------------------------------------------------------------------


async def test_reopening_an_article_returns_to_where_the_reader_was(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    app, _ = app_for(history=history)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space")
        await pilot.pause()
        top = view(app).top_block
        assert top > 5
    history.close()
    history = History(path)
    assert history.position("a") == top
    app, _ = app_for(history=history)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert view(app).top_block == top
        await pilot.press("H")
        assert isinstance(app.screen, HistoryScreen)
        assert "The harbour reopens" in str(
            app.screen.query_one(OptionList).get_option_at_index(1).prompt
        )
    history.close()


async def test_no_source_opens_the_history_with_a_url_prompt_and_the_sample(tmp_path: Path) -> None:
    library = Library({"sample.txt": make_reading()})
    history = History(tmp_path / "history.sqlite3")
    history.record("sample.txt", title="Read before")  # listed once, as the sample
    app = create_app(source=None, loader=library, sample="sample.txt", history=history)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert library.calls == ["sample.txt"]
        await pilot.press("H")
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("enter")
        assert isinstance(app.screen, PromptScreen)
    history.close()


async def test_config_theme_and_no_color_are_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    from lire.config import AppConfig, Config

    monkeypatch.setenv("NO_COLOR", "1")
    config = Config(app=AppConfig(theme="textual-light", show_summary=False))
    app, _ = app_for(config=config)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        assert not app.current_theme.dark
        assert app.no_color
        assert not app.query_one(SummaryPane).display
        light = view(app).palette
        app.theme = "textual-dark"
        await pilot.pause()
        assert view(app).palette != light  # repainted with the new theme's colours
