"""The removed view: what the cleaner removed, restored where it belongs and kept for the site.

Readings are built from lire.model values and handed to the app through a loader
(``reader_kit``), so these tests do not depend on the pipeline unless they say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from lire.model import Article, Block, BlockKind, KeyPoint, Reading, Removal, Summary
from lire.ui import create_app
from lire.ui.lists import RemovedScreen
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    PAGE_TEXT,
    anyio_backend,
    app_for,
    screen_text,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio


async def test_removed_view_restores_a_block_in_place_and_keeps_it_for_the_site(
    tmp_path: Path,
) -> None:
    from lire.store import SiteMemoryStore  # built alongside the app

    store = SiteMemoryStore(tmp_path / "learn.sqlite3")
    app, _ = app_for(learn=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, RemovedScreen)
        await pilot.press("enter")
        await pilot.pause()
        blocks = view(app).article.blocks
        assert blocks[3].text == "Subscribe now for $1"
        assert [b.text.split()[1] for b in blocks[1:3]] == ["1", "2"]
        assert blocks[4].text.startswith("Paragraph 3")
        assert "Restored: subscription/en-pitch" in status(app).state
        assert store.is_kept("news.example", "Subscribe now for $1")  # the cleaner's site key
    store.close()


@dataclass(frozen=True, slots=True)
class CutTail(Removal):
    """A tail cut off a kept block, as the cleaner records it once Removal carries ``cut``."""

    cut: bool = True


def cleaned_in_pieces() -> Reading:
    """Before cleaning: 0 heading, 1 p, 2 p + glued pitch, 3 block removed in two parts, 4 p."""
    blocks = (
        Block(BlockKind.HEADING, "Harbour", level=2),
        Block(BlockKind.PARAGRAPH, "The port reopened on Monday."),
        Block(BlockKind.PARAGRAPH, "Ships came back at night."),
        Block(BlockKind.PARAGRAPH, "The council will vote in May."),
    )
    removed = (
        Removal("share/dom-bar", "Share on Mastodon", None),
        CutTail("subscription/en-pitch", "Subscribe for $1 a month.", 2),
        Removal("newsletter/en-signup", "Get our newsletter.", 3),
        Removal("follow/en-google-news", "Follow us on Google News.", 3),
        Removal("consent/dom-dialog", "We use cookies", None),
    )
    article = Article(blocks=blocks, title="Harbour", url="https://news.example/h", removed=removed)
    points = (KeyPoint("The council will vote.", 3),)
    return Reading(article=article, summary=Summary(points=points, method="offline"))


async def restore_number(pilot: Pilot[int], number: int) -> None:
    await pilot.press("x")
    assert isinstance(pilot.app.screen, RemovedScreen)
    await pilot.press(*["down"] * number, "enter")
    await pilot.pause()
    assert not isinstance(pilot.app.screen, RemovedScreen)


async def test_x_puts_tails_parts_and_page_removals_back_where_they_belong() -> None:
    app, _ = app_for(cleaned_in_pieces())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        prompts = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert "goes back at the end" in prompts[0] and "end of a paragraph" in prompts[1]
        await pilot.press("escape")
        await restore_number(pilot, 1)  # the cut tail: back at the end of its paragraph
        texts = [block.text for block in view(app).article.blocks]
        assert texts[2] == "Ships came back at night. Subscribe for $1 a month."
        assert len(texts) == 4
        await restore_number(pilot, 3)  # the second part of block 3, alone, then the first
        texts = [block.text for block in view(app).article.blocks]
        assert texts[3:] == ["Follow us on Google News.", "The council will vote in May."]
        await restore_number(pilot, 2)
        texts = [block.text for block in view(app).article.blocks]
        assert texts[3] == "Get our newsletter. Follow us on Google News."
        await restore_number(pilot, 4)  # removed from the page: no position, so at the end
        await restore_number(pilot, 0)
        texts = [block.text for block in view(app).article.blocks]
        expected = ["The council will vote in May.", "Share on Mastodon", "We use cookies"]
        assert texts[4:] == expected  # in the order the page pass removed them
        assert "Restored: share/dom-bar" in status(app).state
        await pilot.press("tab", "enter")  # the summary point still finds its paragraph
        await pilot.pause()
        assert view(app).marks.flashed == 4


async def test_a_restored_block_is_kept_by_the_cleaner_on_the_next_read(tmp_path: Path) -> None:
    from lire.config import Config
    from lire.model import Page
    from lire.pipeline import read_page
    from lire.store import SiteMemoryStore

    pitch = "Sign up for our newsletter to get the best stories in your inbox every morning."
    page = Page(
        text=PAGE_TEXT + "\n" + pitch + "\n",
        media_type="text/plain",
        location="https://news.example/harbour",
        url="https://news.example/harbour",
    )
    path = tmp_path / "learned.sqlite3"

    def loader(source: str) -> Reading:
        store = SiteMemoryStore(path)  # in the worker thread, as the app's real loader does
        try:
            return read_page(page, config=Config(), memory=store)
        finally:
            store.close()

    keep = SiteMemoryStore(path)
    app = create_app(source=page.location, loader=loader, learn=keep)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert [r.text for r in app.reader.trail[0].reading.article.removed] == [pitch]
        assert pitch not in [block.text for block in view(app).article.blocks]
        await pilot.press("x", "enter")
        await pilot.pause()
        assert view(app).article.blocks[-1].text == pitch
        assert "Sign up for our newsletter" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert app.reader.trail[0].reading.article.removed == ()
        assert app.reader.trail[0].reading.article.blocks[-1].text == pitch
    keep.close()
