"""SummaryPane: the summary's points (selecting one jumps to its paragraph), and the opt-in
model summary streamed into it.

The pane owns the stream. Only when it was given an ``[llm]`` config with a ``base_url``: the
offline summary shows first, then a thread worker asks the model (``lire.summarize.llm``) and
posts each chunk as a message; the pane shows the text as it comes, then tells the screen
(``ModelAnswered``), which keeps the model's key points in the visit and shows it again. On
failure the offline summary stays and a warning says why. Asking for another visit's summary,
or ``cancel``, drops a stream in flight.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from lire.errors import LireError
from lire.model import Article, Summary
from lire.sanitize import sanitize_line
from lire.summarize.options import LLMConfig
from lire.ui.messages import ModelAnswered, SummaryChunk, SummaryFailed, SummaryStreamed
from lire.ui.trail import Visit

__all__ = ["SummaryPane"]


@dataclass(slots=True)
class _Stream:
    """The model summary in flight for ``visit``: its token and the text received so far."""

    token: int
    visit: Visit
    text: str = ""


class _Abandoned(Exception):
    """Raised inside the worker's chunk callback to stop reading a cancelled stream."""


class SummaryPane(OptionList):
    """One option per key point, as plain Text (never markup); its id is the block index."""

    def __init__(self, *, id: str | None = None, llm: LLMConfig | None = None, points: int = 3):
        super().__init__(id=id, markup=False)  # prompts are Text; strings stay plain too
        self.border_title = "Summary"
        self.llm = llm  # None: the offline summary only
        self.points = points
        self._visit: Visit | None = None
        self._stream: _Stream | None = None
        self._token = 0
        self._unconfigured_told = False

    def show_visit(self, visit: Visit) -> None:
        """Show ``visit``'s summary, its stream when one is in flight, or ask the model."""
        self._visit = visit
        stream = self._stream
        if stream is not None and stream.visit is visit:
            self.show_stream(stream.text)
            return
        self.show(visit.reading.summary)
        if self._wants_model(visit):
            self._start(visit)

    def cancel(self) -> None:
        """Stop the stream in flight, if any (its late messages are ignored); its visit, if
        still shown, shows its summary as it was."""
        stream = self._stream
        if stream is None:
            return
        self._stream = None
        self._token += 1
        self.workers.cancel_group(self, "llm")
        if self._visit is stream.visit:
            self.show(stream.visit.reading.summary)

    def show(self, summary: Summary) -> None:
        self.clear_options()
        if not summary.points:
            note = sanitize_line(summary.note or "No summary for this article.")
            self.add_option(Option(Text(note, style="italic"), disabled=True))
            return
        for number, point in enumerate(summary.points):
            prompt = Text()  # no base style: the number bold, the point in the body's style
            prompt.append(f"{number + 1}. ", style="bold")
            prompt.append(sanitize_line(point.text))
            self.add_option(Option(prompt, id=f"point-{number}"))
        method = summary.method
        if method == "llm" and self.llm is not None and self.llm.model:
            method = f"llm: {sanitize_line(self.llm.model)}"
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

    # -- the model stream --------------------------------------------------------------------

    def _wants_model(self, visit: Visit) -> bool:
        if self.llm is None or visit.llm_tried or visit.reading.summary.method == "llm":
            return False
        if not visit.reading.article.blocks:
            return False
        if not self.llm.base_url:  # never contact anything that was not configured
            if not self._unconfigured_told:
                self._unconfigured_told = True
                self._warn("no summary model is configured: set base_url in the [llm] section")
            return False
        return True

    def _start(self, visit: Visit) -> None:
        assert self.llm is not None
        self._token += 1
        self._stream = _Stream(self._token, visit)
        self.show_stream("")
        self._summarize(self._token, visit.reading.article, self.llm, self.points)

    @work(thread=True, exclusive=True, group="llm")
    def _summarize(self, token: int, article: Article, llm: LLMConfig, points: int) -> None:
        from lire.fetch.stream import stream_lines  # httpx: only loaded when a model is asked
        from lire.summarize.llm import llm_summary

        worker = get_current_worker()

        def chunk(text: str) -> None:
            if worker.is_cancelled:
                raise _Abandoned  # unwinds llm_summary, which closes the connection
            self.post_message(SummaryChunk(token, text))

        try:
            summary = llm_summary(
                article, config=llm, points=points, transport=stream_lines, on_chunk=chunk
            )
        except _Abandoned:
            return
        except LireError as error:
            self.post_message(SummaryFailed(token, str(error)))
        else:
            self.post_message(SummaryStreamed(token, summary))

    def _current(self, token: int) -> _Stream | None:
        stream = self._stream
        return stream if stream is not None and stream.token == token else None

    @on(SummaryChunk)
    def _chunk_arrived(self, message: SummaryChunk) -> None:
        if (stream := self._current(message.token)) is not None:
            stream.text += message.text
            if self._visit is stream.visit:
                self.show_stream(stream.text)

    @on(SummaryStreamed)
    def _streamed(self, message: SummaryStreamed) -> None:
        if (stream := self._current(message.token)) is not None:
            self._stream = None
            self.post_message(ModelAnswered(stream.visit, message.summary))

    @on(SummaryFailed)
    def _stream_failed(self, message: SummaryFailed) -> None:
        if (stream := self._current(message.token)) is not None:
            self._stream = None
            self._warn(message.error)
            self.post_message(ModelAnswered(stream.visit, None))

    def _warn(self, error: str) -> None:
        self.notify(
            f"{sanitize_line(error)}; showing the offline summary",
            severity="warning",
            markup=False,
            timeout=8,
        )
