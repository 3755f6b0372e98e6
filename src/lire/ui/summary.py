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

    def __init__(self, *, id: str | None = None, model: str = "") -> None:
        super().__init__(id=id, markup=False)  # prompts are Text; strings stay plain too
        self.border_title = "Summary"
        self.model = model  # the summary model's name, shown under its points

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
        method = summary.method
        if method == "llm" and self.model:
            method = f"llm: {sanitize_line(self.model)}"
        self.add_option(Option(Text(f"({method})", style="dim"), disabled=True))
        self.highlighted = 0

    def show_stream(self, text: str) -> None:
        """The model's answer so far (sanitised by ``lire.summarize.llm``), shown as plain Text."""
        self.clear_options()
        self.add_option(Option(Text(text.strip() or "…"), id="streaming"))
        self.add_option(Option(Text("(llm, streaming…)", style="dim"), disabled=True))

    def point_index(self, option: Option) -> int | None:
        """The summary point an option stands for."""
        if option.id is None or not option.id.startswith("point-"):
            return None
        return int(option.id.removeprefix("point-"))
