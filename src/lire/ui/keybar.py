"""KeyBar: the main keys on one line, drawn as a single Text.

Textual's ``Footer`` mounts a widget per key and recomposes them all whenever the focus or the
bindings change; at start-up that happened six times and cost about a quarter of a second
before the article could be painted. This bar only re-renders one line.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.style import Style
from rich.text import Text
from textual.color import Color, ColorParseError
from textual.screen import Screen
from textual.widget import Widget

__all__ = ["KeyBar"]


class KeyBar(Widget):
    """The bindings marked ``show`` of the screen it sits on; keys unavailable now are dim."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_updated)

    def _bindings_updated(self, _screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Text:
        colors = self.app.theme_variables
        key = Style(bold=True, color=_rich_color(colors.get("footer-key-foreground")))
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            dim = Style.null() if active.enabled else Style(dim=True)
            text.append(f" {self.app.get_key_display(binding)} ", style=key + dim)
            text.append(binding.description + " ", style=dim)
        return text


def _rich_color(value: str | None) -> RichColor | None:
    """A theme variable as a rich colour (an ANSI theme's "ansi_magenta" too), or None."""
    try:
        return Color.parse(value).rich_color if value else None
    except ColorParseError:
        return None
