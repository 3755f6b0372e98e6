"""Search from the view: hits highlighted, n and N, esc, not found.

Readings are built from lire.model values and handed to the app through a loader
(``reader_kit``), so these tests do not depend on the pipeline unless they say so.
"""

from __future__ import annotations

import pytest

from reader_kit import (  # noqa: F401  (anyio_backend: the fixture)
    anyio_backend,
    app_for,
    make_reading,
    search,
    settle,
    status,
    view,
)

pytestmark = pytest.mark.anyio


async def test_search_highlights_matches_and_n_shift_n_cycle() -> None:
    reading = make_reading()
    app, _ = app_for(reading)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "paragraph 2")
        # "Paragraph 2", "Paragraph 20" ... "Paragraph 29": 11 hits
        assert status(app).state == "Match 1/11"
        article = view(app)
        first = app.reader.search.matches[0]
        line = article.render_line(round(article.block_line(first.block) - article.scroll_y))
        assert any(seg.style and seg.style.reverse for seg in line if "Paragraph 2" in seg.text)
        await pilot.press("n")
        assert status(app).state == "Match 2/11"
        await pilot.press("N", "N")
        assert status(app).state == "Match 11/11"
        await pilot.press("escape")
        assert app.reader.search.matches == ()
        await search(pilot, "no such words")
        assert status(app).state == "Not found: no such words"
