"""Modal lists: what the cleaner removed, the article's links, the reading history.

Every list moves with j and k (and g, G) as well as the arrows; in the links list, typing a
number then enter chooses that link, as in w3m.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from lire.clean.restore import is_cut_tail
from lire.model import Link, Removal
from lire.sanitize import sanitize_line
from lire.store.history import Visit

__all__ = ["HistoryScreen", "LinkChoice", "LinksScreen", "RemovedScreen"]

LinkChoice = tuple[Literal["follow", "open"], Link]
_T = TypeVar("_T")


class KeyList(OptionList):
    """An OptionList that also moves with the less and vim keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]


class _ListScreen(ModalScreen[_T | None]):
    """A titled OptionList in a dialog; esc closes it with ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss(None)", "Close")]

    def __init__(self, title: str, options: list[Option]) -> None:
        super().__init__()
        self.list_title = title
        self.options = options

    def compose(self) -> ComposeResult:
        options = KeyList(*self.options, classes="dialog list", markup=False)
        options.border_title = self.list_title
        yield options


class RemovedScreen(_ListScreen[int]):
    """What the cleaner removed, rule then text; enter restores one (its index is returned)."""

    def __init__(self, removed: Sequence[Removal], restored: set[int]) -> None:
        options = [
            Option(_removal_prompt(removal, number in restored), id=f"r{number}")
            for number, removal in enumerate(removed)
        ]
        if not options:
            options = [Option(Text("The cleaner removed nothing."), disabled=True)]
        super().__init__("Removed by the cleaner (enter restores, or undoes a restore)", options)
        self.restored = restored

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        number = int((event.option.id or "r-1")[1:])
        if number >= 0:
            self.dismiss(number)  # restores it, or takes a restored one out again


class LinksScreen(_ListScreen[LinkChoice]):
    """The article's links, numbered, with their real targets; enter follows, o opens; a
    number typed before either chooses that link."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_link", "Open in browser"),
        *(Binding(str(digit), f"digit({digit})", show=False) for digit in range(10)),
        Binding("enter", "follow", "Follow", show=False, priority=True),
    ]

    def __init__(self, links: Sequence[Link]) -> None:
        options = [
            Option(_link_prompt(number, link), id=f"l{number}")
            for number, link in enumerate(links, start=1)
        ]
        if not options:
            options = [Option(Text("This article has no links."), disabled=True)]
        super().__init__("Links (a number, then enter reads in lire, o opens)", options)
        self.links = list(links)
        self.typed = ""  # the number typed so far

    def action_digit(self, digit: int) -> None:
        """Type a link number: the list moves to it as it is typed."""
        typed = (self.typed + str(digit)).lstrip("0")
        if typed and int(typed) > len(self.links):
            typed = str(digit) if 0 < digit <= len(self.links) else ""
        self.typed = typed
        if typed:
            self.query_one(OptionList).highlighted = int(typed) - 1

    def action_follow(self) -> None:
        self._choose("follow")

    def action_open_link(self) -> None:
        self._choose("open")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(("follow", self.links[event.option_index]))

    def _choose(self, what: Literal["follow", "open"]) -> None:
        index = int(self.typed) - 1 if self.typed else self.query_one(OptionList).highlighted
        if index is not None and 0 <= index < len(self.links):
            self.dismiss((what, self.links[index]))


class HistoryScreen(_ListScreen[str]):
    """Articles read, newest first; returns the location to open, ``":"`` to ask for a URL."""

    def __init__(self, visits: Sequence[Visit], *, sample: str | None) -> None:
        options = [Option(Text("Open a URL or file…", style="bold"), id=":")]
        if sample is not None:
            options.append(Option(Text("Read the sample article", style="bold"), id=sample))
        shown = {":", sample}
        for visit in visits:
            if visit.location not in shown:  # option ids must be unique
                shown.add(visit.location)
                options.append(Option(_visit_prompt(visit), id=visit.location))
        super().__init__("History", options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


def _removal_prompt(removal: Removal, restored: bool) -> Text:
    text = Text()
    text.append(sanitize_line(removal.rule), style="bold")
    if restored:
        text.append(" (restored: enter removes it again)", style="italic")
    elif removal.index is None:
        text.append(" · from the page, goes back at the end", style="dim italic")
    elif is_cut_tail(removal):
        text.append(" · end of a paragraph, goes back there", style="dim italic")
    text.append("\n")
    text.append(sanitize_line(removal.text)[:300], style="dim" if restored else "")
    return text


def _link_prompt(number: int, link: Link) -> Text:
    text = Text()
    text.append(f"{number:3d}. ", style="bold")
    text.append(sanitize_line(link.text) or "(no text)")
    text.append("\n     → ")
    text.append(sanitize_line(link.url), style="underline")
    return text


def _visit_prompt(visit: Visit) -> Text:
    text = Text()
    text.append(sanitize_line(visit.title or visit.location), style="bold")
    where = " · ".join(sanitize_line(part) for part in (visit.site, visit.read_at[:16]) if part)
    text.append(f"\n{where}", style="dim")
    return text
