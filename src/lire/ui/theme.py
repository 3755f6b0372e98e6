"""The styles the article is drawn with, taken from the app's Textual theme."""

from __future__ import annotations

from rich.style import Style
from textual.theme import Theme

from lire.ui.document import Palette

__all__ = ["palette_for"]


def palette_for(theme: Theme) -> Palette:
    """The article's palette in ``theme``."""
    return Palette(
        title=Style(bold=True, color=theme.primary),
        heading=Style(bold=True, color=theme.accent or theme.primary),
        quote=Style(italic=True, color=theme.secondary or None),
        marker=Style(bold=True, color=theme.accent or theme.primary),
        flash=Style(bgcolor=theme.warning or "yellow", color="black"),
    )
