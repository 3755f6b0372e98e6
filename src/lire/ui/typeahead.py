"""Dialog: a modal screen that takes the keys typed ahead of it.

In a real terminal the key that opens a dialog often comes in one read with the next ones
(``:`` then ``~/a.html`` and enter, ``x`` then enter): they were sent to the reader before the
dialog opened, and come back to the app after (``LireApp.on_event`` hands them over), or reach
the dialog before it has focused its widget. The dialog replays them to the app, in order,
one by one, once that widget has focus; a key read from the terminal meanwhile queues behind
them. Every dialog of the reader (``dialogs``, ``lists``) is one.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import ModalScreen

__all__ = ["Dialog"]

_T = TypeVar("_T")
_WIDTHS: list[tuple[int, str]] = [(0, "-narrow"), (60, "-wide")]
_Typed = tuple[str, str | None]  # a key and its character


class Dialog(ModalScreen[_T]):
    """A modal screen that takes the keys typed ahead of it; under 60 columns its box takes
    the whole width (``-narrow``)."""

    HORIZONTAL_BREAKPOINTS = _WIDTHS

    def __init__(self) -> None:
        super().__init__()
        self._ahead: list[_Typed] | None = []  # None once every key typed ahead is read again
        self._replayed: events.Key | None = None  # the key read again last

    def collecting(self, event: events.Key) -> bool:
        """True for a key from the terminal while keys typed ahead wait to be read again: it
        queues behind them (an enter sent in a later read must not overtake the path before it,
        nor reach the widget before them)."""
        return self._ahead is not None and event is not self._replayed

    def take(self, key: events.Key) -> None:
        """A key typed after the one that opened this dialog: read again here, in order."""
        if self._ahead is None:
            self.app.call_later(self._read_again, (key.key, key.character), more=False)
        else:
            self._ahead.append((key.key, key.character))

    def on_key(self, event: events.Key) -> None:
        """A key that reaches the dialog before it takes keys itself was typed ahead."""
        if self._ahead is not None and event is not self._replayed:
            event.stop()
            event.prevent_default()
            self._ahead.append((event.key, event.character))

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._replay)  # after the focus has gone to its widget

    def _replay(self) -> None:
        if self.focused is None:  # the screen's own focus may not have come: keys need it
            self.focus_next()
        self._read_next()

    def _read_next(self) -> None:
        """Read the next key typed ahead again; once none is left, the dialog takes keys."""
        if not self._ahead:
            self._ahead = None
            return
        self.app.call_later(self._read_again, self._ahead.pop(0), more=True)

    def _read_again(self, key: _Typed, *, more: bool) -> None:
        """Hand ``key`` to the app as if read again (it goes to the focused widget), then the
        next one (``more``). Run by the app (``call_later``), so the event is the app's: an
        event made by this screen would stop here on its way up, before the app's bindings."""
        self._replayed = events.Key(*key)
        self.app.post_message(self._replayed)
        if more:
            self.app.call_later(self._read_next)
