"""Keys typed ahead of a dialog: in a terminal the key that opens a dialog often comes in one
read with the next ones (``:`` then a path and enter, ``l`` then a number and enter, ``x`` then
enter). They all reach the app before the dialog is mounted; each must still land in it, in
order. ``burst`` posts them as the terminal driver does, without waiting in between.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from lire.model import Article, Block, BlockKind, Link, Reading
from lire.ui.dialogs import PromptScreen
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    anyio_backend,
    app_for,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio

_NAMES = {":": "colon", "~": "tilde", "/": "slash", ".": "full_stop", "#": "number_sign"}


def post(pilot: Pilot[int], *keys: str) -> None:
    """Post ``keys`` to the app at once, as one read from the terminal."""
    for key in keys:
        name = _NAMES.get(key, key)
        character = key if len(key) == 1 else ("\r" if key == "enter" else None)
        pilot.app.post_message(events.Key(name, character))


async def burst(pilot: Pilot[int], *keys: str) -> None:
    """Post ``keys`` to the app at once, as one read from the terminal, then let it settle."""
    post(pilot, *keys)
    await settle(pilot)


async def test_a_path_typed_with_the_colon_opens_with_home_expanded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app, library = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, ":", "~", "/", "a", ".", "h", "t", "m", "l", "enter")
        assert library.calls[-1] == str(tmp_path / "a.html")


async def test_a_later_read_waits_for_the_keys_typed_ahead_of_the_prompt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A loaded machine reads ":~/a" and ".html" + enter apart; the second read comes once the
    # prompt has focused its field, before the first read's keys are in it: it waits for them.
    monkeypatch.setenv("HOME", str(tmp_path))
    app, library = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        post(pilot, ":", "~", "/", "a")
        for _ in range(1000):
            await asyncio.sleep(0)
            if isinstance(app.screen, PromptScreen) and app.screen.focused is not None:
                break
        assert isinstance(app.screen, PromptScreen)
        await burst(pilot, ".", "h", "t", "m", "l", "enter")
        assert library.calls[-1] == str(tmp_path / "a.html")


async def test_a_number_typed_with_l_follows_that_link() -> None:
    links = tuple(Link(f"link {n}", f"https://example.org/{n}") for n in (1, 2, 3))
    block = Block(BlockKind.PARAGRAPH, "See link 1, link 2 and link 3.", links=links)
    app, library = app_for(Reading(article=Article(blocks=(block,), title="Links")))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "l", "3", "enter")
        assert library.calls[-1] == "https://example.org/3"


async def test_enter_typed_with_x_restores_and_j_moves_first() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "x", "enter")
        assert "Subscribe now for $1" in [block.text for block in view(app).article.blocks]
        assert status(app).state.startswith("Restored")


async def test_a_search_typed_with_the_slash_finds_its_word() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "/", "s", "e", "c", "o", "n", "d", "enter")
        assert status(app).state == "Match 1/1"
