"""The app streams the opt-in model summary into its pane, against a real HTTP server on
127.0.0.1 that speaks the OpenAI streaming protocol (server-sent ``data:`` chunks)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from lire.config import Config, LLMConfig, SummaryConfig
from lire.errors import FetchError
from lire.model import Article, Block, BlockKind, KeyPoint, Reading, Summary
from lire.ui import LireApp, create_app
from lire.ui.article import ArticleView
from lire.ui.summary import SummaryPane
from llm_endpoint import Script, events_for, llm_endpoint_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.anyio

HARBOUR = "The harbour reopened on Monday after months of storm repairs to the old quay."
TRAINS = "Night trains to the capital return in spring with new sleeping cars and lower fares."
FESTIVAL = "The summer festival moves to the castle gardens because the square is closed."
ANSWER = [
    "Here are the key points:\n",
    "- The harbour reopened after storm repairs to the quay.\n",
    "- Night trains to the capital return in spring.\n",
    "- The festival moves to the castle gardens.",
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def endpoint(llm_endpoint: tuple[str, Script]) -> tuple[str, Script]:
    """The model endpoint, answering ANSWER unless a test says otherwise."""
    llm_endpoint[1].events = events_for(ANSWER)
    return llm_endpoint


def hold_after_first_part(script: Script) -> threading.Event:
    """Make the endpoint wait after its first part until the returned event is set (bounded)."""
    hold = threading.Event()

    def wait(index: int) -> None:
        if index >= 2:  # event 0 is the role, 1 the first part
            hold.wait(10)

    script.before_each = wait
    return hold


def filler(number: int) -> Block:
    return Block(BlockKind.PARAGRAPH, f"Paragraph {number} " + " ".join(["lorem"] * 40))


def make_reading(title: str = "Town news") -> Reading:
    blocks = [filler(0), Block(BlockKind.PARAGRAPH, HARBOUR)]
    blocks += [filler(i) for i in range(1, 12)]
    blocks.append(Block(BlockKind.PARAGRAPH, TRAINS))  # block 13
    blocks += [filler(i) for i in range(12, 24)]
    blocks.append(Block(BlockKind.PARAGRAPH, FESTIVAL))  # block 26
    article = Article(blocks=tuple(blocks), title=title, lang="en")
    offline = (KeyPoint("Offline point about the harbour.", 1), KeyPoint("Offline trains.", 13))
    return Reading(article=article, summary=Summary(points=offline, method="offline"))


def app_with(summarizer: str, base_url: str, readings: dict[str, Reading] | None = None) -> LireApp:
    config = Config(
        summary=SummaryConfig(points=3, summarizer=summarizer),
        llm=LLMConfig(base_url=base_url, model="test-model", timeout=5.0),
    )
    shelf = readings or {"a": make_reading()}

    def load(source: str) -> Reading:
        if source not in shelf:
            raise FetchError(f"{source} could not be read")
        return shelf[source]

    return create_app(source="a", config=config, loader=load)


def pane_lines(app: LireApp) -> list[str]:
    pane = app.query_one(SummaryPane)
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


async def wait_for(pilot: Pilot[int], ready: Callable[[], bool]) -> None:
    for _ in range(200):
        if ready():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never reached the expected state")


async def test_a_streamed_model_summary_replaces_the_offline_points_with_linked_llm_points(
    endpoint: tuple[str, Script],
) -> None:
    base_url, script = endpoint
    hold = hold_after_first_part(script)
    app = app_with("llm", base_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "(llm, streaming…)" in pane_lines(app))
        await wait_for(pilot, lambda: "Here are the key points:" in " ".join(pane_lines(app)))
        assert pane_lines(app)[1] == "(llm, streaming…)"
        hold.set()
        await wait_for(pilot, lambda: "(llm: test-model)" in pane_lines(app))
        assert pane_lines(app) == [
            "1. The harbour reopened after storm repairs to the quay.",
            "2. Night trains to the capital return in spring.",
            "3. The festival moves to the castle gardens.",
            "(llm: test-model)",
        ]
        assert app.reader.visit is not None
        assert [point.block for point in app.reader.visit.reading.summary.points] == [1, 13, 26]
        await pilot.press("tab", "down", "enter")
        await pilot.pause()
        assert app.query_one(ArticleView).marks.flashed == 13
    assert len(script.requests) == 1
    assert script.requests[0]["model"] == "test-model"
    assert HARBOUR in script.requests[0]["messages"][1]["content"]
    assert not list(app._notifications)


async def test_a_401_keeps_the_offline_points_and_warns(endpoint: tuple[str, Script]) -> None:
    base_url, script = endpoint
    script.status = 401
    app = app_with("llm", base_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: bool(list(app._notifications)))
        await pilot.pause()
        assert pane_lines(app) == [
            "1. Offline point about the harbour.",
            "2. Offline trains.",
            "(offline)",
        ]
        (note,) = list(app._notifications)
        assert note.severity == "warning"
        assert not note.markup
        assert "answered HTTP 401" in note.message
        assert note.message.endswith("; showing the offline summary")
        await pilot.press("r")  # reloading reads the article anew: the model is asked again
        await wait_for(pilot, lambda: len(script.requests) == 2)


async def test_the_offline_summarizer_never_contacts_the_model(
    endpoint: tuple[str, Script],
) -> None:
    base_url, script = endpoint
    app = app_with("offline", base_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane_lines(app)[-1] == "(offline)"
    assert script.requests == []
    assert not list(app._notifications)


async def test_llm_without_a_base_url_warns_once_and_keeps_the_offline_summary() -> None:
    app = app_with("llm", "")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane_lines(app)[-1] == "(offline)"
        (note,) = list(app._notifications)
        assert "set base_url" in note.message


async def test_loading_another_article_cancels_the_stream_and_ignores_its_late_chunks(
    endpoint: tuple[str, Script],
) -> None:
    base_url, script = endpoint
    hold = hold_after_first_part(script)
    readings = {"a": make_reading("First"), "b": make_reading("Second")}
    app = app_with("llm", base_url, readings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Here are the key points:" in " ".join(pane_lines(app)))
        script.events = events_for(
            ["- The harbour reopened.\n", "- Trains return.\n", "- Festival moves."]
        )
        app.reader.load("b")
        await wait_for(
            pilot, lambda: app.reader.visit is not None and app.reader.visit.source == "b"
        )
        hold.set()
        await wait_for(pilot, lambda: "(llm: test-model)" in pane_lines(app))
        assert pane_lines(app)[0] == "1. The harbour reopened."
        assert len(app.reader.trail) == 2
        first, second = app.reader.trail
        assert first.reading.summary.method == "offline"  # its stream was cancelled
        assert not first.llm_tried
        assert second.reading.summary.method == "llm"
    assert len(script.requests) == 2


async def test_going_back_shows_the_model_summary_again_without_asking_twice(
    endpoint: tuple[str, Script],
) -> None:
    base_url, script = endpoint
    readings = {"a": make_reading("First"), "b": make_reading("Second")}
    app = app_with("llm", base_url, readings)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "(llm: test-model)" in pane_lines(app))
        script.events = events_for(["- Trains return in spring.\n", "- The festival moves.\n"])
        app.reader.load("b")
        await wait_for(pilot, lambda: "1. Trains return in spring." in pane_lines(app))
        await pilot.press("h")
        await pilot.pause()
        assert app.reader.visit is not None and app.reader.visit.source == "a"
        assert pane_lines(app)[0] == "1. The harbour reopened after storm repairs to the quay."
        assert pane_lines(app)[-1] == "(llm: test-model)"
    assert len(script.requests) == 2


async def test_a_failed_load_mid_stream_leaves_the_offline_summary_not_a_stuck_stream(
    endpoint: tuple[str, Script],
) -> None:
    base_url, script = endpoint
    hold = hold_after_first_part(script)
    app = app_with("llm", base_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Here are the key points:" in " ".join(pane_lines(app)))
        app.reader.load("missing")
        await wait_for(pilot, lambda: not app.query_one(ArticleView).loading)
        assert pane_lines(app)[-1] == "(offline)"
        hold.set()
        await pilot.pause(0.2)
        assert pane_lines(app)[-1] == "(offline)"  # the cancelled stream's end is ignored
