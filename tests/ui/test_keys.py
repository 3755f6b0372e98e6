"""The keys that move in the article and between panes, help and the command palette.

Readings are built from lire.model values and handed to the app through a loader
(``reader_kit``), so these tests do not depend on the pipeline unless they say so.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.binding import Binding

from lire.ui.article import ArticleView
from lire.ui.dialogs import HelpScreen
from lire.ui.keys import READER_KEYS
from lire.ui.summary import SummaryPane
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    anyio_backend,
    app_for,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio

ALL_KEYS = [b for b in (*READER_KEYS, *ArticleView.BINDINGS) if isinstance(b, Binding)]


# -- moving ----------------------------------------------------------------------------------


def page(height: int) -> int:
    return height - 1


def half(height: int) -> int:
    return height // 2


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("j",), lambda h: 1),
        (("down",), lambda h: 1),
        (("j", "j", "k"), lambda h: 1),
        (("j", "j", "up"), lambda h: 1),
        (("space",), page),
        (("pagedown",), page),
        (("space", "space", "b"), page),
        (("space", "space", "pageup"), page),
        (("d",), half),
        (("d", "d", "u"), half),
    ],
)
async def test_line_page_and_half_page_keys_scroll_the_article(
    keys: tuple[str, ...], expected: Callable[[int], int]
) -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        height = view(app).scrollable_content_region.height
        assert height > 30
        await pilot.press(*keys)
        await pilot.pause()
        assert view(app).scroll_y == expected(height)


async def test_home_end_g_and_shift_g_go_to_the_ends() -> None:
    app, _ = app_for()
    async with app.run_test() as pilot:
        await settle(pilot)
        article = view(app)
        for keys, at_end in ((("G",), True), (("g",), False), (("end",), True), (("home",), False)):
            await pilot.press(*keys)
            await pilot.pause()
            assert article.scroll_y == (article.max_scroll_y if at_end else 0)
        await pilot.press("G")
        await pilot.pause()
        assert status(app).percent == 100
        assert status(app).minutes_left == 0


async def test_brackets_move_between_headings() -> None:
    app, _ = app_for()
    async with app.run_test() as pilot:
        await settle(pilot)
        article = view(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert article.scroll_y == article.block_line(0)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        second = next(i for i, b in enumerate(article.article.blocks) if b.text == "Second part")
        assert article.scroll_y == article.block_line(second)
        await pilot.press("right_square_bracket")
        assert "No heading below" in status(app).state
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert article.scroll_y == article.block_line(0)


# -- panes -----------------------------------------------------------------------------------


async def test_s_toggles_the_summary_and_tab_switches_panes() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        summary = app.query_one(SummaryPane)
        assert view(app).has_focus
        await pilot.press("tab")
        assert summary.has_focus
        await pilot.press("tab")
        assert view(app).has_focus
        await pilot.press("s")
        await pilot.pause()
        assert not summary.display
        assert view(app).size.width > 100
        await pilot.press("tab")
        assert view(app).has_focus
        await pilot.press("s")
        await pilot.pause()
        assert summary.display


async def test_summary_sits_beside_the_article_when_wide_and_below_when_narrow() -> None:
    for size, beside in (((120, 40), True), ((80, 24), False)):
        app, _ = app_for()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            article = view(app).region
            summary = app.query_one(SummaryPane).region
            if beside:
                assert summary.x >= article.right and summary.y == article.y
            else:
                assert summary.y >= article.bottom and summary.x == article.x


async def test_enter_on_a_summary_point_scrolls_to_and_highlights_its_paragraph() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "down", "enter")
        await pilot.pause()
        article = view(app)
        assert article.scroll_y == min(article.block_line(21), article.max_scroll_y)
        assert article.marks.flashed == 21
        line = article.render_line(round(article.block_line(21) - article.scroll_y))
        assert "Paragraph 20" in line.text
        assert any(segment.style and segment.style.bgcolor for segment in line)


# -- dialogs ---------------------------------------------------------------------------------


async def test_help_lists_every_binding() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = dict(app.screen.keys)
        for binding in ALL_KEYS:
            assert binding.description in listed.values()
        assert {
            "j down ctrl+e",
            "G end",
            "]",
            ": ctrl+l",
            "space pagedown ctrl+f",
            "d ctrl+d",
        } <= set(listed)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_action_is_in_the_command_palette() -> None:
    app, _ = app_for()
    async with app.run_test() as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for binding in ALL_KEYS:
            if binding.action != "app.quit":
                assert binding.description in titles
