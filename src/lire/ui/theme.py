"""The styles the article is drawn with, taken from the app's Textual theme.

Body text keeps the widget's foreground (the theme's own text colour) and normal weight; only
headings, the title, markers and links take the theme's colours, and only where a colour keeps
4.5:1 contrast with the background (WCAG AA): otherwise the text colour, made bold.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.style import Style
from textual.color import Color
from textual.theme import Theme

from lire.ui.document import Palette

__all__ = ["AA", "contrast", "palette_for"]

AA = 4.5  # WCAG AA contrast for body text


def contrast(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two opaque colours (1 to 21)."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def palette_for(theme: Theme) -> Palette:
    """The article's palette in ``theme`` (an ANSI theme's colours are the terminal's own,
    unknown here: its palette keeps to weight, slant and underline)."""
    if any(str(value).startswith("ansi_") for value in (theme.primary, theme.background)):
        return Palette(flash=Style(reverse=True), code=Style(reverse=False))
    background = Color.parse(theme.background or ("#000000" if theme.dark else "#ffffff"))
    foreground = Color.parse(theme.foreground or ("#e0e0e0" if theme.dark else "#1e1e1e"))

    def readable(name: str | None) -> RichColor | None:
        """A theme colour if it reads on the background, else None (the text colour)."""
        if not name:
            return None
        color = Color.parse(name)
        return color.rich_color if contrast(color, background) >= AA else None

    accent = readable(theme.accent) or readable(theme.primary)
    return Palette(
        title=Style(bold=True),  # in the text colour: readable in every theme
        headings=(
            Style(bold=True, underline=True, color=accent),
            Style(bold=True, color=accent),
            Style(bold=True, italic=True),
        ),
        bar=Style(bold=True, color=accent),
        marker=Style(bold=True, color=accent),
        link=Style(underline=True, color=readable(theme.secondary) or None),
        number=Style(bold=True, color=accent),
        notice=Style(bold=True, color=readable(theme.warning) or None),
        code=Style(bgcolor=_shade(background, foreground).rich_color),
        flash=Style(bgcolor=theme.warning or "yellow", color="black"),
    )


def _shade(background: Color, foreground: Color) -> Color:
    """A background for code a little towards the text colour, still far from it."""
    return background.blend(foreground, 0.12)
