"""Small screens: help scrolls with the reader's keys, dialogs take the whole width under 60
columns and keep their titles, the key bar keeps every key at 60 and 40 columns, and the
summary below a short article view is a title line and its points, not a box.

Readings come from ``reader_kit``; the sizes are the ones issue 12 names.
"""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import OptionList

from lire.ui.dialogs import HelpScreen, PromptScreen
from lire.ui.keybar import KeyBar
from lire.ui.lists import RemovedScreen
from lire.ui.summary import SummaryPane
from reader_kit import anyio_backend, app_for, settle  # noqa: F401  (anyio_backend: the fixture)

pytestmark = pytest.mark.anyio

MAIN_KEYS = ["q", "?", "s", "/", "x", "l", ":"]


async def test_help_scrolls_to_its_last_key_at_80x24() -> None:
    app, _ = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0, "at 80x24 the keys do not all fit"
        assert scroll.has_focus
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y - 1
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("size", [(40, 12), (60, 20)])
async def test_a_dialog_is_as_wide_as_the_screen_allows_and_keeps_its_title(
    size: tuple[int, int],
) -> None:
    app, _ = app_for()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, RemovedScreen)
        box = app.screen.query_one(OptionList)
        assert box.outer_size.width >= size[0] - 12
        title = str(box.border_title)
        assert len(title) + 4 <= box.outer_size.width, "the title is not cut"


async def test_a_prompt_is_the_bottom_line_at_40x12() -> None:
    app, _ = app_for()
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, PromptScreen)
        line = app.screen.query_one(".prompt-line")
        assert line.region.y == 11 and line.region.width == 40 and line.region.height == 1


@pytest.mark.parametrize("width", [40, 60, 80])
async def test_the_key_bar_keeps_every_main_key(width: int) -> None:
    app, _ = app_for()
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        bar = app.query_one(KeyBar)
        text = bar.render()
        assert text.cell_len <= width
        assert [word for word in text.plain.split() if word in MAIN_KEYS] == MAIN_KEYS
        assert "Help" in text.plain
        if width >= 80:
            assert "Open URL" in text.plain


async def test_at_40x12_the_summary_is_a_title_line_and_its_points() -> None:
    app, _ = app_for()
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        pane = app.query_one(SummaryPane)
        assert pane.styles.border_left[0] in ("", "none")
        assert pane.outer_size.height == 3
        assert pane.size.height == 2, "two rows of points under one title row"
