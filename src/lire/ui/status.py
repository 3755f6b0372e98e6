"""StatusLine: where the reader is (percent, minutes left), how much the cleaner removed, and
what the app is doing: a spinner while a load is in flight, messages that expire."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from lire.sanitize import sanitize_line

__all__ = ["MESSAGE_SECONDS", "StatusLine"]

MESSAGE_SECONDS = 5.0  # how long a passing message stays
_SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusLine(Static):
    """One line: position, removals, then the current state (loading, search, a message)."""

    percent: reactive[int] = reactive(0)
    minutes_left: reactive[int] = reactive(0)
    removed: reactive[str] = reactive("")
    state: reactive[str] = reactive("")
    busy: reactive[bool] = reactive(False)
    _frame: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._expiry: Timer | None = None
        self._spin: Timer | None = None

    def say(self, state: str, *, expire: bool = False) -> None:
        """Show ``state``; a passing message (``expire``) goes after a few seconds."""
        self.state = state
        if self._expiry is not None:
            self._expiry.stop()
            self._expiry = None
        if expire and state:
            self._expiry = self.set_timer(MESSAGE_SECONDS, lambda: self._expire(state))

    def _expire(self, state: str) -> None:
        if self.state == state:
            self.state = ""

    def watch_busy(self, busy: bool) -> None:
        if busy and self._spin is None:
            self._spin = self.set_interval(0.1, self._turn)
        elif not busy and self._spin is not None:
            self._spin.stop()
            self._spin = None

    def _turn(self) -> None:
        self._frame = (self._frame + 1) % len(_SPINNER)

    def render(self) -> Text:
        text = Text()
        if self.busy:
            text.append(f" {_SPINNER[self._frame]}", style="bold")
        text.append(f" {self.percent:3d}% · {self.minutes_left} min left", style="bold")
        if self.removed:
            text.append(f" · {self.removed}")
        if self.state:
            text.append("  ")
            text.append(sanitize_line(self.state))
        return text
