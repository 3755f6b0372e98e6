"""Body text meets WCAG AA (4.5:1) in every shipped theme and under NO_COLOR, computed from the
styles the article view actually renders (foreground against background, per segment)."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from lire.config import AppConfig, Config
from lire.ui import LireApp, create_app
from lire.ui.theme import AA, contrast
from reader_kit import anyio_backend, make_reading, settle, view  # noqa: F401  (the fixture)

pytestmark = pytest.mark.anyio


def rendered(app: LireApp, text: str) -> list[Segment]:
    """The segments showing ``text``, after the app's filters (NO_COLOR is one)."""
    article = view(app)
    background = Color.parse(app.current_theme.background or "black")
    found = []
    for y in range(article.size.height):
        strip = article.render_line(y)
        for line_filter in app._filters:
            strip = strip.apply_filter(line_filter, background)
        found += [segment for segment in strip if text in segment.text]
    return found


def ratio(segment: Segment) -> float:
    style = segment.style
    assert style is not None and style.color is not None and style.bgcolor is not None
    one = Color.from_rich_color(style.color)
    other = Color.from_rich_color(style.bgcolor)
    return contrast(one, other)


@pytest.mark.parametrize("no_color", [False, True], ids=["color", "no-color"])
# the ANSI themes take their colours from the terminal: there is nothing to compute
@pytest.mark.parametrize("theme", sorted(t for t in BUILTIN_THEMES if not t.startswith("ansi")))
async def test_body_headings_and_metadata_meet_aa(
    theme: str, no_color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    reading = make_reading()
    app = create_app(
        source="a", loader=lambda _: reading, config=Config(app=AppConfig(theme=theme))
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for text in ("Paragraph 1 lorem", "Introduction", "Ann Writer", "The harbour reopens"):
            segments = rendered(app, text)
            assert segments, text
            worst = min(ratio(segment) for segment in segments)
            assert worst >= AA, f"{text!r} in {theme}: {worst:.2f}"
