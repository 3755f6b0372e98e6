"""ReaderBase: the reader's layout, its loading worker and its trail of visits.

``LireApp`` (app.py) adds the key bindings and their actions on top.
Loading runs in a thread worker; results come back as messages. Navigation (links followed,
back and forward) keeps a trail of visits, each with the Reading it showed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from rich.style import Style
from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import OptionList

from lire.clean.restore import restore, restore_removals
from lire.errors import LireError
from lire.model import Article, Reading
from lire.sanitize import sanitize_line
from lire.store.history import History
from lire.summarize.options import LLMConfig
from lire.ui.article import ArticleView
from lire.ui.document import Match, Palette
from lire.ui.keybar import KeyBar
from lire.ui.messages import ArticleScrolled, LoadFailed, ReadingLoaded
from lire.ui.status import StatusLine
from lire.ui.summary import SummaryPane

__all__ = ["KeepStore", "Loader", "ReaderBase", "Visit"]

Loader = Callable[[str], Reading]
Opener = Callable[[str], object]


class KeepStore(Protocol):
    """Where a restored removal is remembered for its site (``lire.store.SiteMemoryStore``)."""

    def keep(self, site: str, text: str) -> None: ...

    def close(self) -> None: ...


@dataclass(slots=True)
class Visit:
    """One stop on the reading trail; ``restored`` numbers the removals put back;
    ``llm_tried`` says the model was asked for its summary and answered or failed."""

    source: str
    reading: Reading
    top_block: int = 0
    restored: frozenset[int] = frozenset()
    llm_tried: bool = False


class ReaderBase(App[int]):
    """Layout, loading and the trail; the actions live in ``LireApp``."""

    CSS_PATH = "app.tcss"
    TITLE = "lire"
    # App declares this ClassVar without ClassVar in its own annotation: mypy rejects re-annotating
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (100, "-wide"),
    ]
    show_summary: reactive[bool] = reactive(True)

    def __init__(
        self,
        *,
        source: str | None,
        loader: Loader,
        theme: str = "textual-dark",
        show_summary: bool = True,
        history: History | None = None,
        learn: KeepStore | None = None,
        sample: str | None = None,
        opener: Opener | None = None,
        llm: LLMConfig | None = None,
        points: int = 3,
    ) -> None:
        super().__init__()
        self.llm = llm  # None: the offline summary only
        self.points = points
        self.source = source
        self.loader = loader
        self.history = history
        self.learn = learn
        self.sample = sample
        self.opener = opener
        self.trail: list[Visit] = []
        self.at = -1
        self._token = 0
        self._wanted_theme = theme
        self._pushing = True
        self.matches: list[Match] = []
        self.match_at = -1
        self.set_reactive(ReaderBase.show_summary, show_summary)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleView(id="article")
            yield SummaryPane(id="summary", model=self.llm.model if self.llm else "")
        yield StatusLine(id="status")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        if self._wanted_theme in self.available_themes:
            self.theme = self._wanted_theme
        else:
            self.notify(f"unknown theme {self._wanted_theme!r}", severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, lambda _theme: self._repaint())
        self.watch_show_summary(self.show_summary)
        self.query_one(ArticleView).focus()
        if self.source is not None:
            self.load(self.source)
        else:
            self.status("No article: open one with : or pick one from the history")
            self.call_after_refresh(self.run_action, "history")

    # -- state -------------------------------------------------------------------------------

    @property
    def visit(self) -> Visit | None:
        return self.trail[self.at] if 0 <= self.at < len(self.trail) else None

    @property
    def article(self) -> Article | None:
        visit = self.visit
        return None if visit is None else self.shown_article(visit)

    def shown_article(self, visit: Visit) -> Article:
        article = visit.reading.article
        return restore_removals(article, visit.restored) if visit.restored else article

    def status(self, state: str) -> None:
        self.query_one(StatusLine).state = state

    def palette(self) -> Palette:
        theme = self.current_theme
        return Palette(
            title=Style(bold=True, color=theme.primary),
            heading=Style(bold=True, color=theme.accent or theme.primary),
            quote=Style(italic=True, color=theme.secondary or None),
            marker=Style(bold=True, color=theme.accent or theme.primary),
            flash=Style(bgcolor=theme.warning or "yellow", color="black"),
        )

    def watch_show_summary(self, show: bool) -> None:
        self.query_one(SummaryPane).display = show

    # -- loading -----------------------------------------------------------------------------

    def load(self, source: str, *, push: bool = True) -> None:
        """Start reading ``source`` in a worker; ``push`` adds it to the trail."""
        self._token += 1
        self._pushing = push
        self.query_one(ArticleView).loading = True
        self.status(f"Loading {sanitize_line(source)} …")
        self._read(self._token, source)

    @work(thread=True, exclusive=True, group="load")
    def _read(self, token: int, source: str) -> None:
        try:
            reading = self.loader(source)
        except LireError as error:
            self.post_message(LoadFailed(token, source, str(error)))
        except NotImplementedError as error:  # a pipeline stage not built yet: say so, go on
            self.post_message(LoadFailed(token, source, f"cannot read yet: {error or 'todo'}"))
        else:
            self.post_message(ReadingLoaded(token, source, reading))

    def cancel_load(self) -> bool:
        """Forget the load in flight; ``True`` if there was one."""
        if not self.query_one(ArticleView).loading:
            return False
        self._token += 1
        self.workers.cancel_group(self, "load")
        self.query_one(ArticleView).loading = False
        self.status("Cancelled")
        return True

    @on(ReadingLoaded)
    def _loaded(self, message: ReadingLoaded) -> None:
        if message.token != self._token:
            return
        view = self.query_one(ArticleView)
        view.loading = False
        view.focus()  # the loading indicator took the focus away
        self.remember_position()
        visit = Visit(message.source, message.reading)
        if self.history is not None:
            visit.top_block = self.history.position(message.source) or 0
        if self._pushing or self.visit is None:
            del self.trail[self.at + 1 :]
            self.trail.append(visit)
            self.at = len(self.trail) - 1
        else:
            visit.top_block = self.query_one(ArticleView).top_block
            self.trail[self.at] = visit
        self.present(visit)

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        if message.token != self._token:
            return
        view = self.query_one(ArticleView)
        view.loading = False
        view.focus()
        if self.visit is None:
            view.show_note("Nothing to read. Press : to open a URL or file, H for the history.")
        self.status("Could not read the article" if self.visit is None else "")
        self.notify(sanitize_line(message.error), severity="error", markup=False, timeout=8)

    def present(self, visit: Visit) -> None:
        """Show a visit: article, summary, position, and record it in the history."""
        article = self.shown_article(visit)
        self.query_one(ArticleView).show(article, self.palette(), top_block=visit.top_block)
        self.query_one(SummaryPane).show(visit.reading.summary)
        self.clear_search()
        self.title = sanitize_line(article.title or visit.source)
        self.status("" if article.blocks else "This article is empty")
        self.remember_position()

    def remember_position(self) -> None:
        visit = self.visit
        if visit is None:
            return
        if self.history is not None and visit.source != "-":  # stdin cannot be reopened
            article = visit.reading.article
            self.history.record(
                visit.source,
                title=article.title,
                site=article.site,
                url=article.url,
                position=visit.top_block,
            )

    def clear_search(self) -> None:
        self.matches = []
        self.match_at = -1
        self.query_one(ArticleView).set_matches((), None)

    def jump_to_point(self, number: int) -> None:
        """Scroll to the paragraph summary point ``number`` came from and highlight it."""
        visit = self.visit
        if visit is None or not 0 <= number < len(visit.reading.summary.points):
            return
        block = self.shown_index(visit, visit.reading.summary.points[number].block)
        view = self.query_one(ArticleView)
        view.scroll_to_block(block)
        view.flash(block)
        self.set_timer(1.5, lambda: view.flash(None))

    def shown_index(self, visit: Visit, block: int) -> int:
        """Where block ``block`` of the clean article is shown once removals are restored."""
        article = visit.reading.article
        if not visit.restored or not 0 <= block < len(article.blocks):
            return block
        return restore(article, visit.restored).positions[block]

    def _repaint(self) -> None:
        self.query_one(ArticleView).set_palette(self.palette())
        self.query_one(KeyBar).refresh()

    # -- events ------------------------------------------------------------------------------

    @on(ArticleScrolled)
    def _scrolled(self, message: ArticleScrolled) -> None:
        status = next(iter(self.query(StatusLine)), None)
        if status is None:  # closing: the article view reported after the status line went
            return
        status.percent = message.percent
        status.minutes_left = message.minutes_left
        if self.visit is not None and not self.query_one(ArticleView).loading:
            self.visit.top_block = message.top_block

    @on(OptionList.OptionSelected, "#summary")
    def _point_chosen(self, event: OptionList.OptionSelected) -> None:
        number = self.query_one(SummaryPane).point_index(event.option)
        if number is not None:
            self.jump_to_point(number)

    def on_unmount(self) -> None:
        self.remember_position()
