"""Page text in the app: shown literally everywhere, never markup, never acted on.

Readings are built from lire.model values and handed to the app through a loader
(``reader_kit``), so these tests do not depend on the pipeline unless they say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import ModalScreen

from lire.model import Article, Block, BlockKind, KeyPoint, Link, Reading, Removal, Summary
from lire.sanitize import sanitize_line
from lire.store.history import History
from lire.ui import LireApp, create_app
from lire.ui.commands import search_for
from lire.ui.dialogs import ConfirmScreen
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    Library,
    anyio_backend,
    settle,
    view,
)

pytestmark = pytest.mark.anyio


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
        await look(f"{literal} · {literal}", f"Body {literal}", f"1. {literal}")
        assert app.title == literal
        await pilot.press("x")
        await look(f"subscription/{literal}")
        await pilot.press("escape", "l")
        await look(f"1. {literal}", f"→ https://x.example/{literal}")
        await pilot.press("escape", "o")
        assert isinstance(app.screen, ConfirmScreen)
        await look(f"https://news.example/{literal}")
        await pilot.press("n")
        search_for(app.reader, hostile + " nowhere")  # what / then enter runs
        await look(f"Not found: {literal} nowhere")
        await pilot.press("H")
        await look(literal, f"{literal} · ")  # title, then site · date
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        await pilot.press("escape")
        library.readings.clear()
        app.reader.load(f"{hostile} gone")  # the error names the source: a toast
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
