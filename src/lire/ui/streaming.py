"""SummaryStreaming: the opt-in model summary, streamed into the summary pane.

Only when the app was given an ``[llm]`` config (``summarizer = "llm"``) with a ``base_url``: the
offline summary shows first, then a thread worker asks the model (``lire.summarize.llm``) and posts
each chunk as a message; the pane shows the text as it comes, then the model's key points. On
failure the offline summary stays and a warning says why. Loading or reloading cancels a stream.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual import on, work
from textual.worker import get_current_worker

from lire.errors import LireError
from lire.model import Article
from lire.sanitize import sanitize_line
from lire.summarize.options import LLMConfig
from lire.ui.base import ReaderBase, Visit
from lire.ui.messages import SummaryChunk, SummaryFailed, SummaryStreamed
from lire.ui.summary import SummaryPane

__all__ = ["SummaryStreaming"]


@dataclass(slots=True)
class Stream:
    """The model summary in flight for ``visit``: its token and the text received so far."""

    token: int
    visit: Visit
    text: str = ""


class _Abandoned(Exception):
    """Raised inside the worker's chunk callback to stop reading a cancelled stream."""


class SummaryStreaming(ReaderBase):
    """Asks the configured model for a summary of each article shown, once."""

    llm_stream: Stream | None = None
    _stream_token = 0
    _unconfigured_told = False

    def load(self, source: str, *, push: bool = True) -> None:
        self.cancel_stream()
        super().load(source, push=push)

    def present(self, visit: Visit) -> None:
        super().present(visit)
        stream = self.llm_stream
        if stream is not None and stream.visit is visit:
            self.query_one(SummaryPane).show_stream(stream.text)
        elif self._wants_model(visit):
            self.start_stream(visit)

    def start_stream(self, visit: Visit) -> None:
        """Ask the model for ``visit``'s summary (a stream in flight for another is dropped)."""
        assert self.llm is not None
        self._stream_token += 1
        self.llm_stream = Stream(self._stream_token, visit)
        self.query_one(SummaryPane).show_stream("")
        self._summarize(self._stream_token, visit.reading.article, self.llm, self.points)

    def cancel_stream(self) -> None:
        """Stop the stream in flight, if any (its late messages are ignored); its article, if
        still shown (the load may fail or be cancelled), shows its summary as it was."""
        stream = self.llm_stream
        if stream is None:
            return
        self.llm_stream = None
        self._stream_token += 1
        self.workers.cancel_group(self, "llm")
        if self.visit is stream.visit:
            self.query_one(SummaryPane).show(stream.visit.reading.summary)

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

    def _current(self, token: int) -> Stream | None:
        stream = self.llm_stream
        return stream if stream is not None and stream.token == token else None

    @on(SummaryChunk)
    def _chunk_arrived(self, message: SummaryChunk) -> None:
        stream = self._current(message.token)
        if stream is None:
            return
        stream.text += message.text
        if self.visit is stream.visit:
            self.query_one(SummaryPane).show_stream(stream.text)

    @on(SummaryStreamed)
    def _streamed(self, message: SummaryStreamed) -> None:
        stream = self._current(message.token)
        if stream is None:
            return
        self.llm_stream = None
        visit = stream.visit
        visit.reading = replace(visit.reading, summary=message.summary)
        visit.llm_tried = True
        if self.visit is visit:
            self.query_one(SummaryPane).show(message.summary)

    @on(SummaryFailed)
    def _stream_failed(self, message: SummaryFailed) -> None:
        stream = self._current(message.token)
        if stream is None:
            return
        self.llm_stream = None
        stream.visit.llm_tried = True
        if self.visit is stream.visit:
            self.query_one(SummaryPane).show(stream.visit.reading.summary)
        self._warn(message.error)

    def _warn(self, error: str) -> None:
        self.notify(
            f"{sanitize_line(error)}; showing the offline summary",
            severity="warning",
            markup=False,
            timeout=8,
        )
