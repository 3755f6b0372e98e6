"""The app on the real pipeline, long articles, and what it imports before its first frame.

Readings are built from lire.model values and handed to the app through a loader
(``reader_kit``), so these tests do not depend on the pipeline unless they say so.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import lire.ui
from lire.ui import create_app
from lire.ui.theme import palette_for
from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    PAGE_TEXT,
    anyio_backend,
    app_for,
    make_reading,
    screen_text,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio


# -- the real pipeline -----------------------------------------------------------------------


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
        app.reader.load(str(other))
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
        article.show(reading.article, palette_for(app.current_theme))
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
        view(app).show(reading.article, palette_for(app.current_theme))
        assert not view(app).complete  # closing now, with the rest still to lay out
    assert not app.is_running  # and run_test re-raised nothing that failed while closing


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
