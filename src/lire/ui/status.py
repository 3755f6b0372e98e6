"""StatusLine: where the reader is (percent, minutes left) and what the app is doing."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from lire.sanitize import sanitize_line

__all__ = ["StatusLine"]


class StatusLine(Static):
    """One line: position on the left, the current state (loading, search) after it."""

    percent: reactive[int] = reactive(0)
    minutes_left: reactive[int] = reactive(0)
    state: reactive[str] = reactive("")

    def render(self) -> Text:
        text = Text(f" {self.percent:3d}% · {self.minutes_left} min left", style="bold")
        if self.state:
            text.append("  ")
            text.append(sanitize_line(self.state))
        return text
