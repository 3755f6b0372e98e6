"""The reader reads like a reader: body text plain, headings apart, a reading column, link
numbers, the ctrl keys, accent-folding search, the other readings, what the header says."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rich.segment import Segment

from lire.model import Article, Block, BlockKind, Candidate, PageKind, Reading
from lire.ui import LireApp, create_app
from lire.ui.commands import source_of
from lire.ui.handoff import cite
from lire.ui.lists import LinksScreen
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    Library,
    anyio_backend,
    app_for,
    make_reading,
    screen_text,
    search,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio


def segments_with(app: LireApp, text: str) -> list[Segment]:
    article = view(app)
    return [
        segment
        for y in range(article.size.height)
        for segment in article.render_line(y)
        if text in segment.text
    ]


async def test_body_text_is_plain_and_headings_stand_apart_without_hashes() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        body = segments_with(app, "Paragraph 1 lorem")
        assert body and not any(s.style and s.style.bold for s in body)
        heading = segments_with(app, "Introduction")
        assert heading and all(s.style and s.style.bold for s in heading)
        assert "#" not in screen_text(app)


async def test_the_text_keeps_to_a_reading_column_on_a_wide_terminal() -> None:
    app, _ = app_for()
    async with app.run_test(size=(250, 50)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        lines = [line.strip() for line in screen_text(app).splitlines() if "lorem" in line]
        assert lines and max(len(line) for line in lines) <= 80
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert view(app).column == 100
        lines = [line.strip() for line in screen_text(app).splitlines() if "lorem" in line]
        assert max(len(line) for line in lines) > 80


@pytest.mark.parametrize(
    ("keys", "halves"), [(("ctrl+d",), 1), (("ctrl+d", "ctrl+d", "ctrl+u"), 1)]
)
async def test_ctrl_d_and_ctrl_u_move_half_a_page(keys: tuple[str, ...], halves: int) -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert view(app).scroll_y == halves * (view(app).scrollable_content_region.height // 2)


@pytest.mark.parametrize(("keys", "lines"), [(("ctrl+e",), 1), (("ctrl+e", "ctrl+e", "ctrl+y"), 1)])
async def test_ctrl_e_and_ctrl_y_move_a_line(keys: tuple[str, ...], lines: int) -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert view(app).scroll_y == lines


async def test_ctrl_f_and_ctrl_b_move_a_page() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", "ctrl+f", "ctrl+b")
        await pilot.pause()
        assert view(app).scroll_y == view(app).scrollable_content_region.height - 1


async def test_hash_numbers_the_links_and_a_typed_number_chooses_one() -> None:
    app, library = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("number_sign", "G")
        await pilot.pause()
        assert "the report[1] and a script[2]" in screen_text(app)
        await pilot.press("l")
        assert isinstance(app.screen, LinksScreen)
        await pilot.press("j", "k", "2")
        assert app.screen.typed == "2"
        await pilot.press("1", "enter")  # "21" is past the end: "1" starts again
        await settle(pilot)
        assert library.calls[-1] == "https://report.example/full"


async def test_search_folds_accents_and_case_and_finds_the_title() -> None:
    reading = make_reading()
    blocks = (*reading.article.blocks, Block(BlockKind.PARAGRAPH, "Un Café au port."))
    reading = replace(reading, article=replace(reading.article, blocks=blocks))
    app, _ = app_for(reading)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "cafe")
        assert status(app).state == "Match 1/1"
        await search(pilot, "HARBOUR")
        assert app.reader.search.current is not None and app.reader.search.current.block == -1


async def test_n_after_g_goes_from_the_view_not_from_the_last_hit() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "paragraph 2")
        assert status(app).state == "Match 1/11"
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("n")
        current = app.reader.search.current
        assert current is not None and current.block >= view(app).top_block  # not Match 2


def candidate_reading() -> Reading:
    chosen = Article(
        blocks=(Block(BlockKind.PARAGRAPH, "Only the teaser of the story."),),
        title="The story",
        url="https://news.example/s",
        canonical="https://elsewhere.example/s",
        notice="teaser only: the rest is for subscribers",
        kind=PageKind.FORUM,
    )
    whole = Article(blocks=(Block(BlockKind.PARAGRAPH, "The whole cleaned text of the page."),))
    return Reading(article=chosen, confidence=0.3, candidates=(Candidate("page-text", whole, 0.2),))


async def test_the_header_says_kind_canonical_notice_and_low_confidence() -> None:
    app, _ = app_for(candidate_reading())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "forum page" in text
        assert "the page says: https://elsewhere.example/s" in text
        assert "teaser only: the rest is for subscribers" in text
        assert "confidence 0.30" in text


async def test_c_switches_to_the_pages_other_reading_and_back() -> None:
    app, _ = app_for(candidate_reading())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert "The whole cleaned text of the page." in screen_text(app)
        assert "Reading 2 of 2: page-text" in status(app).state
        await pilot.press("C")
        await pilot.pause()
        assert "Only the teaser of the story." in screen_text(app)


async def test_an_unexpected_error_in_a_load_is_a_notification_and_the_article_stays() -> None:
    reading = make_reading()

    def loader(source: str) -> Reading:
        if source == "boom":
            raise KeyError("page text that must not show")
        return reading

    app = create_app(source="a", loader=loader)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.load("boom")
        await settle(pilot)
        (note,) = list(app._notifications)
        assert note.message == "could not read boom: KeyError, a bug in lire"
        assert view(app).article is reading.article
        assert app.is_running


async def test_t_toggles_the_theme_and_the_choice_outlives_the_app(tmp_path: Path) -> None:
    prefs = tmp_path / "state" / "prefs.json"
    app, _ = app_for(prefs=prefs)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.current_theme.dark
        await pilot.press("t", "less_than_sign")
        await pilot.pause()
        assert not app.current_theme.dark
    app, _ = app_for(prefs=prefs)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        assert view(app).column == 70


async def test_x_undoes_a_restore() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x", "enter")
        await pilot.pause()
        assert any(b.text == "Subscribe now for $1" for b in view(app).article.blocks)
        await pilot.press("x", "enter")
        await pilot.pause()
        assert not any(b.text == "Subscribe now for $1" for b in view(app).article.blocks)
        assert "Removed again" in status(app).state


def test_a_typed_source_expands_home_and_reads_a_bare_domain_as_https(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "saved.html").write_text("<p>x</p>", encoding="utf-8")
    assert source_of("~/saved.html") == str(tmp_path / "saved.html")
    assert source_of("$HOME/saved.html") == str(tmp_path / "saved.html")
    assert source_of("example.org") == "https://example.org"
    assert source_of("example.org/a/b?c=1") == "https://example.org/a/b?c=1"
    assert source_of("http://x.example") == "http://x.example"
    assert source_of("notes.txt") == "notes.txt"  # a file that is not there: not a domain


def test_a_citation_escapes_the_title_and_cites_only_the_address_read() -> None:
    article = Article(
        blocks=(),
        title="[click](javascript:alert(1))",
        url="https://news.example/a",
        canonical="javascript:alert(2)",
    )
    quoted = cite("A line.", article)
    assert quoted.endswith("— [\\[click\\](javascript:alert(1))](<https://news.example/a>)\n")
    assert "alert(2)" not in quoted
    assert "](<" not in cite("A line.", replace(article, url="javascript:x"))
