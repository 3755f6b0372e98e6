"""Modal dialogs: help, a one-line prompt, a confirmation. Untrusted text goes in as Text.

Every dialog is a ``lire.ui.typeahead.Dialog``: it takes the keys typed ahead of it."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static

from lire.ui.typeahead import Dialog

__all__ = ["ConfirmScreen", "HelpScreen", "PromptScreen"]


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
