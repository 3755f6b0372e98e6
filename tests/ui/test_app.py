"""The reader app driven through Textual's Pilot: every binding and state.

Readings are built from lire.model values and handed to the app through a loader, so these
tests do not depend on the fetch/extract/clean pipeline.
"""

from __future__ import annotations

import ast
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.style import Style
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList

import lire.ui
from lire.errors import FetchError
from lire.model import Article, Block, BlockKind, KeyPoint, Link, Reading, Removal, Summary
from lire.sanitize import sanitize_line
from lire.store.history import History
from lire.ui import LireApp, create_app
from lire.ui.article import ArticleView
from lire.ui.dialogs import ConfirmScreen, HelpScreen, PromptScreen
from lire.ui.keybar import KeyBar
from lire.ui.lists import HistoryScreen, LinksScreen, RemovedScreen
from lire.ui.status import StatusLine
from lire.ui.summary import SummaryPane

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


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


# -- states ----------------------------------------------------------------------------------


async def test_loaded_article_shows_header_body_summary_and_position() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "The harbour reopens" in text
        minutes = app.trail[0].reading.article.reading_minutes
        assert minutes > 1
        assert f"Ann Writer · News Example · 2026-11-20 · {minutes} min read · en" in text
        assert "## Introduction" in text
        assert "Paragraph 1 lorem" in text
        summary = app.query_one(SummaryPane)
        assert summary.option_count == 3
        assert "The harbour reopened." in str(summary.get_option_at_index(0).prompt)
        assert status(app).percent < 100
        assert status(app).minutes_left > 0


async def test_page_text_is_never_parsed_as_markup() -> None:
    hostile = "[bold]x[/bold] [@click=app.quit]quit[/] [link=file:///etc/passwd]y[/link]"
    reading = Reading(
        article=Article(blocks=(Block(BlockKind.PARAGRAPH, hostile),), title="[red]T[/red]"),
        summary=Summary(points=(KeyPoint("[@click=app.quit]go[/]", 0),)),
    )
    app, _ = app_for(reading)
    async with app.run_test() as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert hostile in text
        assert "[red]T[/red]" in text
        await pilot.click(SummaryPane)
        await pilot.pause()
        assert app.is_running


def key_styles(app: LireApp) -> dict[str, bool]:
    """Each key shown in the key bar and whether it is dim."""
    text = app.query_one(KeyBar).render()
    keys = {}
    for span in text.spans:
        shown = text.plain[span.start : span.end].strip()
        if isinstance(span.style, Style) and span.style.bold:
            keys[shown] = bool(span.style.dim)
    return keys


async def test_the_key_bar_shows_the_main_keys_dimmed_until_there_is_an_article() -> None:
    app = create_app(source=None, loader=Library({}))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # close the history offered at start
        await pilot.pause()
        before = key_styles(app)
        assert before == {"q": False, "?": False, "s": False, "/": True, "x": True, "l": True,
                          ":": False}  # fmt: skip
        assert "Removed" in app.query_one(KeyBar).render().plain
    app, _ = app_for()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert not any(key_styles(app).values())


async def test_loading_shows_an_indicator_until_the_reading_arrives() -> None:
    release = threading.Event()
    reading = make_reading()

    def slow(source: str) -> Reading:
        release.wait(10)
        return reading

    app = create_app(source="slow", loader=slow)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert view(app).loading
        assert "Loading slow" in status(app).state
        release.set()
        await settle(pilot)
        assert not view(app).loading
        assert view(app).article is reading.article


async def test_a_failed_load_is_an_error_notification_and_the_app_stays_usable() -> None:
    app = create_app(source="missing", loader=Library({}))
    async with app.run_test() as pilot:
        await settle(pilot)
        notes = list(app._notifications)
        assert [note.severity for note in notes] == ["error"]
        assert notes[0].message == "missing could not be read"
        assert not notes[0].markup
        assert "Nothing to read" in screen_text(app)
        await pilot.press("slash", "x", "l", "y")  # need an article: disabled
        assert app.screen is app.screen_stack[0]
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "q")
        assert not app.is_running


async def test_an_unbuilt_pipeline_stage_is_reported_not_a_crash() -> None:
    def unbuilt(source: str) -> Reading:
        raise NotImplementedError("extract")

    app = create_app(source="x", loader=unbuilt)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert [note.message for note in app._notifications] == ["cannot read yet: extract"]
        assert app.is_running


async def test_an_empty_article_says_so() -> None:
    app, _ = app_for(Reading(article=Article(blocks=())))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert status(app).state == "This article is empty"
        assert status(app).percent == 100
        await pilot.press("j", "G", "slash")
        assert app.is_running


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
        assert article._flash == 21
        line = article.render_line(round(article.block_line(21) - article.scroll_y))
        assert "Paragraph 20" in line.text
        assert any(segment.style and segment.style.bgcolor for segment in line)


# -- search ----------------------------------------------------------------------------------


async def search(pilot: Pilot[int], query: str) -> None:
    await pilot.press("slash")
    assert isinstance(pilot.app.screen, PromptScreen)
    await pilot.press(*query, "enter")
    await pilot.pause()


async def test_search_highlights_matches_and_n_shift_n_cycle() -> None:
    reading = make_reading()
    app, _ = app_for(reading)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "paragraph 2")
        # "Paragraph 2", "Paragraph 20" ... "Paragraph 29": 11 hits
        assert status(app).state == "Match 1/11"
        article = view(app)
        first = app.matches[0]
        line = article.render_line(round(article.block_line(first.block) - article.scroll_y))
        assert any(seg.style and seg.style.reverse for seg in line if "Paragraph 2" in seg.text)
        await pilot.press("n")
        assert status(app).state == "Match 2/11"
        await pilot.press("N", "N")
        assert status(app).state == "Match 11/11"
        await pilot.press("escape")
        assert app.matches == []
        await search(pilot, "no such words")
        assert status(app).state == "Not found: no such words"


# -- dialogs ---------------------------------------------------------------------------------


async def test_help_lists_every_binding() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = dict(app.screen.keys)
        for binding in LireApp.BINDINGS:
            assert binding.description in listed.values()  # type: ignore[union-attr]
        assert {"j down", "G end", "]", ": ctrl+l", "space pagedown"} <= set(listed)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_action_is_in_the_command_palette() -> None:
    app, _ = app_for()
    async with app.run_test() as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for binding in LireApp.BINDINGS:
            if binding.action != "quit":  # type: ignore[union-attr]
                assert binding.description in titles  # type: ignore[union-attr]


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
        assert view(app)._flash == 4


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
        assert len(app.trail) == 2


async def test_y_copies_the_paragraph_as_a_markdown_quote_with_its_source() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "down", "enter", "tab")
        await search(pilot, "Paragraph 20 ")
        await pilot.press("y")
        assert app.clipboard.startswith("> Paragraph 20 lorem")
        assert app.clipboard.endswith(
            "— [The harbour reopens, News Example](https://news.example/a)\n"
        )


async def test_e_exports_the_article_as_markdown(tmp_path: Path) -> None:
    app, _ = app_for()
    target = tmp_path / "out.md"
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one(Input)
        assert field.value == "the-harbour-reopens.md"
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    markdown = target.read_text(encoding="utf-8")
    assert "Paragraph 29 lorem" in markdown
    assert "The harbour reopens" in markdown


async def test_escape_cancels_a_load_and_its_late_result_is_ignored() -> None:
    release = threading.Event()
    first = make_reading()

    def loader(source: str) -> Reading:
        if source == "slow":
            release.wait(10)
            return make_reading(paragraphs=2)
        return first

    app = create_app(source="a", loader=loader)
    async with app.run_test() as pilot:
        await settle(pilot)
        app.load("slow")
        await pilot.pause()
        assert view(app).loading
        await pilot.press("escape")
        assert not view(app).loading
        assert status(app).state == "Cancelled"
        release.set()
        await settle(pilot)
        assert view(app).article is first.article


# -- history, themes -------------------------------------------------------------------------


async def test_reopening_an_article_returns_to_where_the_reader_was(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    app, _ = app_for(history=history)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space")
        await pilot.pause()
        top = view(app).top_block
        assert top > 5
    history.close()
    history = History(path)
    assert history.position("a") == top
    app, _ = app_for(history=history)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert view(app).top_block == top
        await pilot.press("H")
        assert isinstance(app.screen, HistoryScreen)
        assert "The harbour reopens" in str(
            app.screen.query_one(OptionList).get_option_at_index(1).prompt
        )
    history.close()


async def test_no_source_opens_the_history_with_a_url_prompt_and_the_sample(tmp_path: Path) -> None:
    library = Library({"sample.txt": make_reading()})
    history = History(tmp_path / "history.sqlite3")
    history.record("sample.txt", title="Read before")  # listed once, as the sample
    app = create_app(source=None, loader=library, sample="sample.txt", history=history)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert library.calls == ["sample.txt"]
        await pilot.press("H")
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("enter")
        assert isinstance(app.screen, PromptScreen)
    history.close()


async def test_config_theme_and_no_color_are_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    from lire.config import AppConfig, Config

    monkeypatch.setenv("NO_COLOR", "1")
    config = Config(app=AppConfig(theme="textual-light", show_summary=False))
    app, _ = app_for(config=config)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        assert not app.current_theme.dark
        assert app.no_color
        assert not app.query_one(SummaryPane).display
        light = view(app).palette
        app.theme = "textual-dark"
        await pilot.pause()
        assert view(app).palette != light  # repainted with the new theme's colours


# -- the real pipeline -----------------------------------------------------------------------

PAGE_TEXT = (
    "The harbour reopens\n\n"
    "The port authority said on Tuesday that the northern harbour would reopen to cargo ships "
    "next month, after two years of dredging work on the channel.\n\n"
    "Larger vessels will be able to dock at night, the director said, and the new cranes "
    "arrive in spring.\n"
)


async def test_the_default_loader_reads_a_file_through_the_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{part}</p>" for part in PAGE_TEXT.split("\n\n")[1:])
    path.write_text(
        f"<html><head><title>Harbour</title></head><body><article><h1>The harbour reopens</h1>"
        f"{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    app = create_app(source=str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "The harbour reopens" in text
        assert "Larger vessels will be able to dock at night" in text
        assert "<p>" not in text


async def test_a_piped_page_stands_for_its_own_location_only(tmp_path: Path) -> None:
    from lire.config import Config
    from lire.model import Page
    from lire.ui import pipeline_loader

    page = Page(text=PAGE_TEXT, media_type="text/plain", location="-")
    other = tmp_path / "other.txt"
    story = "Another story\n\nThe quay was repaved in the spring, and the benches came back."
    other.write_text(story, encoding="utf-8")
    app = create_app(source="-", loader=pipeline_loader(Config(), page))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "The port authority said on Tuesday" in screen_text(app)
        app.load(str(other))
        await settle(pilot)
        assert "The quay was repaved in the spring" in screen_text(app)
        await pilot.press("h")
        assert "The port authority said on Tuesday" in screen_text(app)


async def test_a_long_article_is_laid_out_in_pieces_and_g_reaches_its_real_end() -> None:
    reading = make_reading(paragraphs=3000)  # about 120,000 words
    app, _ = app_for(reading)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article = view(app)
        article.show(reading.article, app.palette())
        assert not article.complete  # only the first screens, the rest between frames
        assert "The harbour reopens" in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert article.complete
        assert "Sources: the report and a script." in screen_text(app)
        assert status(app).percent == 100
        await pilot.press("g")
        await pilot.pause()
        assert article.scroll_y == 0


async def test_closing_while_a_long_article_is_still_being_laid_out_is_clean() -> None:
    reading = make_reading(paragraphs=3000)
    app, _ = app_for(reading)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view(app).show(reading.article, app.palette())
        assert not view(app).complete  # closing now, with the rest still to lay out
    assert not app.is_running  # and run_test re-raised nothing that failed while closing


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
        assert [r.text for r in app.trail[0].reading.article.removed] == [pitch]
        assert pitch not in [block.text for block in view(app).article.blocks]
        await pilot.press("x", "enter")
        await pilot.pause()
        assert view(app).article.blocks[-1].text == pitch
        assert "Sign up for our newsletter" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert app.trail[0].reading.article.removed == ()
        assert app.trail[0].reading.article.blocks[-1].text == pitch
    keep.close()


# -- start-up --------------------------------------------------------------------------------

HEAVY = ("lxml", "readability", "httpx", "charset_normalizer", "trafilatura")


def top_level_imports(path: Path) -> set[str]:
    """Modules a file imports when it is imported (not those imported inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_app_imports_no_heavy_library_before_its_first_frame() -> None:
    """The pipeline is imported by the loader in the worker thread; everything the UI package
    imports at module level (following lire's own modules, except the package ``__init__``)
    stays clear of lxml, readability, httpx and the charset detector."""
    source = Path(lire.ui.__file__).resolve().parents[1]
    seen: set[str] = set()
    todo = [f"lire.ui.{path.stem}" for path in (source / "ui").glob("*.py")]
    heavy: list[str] = []
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        parts = module.split(".")[1:]
        path = source.joinpath(*parts).with_suffix(".py")
        if not path.exists():
            path = source.joinpath(*parts, "__init__.py")
        for name in top_level_imports(path):
            if name.split(".")[0] in HEAVY:
                heavy.append(f"{module} imports {name}")
            elif name.startswith("lire.") and name not in seen:
                todo.append(name)
    assert "lire.ui.app" in seen and "lire.model" in seen
    assert "lire.pipeline" not in seen
    assert heavy == []


# -- untrusted text --------------------------------------------------------------------------

HOSTILE = [
    "[@click=app.quit]x",
    "[link=file:///etc/passwd]y[/link]",
    "[b]unclosed",
    "\x1b]8;;file:///etc/passwd\x1b\\z\x1b]8;;\x1b\\ \x1b[2J\x1b[31mred \x9b31m\u202eevil",
]


def shown_screen(app: LireApp) -> str:
    """Every character the current screen paints, then what its toasts say.

    A dialog's own widgets only: the screen below shows through around a modal screen.
    """
    screen = app.screen
    if isinstance(screen, ModalScreen):
        widgets = [w for w in screen.query("*") if not w.children and w.outer_size.area]
        lines = [s.text for w in widgets for s in w.render_lines(w.outer_size.region)]
    else:
        lines = [strip.text for strip in screen._compositor.render_strips()]
    lines += [str(toast.render()) for toast in screen.query("Toast")]
    return "\n".join(lines)


def hostile_reading(text: str) -> Reading:
    blocks = (
        Block(BlockKind.HEADING, text, level=2),
        Block(
            BlockKind.PARAGRAPH, f"Body {text}", links=(Link(text, f"https://x.example/{text}"),)
        ),
    )
    article = Article(
        blocks=blocks,
        title=text,
        byline=text,
        site=text,
        url=f"https://news.example/{text}",
        removed=(Removal(f"subscription/{text}", text, 1), Removal("share/dom-bar", text)),
    )
    return Reading(article=article, summary=Summary(points=(KeyPoint(text, 1),)))


@pytest.mark.parametrize("hostile", HOSTILE, ids=["click", "link", "unclosed", "escapes"])
async def test_page_text_shows_literally_everywhere_and_is_never_acted_on(
    hostile: str, tmp_path: Path
) -> None:
    literal = sanitize_line(hostile)
    opened: list[str] = []
    history = History(tmp_path / "history.sqlite3")
    history.record("old", title=hostile, site=hostile)
    library = Library({"a": hostile_reading(hostile)})
    app = create_app(source="a", loader=library, history=history, opener=opened.append)
    seen: list[str] = []

    async def look(*expected: str) -> None:
        await pilot.pause()
        seen.append(shown_screen(app))
        for text in expected:
            assert text in seen[-1], f"{text!r} not shown on {type(app.screen).__name__}"

    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        await look(f"{literal} · {literal}", f"## {literal}", f"Body {literal}", f"1. {literal}")
        assert app.title == literal
        await pilot.press("x")
        await look(f"subscription/{literal}")
        await pilot.press("escape", "l")
        await look(f"1. {literal}", f"→ https://x.example/{literal}")
        await pilot.press("escape", "o")
        assert isinstance(app.screen, ConfirmScreen)
        await look(f"https://news.example/{literal}")
        await pilot.press("n")
        app._searched(hostile + " nowhere")  # what / then enter runs
        await look(f"Not found: {literal} nowhere")
        await pilot.press("H")
        await look(literal, f"{literal} · ")  # title, then site · date
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        await pilot.press("escape")
        library.readings.clear()
        app.load(f"{hostile} gone")  # the error names the source: a toast
        await settle(pilot)
        await look(f"{literal} gone could not be read")
        assert all(n.markup is False for n in app._notifications)
        await pilot.press("x", "down", "enter")  # restore the page removal: the text at the end
        await settle(pilot)
        assert view(app).article.blocks[-1].text == hostile
        await pilot.press("G")
        await look(literal)
        assert app.is_running and app.return_code is None
        assert opened == []
    history.close()
    assert not any("\x1b" in screen or "\x9b" in screen or "\u202e" in screen for screen in seen)
