"""KeyBar: the main keys on one line, drawn as a single Text; on a narrow screen the last keys
lose their words rather than go off the edge.

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
        shown: list[tuple[str, str, Style]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            dim = Style.null() if active.enabled else Style(dim=True)
            shown.append((self.app.get_key_display(binding), binding.description, dim))
        return _fitted(shown, key, self.size.width)


def _fitted(shown: list[tuple[str, str, Style]], key: Style, width: int) -> Text:
    """The keys and what they do, in order, in ``width`` cells: where all do not fit, the
    last ones lose their words, so that every key is still there (``?`` says the rest)."""
    keys_only = [len(f" {name} ") for name, _, _ in shown]
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    fits = True
    for n, (name, description, dim) in enumerate(shown):
        text.append(f" {name} ", style=key + dim)
        words = description + " "
        fits = fits and text.cell_len + len(words) + sum(keys_only[n + 1 :]) <= width
        if fits:
            text.append(words, style=dim)
    return text


def _rich_color(value: str | None) -> RichColor | None:
    """A theme variable as a rich colour (an ANSI theme's "ansi_magenta" too), or None."""
    try:
        return Color.parse(value).rich_color if value else None
    except ColorParseError:
        return None
