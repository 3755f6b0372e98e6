"""Dialog: a modal screen that takes the keys typed ahead of it.

In a real terminal the key that opens a dialog often comes in one read with the next ones
(``:`` then ``~/a.html`` and enter, ``x`` then enter): they were sent to the reader before the
dialog opened, and come back to the app after (``LireApp.on_event`` hands them over), or reach
the dialog before it has focused its widget. The dialog replays them to the app, in order,
once that widget has focus. Every dialog of the reader (``dialogs``, ``lists``) is one.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.app import App
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
        self._ahead: list[_Typed] | None = []  # None once the dialog takes keys itself

    def take(self, key: events.Key) -> None:
        """A key typed after the one that opened this dialog: replayed here, in order."""
        if self._ahead is None:
            self._deliver((key.key, key.character))
        else:
            self._ahead.append((key.key, key.character))

    def on_key(self, event: events.Key) -> None:
        """A key that reaches the dialog before it takes keys itself was typed ahead."""
        if self._ahead is not None:
            event.stop()
            event.prevent_default()
            self._ahead.append((event.key, event.character))

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._replay)  # after the focus has gone to its widget

    def _replay(self) -> None:
        if self.focused is None:  # the screen's own focus may not have come: keys need it
            self.focus_next()
        ahead, self._ahead = self._ahead or [], None
        for key in ahead:
            self._deliver(key)

    def _deliver(self, key: _Typed) -> None:
        """Hand ``key`` to the app as if read again (it goes to the focused widget). The event
        is made by the app: an event made here would stop at this screen on its way up (it
        would be its sender's), before the app looks up the bindings."""
        self.app.call_later(_read_again, self.app, *key)


def _read_again(app: App[object], key: str, character: str | None) -> None:
    app.post_message(events.Key(key, character))
