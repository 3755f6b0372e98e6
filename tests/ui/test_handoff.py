"""Handing the article on: y copies a paragraph with its citation, e exports Markdown.

Readings are built from lire.model values and handed to the app through a loader
(``reader_kit``), so these tests do not depend on the pipeline unless they say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from lire.ui.dialogs import PromptScreen
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    anyio_backend,
    app_for,
    search,
    settle,
)

pytestmark = pytest.mark.anyio


async def test_y_copies_the_paragraph_as_a_markdown_quote_with_its_source() -> None:
    app, _ = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "down", "enter", "tab")
        await search(pilot, "Paragraph 20 ")
        await pilot.press("y")
        assert app.clipboard.startswith("> Paragraph 20 lorem")
        assert app.clipboard.endswith(
            "— [The harbour reopens, News Example](<https://news.example/a>)\n"
        )


async def test_e_exports_the_article_as_markdown(tmp_path: Path) -> None:
    app, _ = app_for()
    target = tmp_path / "out.md"
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one(Input)
        assert field.value == str(Path.cwd() / "the-harbour-reopens.md")
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    markdown = target.read_text(encoding="utf-8")
    assert "Paragraph 29 lorem" in markdown
    assert "The harbour reopens" in markdown
