"""Marking a block as the site's boilerplate from the reader (X), undoing it from the removed
view, and the status line telling what site learning removed that it had not removed before.

Readings are built from lire.model values (``reader_kit``) unless a test says it runs the
pipeline; the site memory is a real store in the test's directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from lire.config import Config
from lire.model import Article, Page, Reading, Removal
from lire.pipeline import read_page
from lire.store import SiteMemoryStore
from lire.ui import create_app
from lire.ui.lists import BlockChoiceScreen, RemovedScreen
from lire.ui.status import StatusLine
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    PAGE_TEXT,
    anyio_backend,
    app_for,
    make_reading,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio


def texts(app: object) -> list[str]:
    return [block.text for block in view(app).article.blocks]  # type: ignore[arg-type]


async def test_x_capital_marks_a_block_in_view_and_x_undoes_it(tmp_path: Path) -> None:
    store = SiteMemoryStore(tmp_path / "learned.sqlite3")
    app, _ = app_for(learn=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = texts(app)
        await pilot.press("X")
        assert isinstance(app.screen, BlockChoiceScreen)
        assert "news.example" in str(app.screen.query_one(OptionList).border_title)
        await pilot.press("j", "enter")  # the second block in view: paragraph 1
        await pilot.pause()
        marked = before[1]
        assert texts(app) == before[:1] + before[2:]
        assert store.is_marked("news.example", marked)
        assert "Marked as boilerplate on news.example" in status(app).state
        await pilot.press("x")
        assert isinstance(app.screen, RemovedScreen)
        options = app.screen.query_one(OptionList)
        last = str(options.get_option_at_index(options.option_count - 1).prompt)
        assert last.startswith("user/site-boilerplate") and "you marked it" in last
        await pilot.press("G", "enter")  # undo: back where it was, no longer marked
        await pilot.pause()
        assert texts(app) == before
        assert not store.is_marked("news.example", marked)
        await pilot.press("x", "G", "enter")  # and marked again
        await pilot.pause()
        assert texts(app) == before[:1] + before[2:]
        assert store.is_marked("news.example", marked)
    store.close()


async def test_marking_a_restored_block_removes_it_again_and_keeps_it_no_more(
    tmp_path: Path,
) -> None:
    store = SiteMemoryStore(tmp_path / "learned.sqlite3")
    app, _ = app_for(learn=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x", "enter")  # restores "Subscribe now for $1" as block 3
        await pilot.pause()
        assert texts(app)[3] == "Subscribe now for $1"
        assert store.is_kept("news.example", "Subscribe now for $1")
        await pilot.press("X", "j", "j", "j", "enter")
        await pilot.pause()
        assert "Subscribe now for $1" not in texts(app)
        assert app.reader.visit is not None and not app.reader.visit.restored
        assert not store.is_kept("news.example", "Subscribe now for $1")
        assert store.is_marked("news.example", "Subscribe now for $1")
    store.close()


async def test_a_marked_block_goes_on_the_next_read_of_the_site(tmp_path: Path) -> None:
    path = tmp_path / "learned.sqlite3"
    page = Page(
        text=PAGE_TEXT, media_type="text/plain", location="https://news.example/harbour",
        url="https://news.example/harbour",
    )  # fmt: skip

    def loader(source: str) -> Reading:
        with SiteMemoryStore(path) as memory:  # in the worker thread, as the real loader
            return read_page(page, config=Config(), memory=memory)

    keep = SiteMemoryStore(path)
    app = create_app(source=page.location, loader=loader, learn=keep)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        second = texts(app)[1]
        assert second.startswith("Larger vessels")
        await pilot.press("X", "j", "enter")
        await pilot.pause()
        assert second not in texts(app)
        await pilot.press("r")
        await settle(pilot)
        article = app.reader.trail[0].reading.article
        assert second not in [block.text for block in article.blocks]
        assert [(r.rule, r.text) for r in article.removed] == [("user/site-boilerplate", second)]
        await pilot.press("x", "enter")  # undone: the next read keeps it
        await pilot.pause()
        await pilot.press("r")
        await settle(pilot)
        assert texts(app)[1] == second
        assert app.reader.trail[0].reading.article.removed == ()
    keep.close()


def learned_reading(url: str) -> Reading:
    reading = make_reading(url=url)
    footer = Removal("learned/site-repeat", "The Gazette is owned by the Media Group.", 30)
    article = reading.article
    return Reading(
        article=Article(
            blocks=article.blocks, title=article.title, url=url,
            removed=(*article.removed, footer),
        ),
        summary=reading.summary,
    )  # fmt: skip


async def test_the_status_says_when_site_learning_removed_something_new(tmp_path: Path) -> None:
    store = SiteMemoryStore(tmp_path / "learned.sqlite3")
    readings = {"a": learned_reading("https://news.example/a")}
    readings["b"] = learned_reading("https://news.example/b")
    app = create_app(source="a", loader=readings.__getitem__, learn=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        line = app.query_one(StatusLine).removed
        assert line == "2 removed (x), 1 learned on this site (1 new)"
        assert any("had not removed before" in str(n.message) for n in app._notifications)
        app.reader.load("b")  # the same learned block in another article: not new
        await settle(pilot)
        assert app.query_one(StatusLine).removed == "2 removed (x), 1 learned on this site"
    store.close()


async def test_without_a_site_memory_a_mark_lasts_for_the_reading() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = texts(app)
        await pilot.press("X", "enter")
        await pilot.pause()
        assert texts(app) == before[1:]
        assert "in this reading" in status(app).state
        await pilot.press("tab", "enter")  # a summary point still finds its paragraph
        await pilot.pause()
        point = app.reader.visit.reading.summary.points[0] if app.reader.visit else None
        assert point is not None and view(app).marks.flashed == point.block
        assert texts(app)[point.block].startswith("Paragraph 1")


def test_the_mark_key_is_in_help() -> None:
    from lire.ui.keys import help_rows

    assert ("X", "Mark a block as this site's boilerplate") in help_rows()


async def test_after_a_reopen_x_removes_a_restored_photo_credit_again(tmp_path: Path) -> None:
    caption = "Photo: the new cranes on the quay at dawn, for the port authority."
    paragraphs = [
        "The port authority said on Tuesday that the northern harbour would reopen to cargo "
        "ships next month, after two years of dredging work on the channel.",
        "Larger vessels will be able to dock at night, the director said, and the new cranes "
        "arrive in spring from the yard in the south of the country.",
    ]
    html = (
        '<html lang="en"><head><title>Harbour</title></head><body><article><h1>Harbour</h1>'
        f"<p>{paragraphs[0]}</p><figure><p class='credit'>{caption}</p></figure>"
        f"<p>{paragraphs[1]}</p></article></body></html>"
    )
    url = "https://news.example/harbour"
    page = Page(text=html, media_type="text/html", location=url, url=url)
    path = tmp_path / "learned.sqlite3"

    def loader(source: str) -> Reading:
        with SiteMemoryStore(path) as memory:
            return read_page(page, config=Config(), memory=memory)

    keep = SiteMemoryStore(path)
    keep.keep("news.example", caption)  # restored in an earlier session
    app = create_app(source=url, loader=loader, learn=keep)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert texts(app) == [paragraphs[0], caption, paragraphs[1]]
        await pilot.press("X", "j", "enter")
        await pilot.pause()
        assert texts(app) == paragraphs
        assert not keep.is_kept("news.example", caption)
        await pilot.press("r")
        await settle(pilot)
        assert texts(app) == paragraphs
        assert [r.rule for r in app.reader.trail[0].reading.article.removed] == [
            "credit/dom-class-credit"
        ]
    keep.close()
