"""The reader app under test: readings built by hand from lire.model values, a loader serving
them, and small probes of what the app shows. Shared by the tests in tests/ui."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from lire.errors import FetchError
from lire.model import Article, Block, BlockKind, KeyPoint, Link, Reading, Removal, Summary
from lire.ui import LireApp, create_app
from lire.ui.article import ArticleView
from lire.ui.dialogs import PromptScreen
from lire.ui.status import StatusLine


def paragraph(number: int, words: int = 40) -> Block:
    return Block(BlockKind.PARAGRAPH, f"Paragraph {number} " + " ".join(["lorem"] * words))


def make_reading(*, paragraphs: int = 30, url: str | None = "https://news.example/a") -> Reading:
    blocks = [Block(BlockKind.HEADING, "Introduction", level=2)]
    blocks += [paragraph(i) for i in range(1, paragraphs // 2)]
    blocks.append(Block(BlockKind.HEADING, "Second part", level=2))
    blocks += [paragraph(i) for i in range(paragraphs // 2, paragraphs)]
    blocks.append(
        Block(
            BlockKind.PARAGRAPH,
            "Sources: the report and a script.",
            links=(
                Link("the report", "https://report.example/full"),
                Link("a script", "javascript:alert(1)"),
            ),
        )
    )
    article = Article(
        blocks=tuple(blocks),
        title="The harbour reopens",
        byline="Ann Writer",
        site="News Example",
        published="2026-11-20",
        lang="en",
        url=url,
        removed=(Removal("subscription/en-pitch", "Subscribe now for $1", index=3),),
    )
    points = (KeyPoint("The harbour reopened.", 1), KeyPoint("Paragraph twenty.", 21))
    return Reading(article=article, summary=Summary(points=points, method="offline"))


class Library:
    """A loader serving prepared Readings by source, counting calls."""

    def __init__(self, readings: dict[str, Reading]) -> None:
        self.readings = readings
        self.calls: list[str] = []

    def __call__(self, source: str) -> Reading:
        self.calls.append(source)
        if source not in self.readings:
            raise FetchError(f"{source} could not be read")
        return self.readings[source]


async def settle(pilot: Pilot[int]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def app_for(reading: Reading | None = None, **options: object) -> tuple[LireApp, Library]:
    library = Library(
        {
            "a": reading or make_reading(),
            "https://report.example/full": make_reading(
                paragraphs=4, url="https://report.example/full"
            ),
        }
    )
    return create_app(source="a", loader=library, **options), library  # type: ignore[arg-type]


def view(app: LireApp) -> ArticleView:
    return app.query_one(ArticleView)


def status(app: LireApp) -> StatusLine:
    return app.query_one(StatusLine)


def screen_text(app: LireApp) -> str:
    """What the article view shows, as text."""
    article = view(app)
    return "\n".join(article.render_line(y).text for y in range(article.size.height))


async def search(pilot: Pilot[int], query: str) -> None:
    await pilot.press("slash")
    assert isinstance(pilot.app.screen, PromptScreen)
    await pilot.press(*query, "enter")
    await pilot.pause()


PAGE_TEXT = (
    "The harbour reopens\n\n"
    "The port authority said on Tuesday that the northern harbour would reopen to cargo ships "
    "next month, after two years of dredging work on the channel.\n\n"
    "Larger vessels will be able to dock at night, the director said, and the new cranes "
    "arrive in spring.\n"
)


@pytest.fixture
def anyio_backend() -> str:
    """The Pilot coroutines run on asyncio (imported by each app test module)."""
    return "asyncio"
