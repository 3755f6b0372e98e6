"""Snapshots of the reader's main states at 120x40, 80x24 and 40x12, in a dark and a light
theme (pytest-textual-snapshot).

Regenerate with ``pytest tests/test_app_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from lire.config import AppConfig, Config
from lire.errors import FetchError
from lire.model import Article, Block, BlockKind, KeyPoint, Link, Reading, Removal, Summary
from lire.ui import create_app

SnapCompare = Callable[..., bool]

BODY = (
    "The port authority said on Tuesday that the northern harbour would reopen to cargo ships "
    "next month, after two years of dredging and repairs to the sea wall."
)


def reading() -> Reading:
    blocks = (
        Block(BlockKind.PARAGRAPH, BODY),
        Block(BlockKind.HEADING, "What changes for ships", level=2),
        Block(BlockKind.PARAGRAPH, "Larger vessels will be able to dock [at night]."),
        Block(BlockKind.LIST_ITEM, "Deeper channel", level=1),
        Block(BlockKind.LIST_ITEM, "New cranes", level=1),
        Block(BlockKind.QUOTE, "We are ready for the next fifty years, said the director."),
        Block(BlockKind.CODE, "depth = 14.5  # metres"),
        Block(
            BlockKind.PARAGRAPH,
            "The full report is online.",
            links=(Link("report", "https://port.example/report"),),
        ),
        *(Block(BlockKind.PARAGRAPH, f"{BODY} ({n})") for n in range(2, 8)),
    )
    article = Article(
        blocks=blocks,
        title="Northern harbour to reopen next month",
        byline="Ann Writer",
        site="Port News",
        published="2026-11-20",
        lang="en",
        url="https://port.example/harbour",
        removed=(Removal("newsletter/en-sign-up", "Sign up for our newsletter", index=2),),
    )
    points = (
        KeyPoint("The northern harbour reopens to cargo ships next month.", 0),
        KeyPoint("Larger vessels will be able to dock at night.", 2),
    )
    return Reading(article=article, summary=Summary(points=points, method="offline"))


def table_reading() -> Reading:
    blocks = (
        Block(BlockKind.PARAGRAPH, "Tonnage by quay, as the port reported it:"),
        Block(
            BlockKind.TABLE,
            "Quay\tShips\tTonnes\nNorth\t12\t40,000\nSouth\t7\t18,500",
            rows=(("Quay", "Ships", "Tonnes"), ("North", "12", "40,000"), ("South", "7", "18,500")),
            header=True,
        ),
        Block(BlockKind.IMAGE, "The new cranes at dawn"),
        Block(BlockKind.CAPTION, "Photo: the port authority"),
        Block(
            BlockKind.PARAGRAPH,
            "See the report and the map for details.",
            links=(Link("report", "https://port.example/r"), Link("map", "https://port.example/m")),
        ),
    )
    article = Article(blocks=blocks, title="Tonnage", url="https://port.example/t")
    return Reading(article=article)


def loader(source: str) -> Reading:
    if source == "table":
        return table_reading()
    if source == "empty":
        return Reading(article=Article(blocks=(), title="Nothing here"))
    if source == "broken":
        raise FetchError("https://broken.example answered HTTP 404")
    return reading()


async def settle(pilot: Pilot[int]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24), (40, 12)])
def test_loaded_article(snap_compare: SnapCompare, size: tuple[int, int], theme: str) -> None:
    config = Config(app=AppConfig(theme=theme))
    app = create_app(source="article", loader=loader, config=config)
    assert snap_compare(app, terminal_size=size, run_before=settle)


def test_table_image_caption_and_numbered_links(snap_compare: SnapCompare) -> None:
    app = create_app(source="table", loader=loader)

    async def number(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press("number_sign")

    assert snap_compare(app, terminal_size=(100, 30), run_before=number)


def test_summary_hidden(snap_compare: SnapCompare) -> None:
    app = create_app(source="article", loader=loader)

    async def hide(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press("s")

    assert snap_compare(app, terminal_size=(120, 40), run_before=hide)


def test_search_highlights(snap_compare: SnapCompare) -> None:
    app = create_app(source="article", loader=loader)

    async def find(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press("slash", *"harbour", "enter", "n")

    assert snap_compare(app, terminal_size=(120, 40), run_before=find)


def test_error_state(snap_compare: SnapCompare) -> None:
    app = create_app(source="broken", loader=loader)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_empty_article(snap_compare: SnapCompare) -> None:
    app = create_app(source="empty", loader=loader)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


@pytest.mark.parametrize("key", ["question_mark", "x", "l"])
def test_dialogs(snap_compare: SnapCompare, key: str) -> None:
    app = create_app(source="article", loader=loader)

    async def open_dialog(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press(key)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_dialog)


def test_light_theme_narrow(snap_compare: SnapCompare) -> None:
    config = Config(app=AppConfig(theme="textual-light"))
    app = create_app(source="article", loader=loader, config=config)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
