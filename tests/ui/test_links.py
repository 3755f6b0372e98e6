"""Links: numbered, followed cleaned, refused unless http(s); back and forward; o, :, r.

Readings are built from lire.model values and handed to the app through a loader
(``reader_kit``), so these tests do not depend on the pipeline unless they say so.
"""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from lire.ui.dialogs import ConfirmScreen, PromptScreen
from lire.ui.lists import LinksScreen
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    anyio_backend,
    app_for,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio


async def test_links_are_numbered_followed_refused_and_walked_back_and_forward() -> None:
    app, library = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        assert isinstance(app.screen, LinksScreen)
        options = app.screen.query_one(OptionList)
        assert "https://report.example/full" in str(options.get_option_at_index(0).prompt)
        assert "javascript:alert(1)" in str(options.get_option_at_index(1).prompt)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "only http and https" in list(app._notifications)[-1].message
        await pilot.press("l", "enter")
        await settle(pilot)
        assert library.calls == ["a", "https://report.example/full"]
        assert view(app).article.url == "https://report.example/full"
        await pilot.press("h")
        assert view(app).article.url == "https://news.example/a"
        await pilot.press("L")
        assert view(app).article.url == "https://report.example/full"
        await pilot.press("backspace")
        assert view(app).article.url == "https://news.example/a"
        await pilot.press("backspace")
        assert status(app).state == "Nothing back"
        assert library.calls == ["a", "https://report.example/full"]


async def test_o_shows_the_target_then_opens_only_when_confirmed() -> None:
    opened: list[str] = []
    app, _ = app_for(opener=opened.append)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.target == "https://news.example/a"
        await pilot.press("n")
        assert opened == []
        await pilot.press("o", "y")
        assert opened == ["https://news.example/a"]
        await pilot.press("l", "o", "y")
        assert opened[-1] == "https://report.example/full"


async def test_colon_and_ctrl_l_open_a_source_and_r_reloads() -> None:
    app, library = app_for()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("colon")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"https://report.example/full", "enter")
        await settle(pilot)
        assert library.calls[-1] == "https://report.example/full"
        await pilot.press("ctrl+l")
        await pilot.press(*"nowhere", "enter")
        await settle(pilot)
        assert list(app._notifications)[-1].message == "nowhere could not be read"
        assert view(app).article.url == "https://report.example/full"
        await pilot.press("r")
        await settle(pilot)
        report = "https://report.example/full"
        assert library.calls == ["a", report, "nowhere", report]
        assert len(app.reader.trail) == 2
