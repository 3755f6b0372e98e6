"""Modal dialogs: help, a one-line prompt, a confirmation. Untrusted text goes in as Text.

Every dialog is a ``Dialog``: it takes the keys typed ahead of it. In a real terminal the key
that opens a dialog often comes in one read with the next ones (``:`` then ``~/a.html`` and
enter, ``x`` then enter): they were sent to the reader before the dialog opened, and come back
to the app after (``LireApp.on_event`` hands them over), or reach the dialog before it has
focused its widget. The dialog replays them to the app, in order, once that widget has focus.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

__all__ = ["ConfirmScreen", "Dialog", "HelpScreen", "PromptScreen"]

_T = TypeVar("_T")
_WIDTHS: list[tuple[int, str]] = [(0, "-narrow"), (60, "-wide")]


class Dialog(ModalScreen[_T]):
    """A modal screen that takes the keys typed ahead of it; under 60 columns its box takes
    the whole width (``-narrow``)."""

    HORIZONTAL_BREAKPOINTS = _WIDTHS

    def __init__(self) -> None:
        super().__init__()
        self._ahead: list[events.Key] | None = []  # None once the dialog takes keys itself

    def take(self, key: events.Key) -> None:
        """A key typed after the one that opened this dialog: replayed here, in order."""
        copy = events.Key(key.key, key.character)
        if self._ahead is None:
            self._deliver(copy)
        else:
            self._ahead.append(copy)

    def on_key(self, event: events.Key) -> None:
        """A key that reaches the dialog before it takes keys itself was typed ahead."""
        if self._ahead is not None:
            event.stop()
            event.prevent_default()
            self._ahead.append(events.Key(event.key, event.character))

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._replay)  # after the focus has gone to its widget

    def _replay(self) -> None:
        ahead, self._ahead = self._ahead or [], None
        for key in ahead:
            self._deliver(key)

    def _deliver(self, key: events.Key) -> None:
        self.app.post_message(key)  # as if read again: the app sends it to the focused widget


class HelpScroll(VerticalScroll):
    """The help's text, scrolled with the reader's keys as well as the arrows and pages."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,ctrl+e", "scroll_down", "Down", show=False),
        Binding("k,ctrl+y", "scroll_up", "Up", show=False),
        Binding("space,ctrl+f,ctrl+d,d", "page_down", "Page down", show=False),
        Binding("b,ctrl+b,ctrl+u,u", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]


class HelpScreen(Dialog[None]):
    """Every key binding and what it does, scrolled on a small screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", max_width=24)
        table.add_column()
        for key, description in self.keys:
            table.add_row(Text(key), Text(description))
        with HelpScroll(id="help", classes="dialog") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "j k space scroll · esc closes"
            yield Static(table)


class PromptScreen(Dialog[str | None]):
    """Ask for one line (a URL, a search, a file name) on the bottom line, as less and vim do;
    enter gives it, esc gives ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, title: str, *, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.prompt_title = title
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Horizontal(classes="prompt-line"):
            yield Static(Text(f"{self.prompt_title}: ", style="bold"), classes="prompt-title")
            yield Input(value=self.value, placeholder=self.placeholder)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


class ConfirmScreen(Dialog[bool]):
    """Show a question (with its untrusted target as plain text) and wait for y or n."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "dismiss(True)", "Yes"),
        Binding("n,escape", "dismiss(False)", "No"),
    ]

    def __init__(self, question: str, target: str) -> None:
        super().__init__()
        self.question = question
        self.target = target

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(self.question + "\n\n", style="bold")
        text.append(self.target)
        text.append("\n\n(y)es / (n)o", style="dim")
        with Vertical(classes="dialog prompt"):
            yield Static(text)
