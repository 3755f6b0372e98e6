"""What the article view lays out again, and what it does not: a theme restyles without a new
layout, link numbers wrap again only the blocks with links, and the reader keeps their place;
the lines kept painted stay near the view; the real app freezes what an article leaves for
the garbage collector once it is laid out. A jump that only counts the lines of the blocks it
passes puts every line where a full layout puts it.
"""

from __future__ import annotations

import gc

import pytest
from rich.console import Console
from rich.text import Text

from lire.model import Block, BlockKind, Link, Reading
from lire.ui.document import Drawn, Palette, draw_block
from lire.ui.layout import Layout, measure, wrap
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    anyio_backend,
    app_for,
    make_reading,
    screen_text,
    settle,
    view,
)

pytestmark = pytest.mark.anyio


def linked_reading() -> Reading:
    reading = make_reading(paragraphs=60)
    blocks = list(reading.article.blocks)
    for n in (5, 40):
        text = f"Paragraph {n} has a link to the harbour report in it."
        links = (Link("the harbour report", f"https://port.example/{n}"),)
        blocks[n] = Block(BlockKind.PARAGRAPH, text, links=links)
    return Reading(article=type(reading.article)(blocks=tuple(blocks), title="Links"))


async def test_a_theme_restyles_the_article_without_laying_it_out_again() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space")
        layout, y, shown = view(app)._layout, view(app).scroll_y, screen_text(app)
        palette = view(app).palette
        await pilot.press("t")
        await pilot.pause()
        assert view(app).palette != palette
        assert view(app)._layout is layout and view(app).scroll_y == y
        assert screen_text(app) == shown


async def test_link_numbers_wrap_again_only_the_blocks_with_links_and_keep_the_place() -> None:
    app, _ = app_for(linked_reading())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view(app).scroll_to_block(38)
        await pilot.pause()
        top, layout = view(app).top_block, view(app)._layout
        assert layout is not None
        before = {i: list(layout.items[i + 1].lines) for i in (4, 5, 39, 40)}
        await pilot.press("number_sign")
        await pilot.pause()
        assert view(app)._layout is layout and view(app).top_block == top
        assert list(layout.items[5].lines) == before[4]  # no link: the same lines
        assert list(layout.items[41].lines) != before[40]
        assert "the harbour report[2]" in screen_text(app)


async def test_the_lines_kept_painted_are_those_near_the_view() -> None:
    app, _ = app_for(make_reading(paragraphs=200))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(40):
            await pilot.press("space")
        assert len(view(app)._painted) <= 5 * 24


@pytest.mark.parametrize("freeze", [False, True])
async def test_the_real_app_freezes_what_a_laid_out_article_leaves_for_the_collector(
    monkeypatch: pytest.MonkeyPatch, freeze: bool
) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    app, _ = app_for()
    app.freeze_garbage = freeze  # as run_app sets it; tests share one process, so not here
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        while not view(app).complete:
            await pilot.pause()
        await pilot.pause()
    assert bool(frozen) is freeze


def every_kind_of_block() -> list[Block]:
    link = (Link("the harbour", "https://port.example/"),)
    text = "The harbour reopened on Tuesday after the dredging works of the spring. " * 3
    return [
        Block(BlockKind.HEADING, "The harbour reopens", level=2),
        Block(BlockKind.PARAGRAPH, text, links=link),
        Block(BlockKind.PARAGRAPH, "Le port a rouvert : « enfin » ! " * 5),
        Block(BlockKind.PARAGRAPH, "日本語の記事 " * 20),
        Block(BlockKind.PARAGRAPH, "x" * 150),
        Block(BlockKind.LIST_ITEM, text, level=2),
        Block(BlockKind.LIST_ITEM, text, level=1, ordinal=12),
        Block(BlockKind.QUOTE, text),
        Block(BlockKind.CODE, "print('harbour')\n" * 3),
        Block(BlockKind.PREFORMATTED, "a  b\n  c"),
        Block(BlockKind.TABLE_ROW, "Port\tShips"),
        Block(BlockKind.TABLE, "Port\tShips", rows=(("Port", "Ships"), ("North", "12"))),
        Block(BlockKind.CAPTION, text),
        Block(BlockKind.IMAGE, "The north quay at night"),
        Block(BlockKind.PARAGRAPH, ""),
    ]


@pytest.mark.parametrize("numbered", [False, True])
@pytest.mark.parametrize(("width", "column"), [(120, 80), (60, 0), (30, 80), (7, 0)])
async def test_a_counted_layout_puts_every_line_where_a_full_layout_does(
    numbered: bool, width: int, column: int
) -> None:
    console = Console(width=width, color_system="truecolor", legacy_windows=False)
    options = console.options.update_width(width)
    blocks = every_kind_of_block()

    def drawn(index: int) -> Drawn:
        return draw_block(blocks[index], Palette(), first_link=1 if numbered else None)

    def layout(counted: bool) -> Layout:
        laid = Layout(
            blocks,
            Drawn(Text("Title")),
            style=drawn,
            wrap=lambda d: wrap(d, console, options, width, column),
            count=lambda i: measure(blocks[i], width, column, numbered=numbered),
        )
        laid.extend_to(len(blocks) + 1, counted=counted)
        return laid

    full, counted = layout(False), layout(True)
    assert counted.starts == full.starts
    assert counted.stale  # some blocks were only counted
    lines = range(full.line_count + 2)
    assert [counted.strip(y) for y in lines] == [full.strip(y) for y in lines]
