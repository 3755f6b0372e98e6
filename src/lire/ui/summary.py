"""SummaryPane: the summary's points; selecting one jumps to its paragraph."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from lire.model import Summary
from lire.sanitize import sanitize_line

__all__ = ["SummaryPane"]


class SummaryPane(OptionList):
    """One option per key point, as plain Text (never markup); its id is the block index."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)  # prompts are Text; strings stay plain too
        self.border_title = "Summary"

    def show(self, summary: Summary) -> None:
        self.clear_options()
        if not summary.points:
            note = sanitize_line(summary.note or "No summary for this article.")
            self.add_option(Option(Text(note, style="italic"), disabled=True))
            return
        for number, point in enumerate(summary.points):
            prompt = Text(f"{number + 1}. ", style="bold")
            prompt.append(sanitize_line(point.text))
            self.add_option(Option(prompt, id=f"point-{number}"))
        self.add_option(Option(Text(f"({summary.method})", style="dim"), disabled=True))
        self.highlighted = 0

    def point_index(self, option: Option) -> int | None:
        """The summary point an option stands for."""
        if option.id is None or not option.id.startswith("point-"):
            return None
        return int(option.id.removeprefix("point-"))
