"""ReaderScreen: the reader's layout, its keys, its load worker, and the state it owns.

It owns the trail of visits (``Trail``), the search (``Search``) and the status line's text;
the article view owns its scroll position and the keys that move in it, the summary pane the
model stream. Loading runs in a thread worker that posts a message; handlers only assign.
What the dialog keys do, and searching, are plain functions in ``commands``.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList

from lire.errors import LireError
from lire.sanitize import sanitize_line
from lire.ui import commands, handoff
from lire.ui.article import ArticleView
from lire.ui.dialogs import HelpScreen
from lire.ui.keybar import KeyBar
from lire.ui.keys import NEEDS_ARTICLE, READER_KEYS, help_rows
from lire.ui.messages import ArticleScrolled, LoadFailed, ModelAnswered, ReadingLoaded, Said
from lire.ui.search import Search
from lire.ui.services import Services
from lire.ui.status import StatusLine
from lire.ui.summary import SummaryPane
from lire.ui.theme import palette_for
from lire.ui.trail import Trail, Visit

__all__ = ["ReaderScreen"]


_BREAKPOINTS: list[tuple[int, str]] = [(0, "-narrow"), (100, "-wide")]


class ReaderScreen(Screen[None]):
    """The article beside its summary, a status line and the key bar."""

    BINDINGS = READER_KEYS
    HORIZONTAL_BREAKPOINTS = _BREAKPOINTS  # the summary goes below the article under 100
    show_summary: reactive[bool] = reactive(True)

    def __init__(
        self, services: Services, *, source: str | None, show_summary: bool = True, width: int = 80
    ):
        super().__init__()
        self.services = services
        self.source = source
        self.width = width
        self.trail = Trail()
        self.search = Search()
        self._token = 0  # the load in flight; a result with another token is stale
        self._pushing = True  # the load in flight adds a visit (False: replaces, a reload)
        self.set_reactive(ReaderScreen.show_summary, show_summary)

    def compose(self) -> ComposeResult:
        llm = self.services.llm
        with Horizontal(id="panes"):
            yield ArticleView(id="article")
            yield SummaryPane(id="summary", llm=llm, points=self.services.points)
        yield StatusLine(id="status")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.repaint())
        self.watch_show_summary(self.show_summary)
        self.view.column = self.width
        self.view.focus()
        if self.source is not None:
            self.load(self.source)
        else:
            self.status("No article: open one with : or pick one from the history")
            self.call_after_refresh(self.run_action, "history")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_ARTICLE and self.visit is None:
            return None
        return True

    # -- state -------------------------------------------------------------------------------

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def visit(self) -> Visit | None:
        return self.trail.current

    def status(self, state: str, *, expire: bool = False) -> None:
        """Say ``state`` on the status line; a passing message (``expire``) goes by itself."""
        self.query_one(StatusLine).say(state, expire=expire)

    def _loading(self, busy: bool) -> None:
        self.query_one(StatusLine).busy = busy
        self.view.loading = busy and self.visit is None  # nothing to keep on screen yet
        if not busy:
            self.view.focus()  # the loading indicator may have taken the focus

    def watch_show_summary(self, show: bool) -> None:
        self.query_one(SummaryPane).display = show

    def repaint(self) -> None:
        """Draw the article again in the app's current theme."""
        self.view.set_palette(palette_for(self.app.current_theme))
        self.query_one(KeyBar).refresh()

    # -- loading -----------------------------------------------------------------------------

    def load(self, source: str, *, push: bool = True) -> None:
        """Start reading ``source`` in a worker; ``push`` adds it to the trail."""
        self.query_one(SummaryPane).cancel()
        self._token += 1
        self._pushing = push
        self._loading(True)
        self.status(f"Loading {sanitize_line(source)} … (esc cancels)")
        self._read(self._token, source)

    @work(thread=True, exclusive=True, group="load")
    def _read(self, token: int, source: str) -> None:
        try:
            reading = self.services.loader(source)
        except LireError as error:
            self.post_message(LoadFailed(token, source, str(error)))
        except NotImplementedError as error:  # a pipeline stage not built yet: say so, go on
            self.post_message(LoadFailed(token, source, f"cannot read yet: {error or 'todo'}"))
        except Exception as error:  # noqa: BLE001  (a bug: said without its text, the reader stays)
            what = f"{type(error).__name__}, a bug in lire"
            self.post_message(LoadFailed(token, source, f"could not read {source}: {what}"))
        else:
            self.post_message(ReadingLoaded(token, source, reading))

    def cancel_load(self) -> bool:
        """Forget the load in flight; ``True`` if there was one."""
        if not self.query_one(StatusLine).busy:
            return False
        self._token += 1
        self.workers.cancel_group(self, "load")
        self._loading(False)
        self.status("Cancelled", expire=True)
        return True

    @on(ReadingLoaded)
    def _loaded(self, message: ReadingLoaded) -> None:
        if message.token != self._token:
            return
        self._loading(False)
        self.remember_position()
        visit = Visit(message.source, message.reading)
        history = self.services.history
        if history is not None:
            visit.top_block = history.position(message.source) or 0
        if self._pushing or self.visit is None:
            self.trail.push(visit)
        else:
            visit.top_block = self.view.top_block
            self.trail.replace(visit)
        self.present(visit)

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        if message.token != self._token:
            return
        self._loading(False)
        if self.visit is None:
            self.view.show_note(
                "Nothing to read. Press : to open a URL or file, H for the history."
            )
        self.status("Could not read the article" if self.visit is None else "")
        self.notify(sanitize_line(message.error), severity="error", markup=False, timeout=8)

    def present(self, visit: Visit) -> None:
        """Show a visit: article, summary, position, and record it in the history."""
        article = visit.article
        palette = palette_for(self.app.current_theme)
        self.view.show(article, palette, top_block=visit.top_block, reading=visit.reading)
        self.query_one(SummaryPane).show_visit(visit)
        self.clear_search()
        self.app.title = sanitize_line(article.title or visit.source)
        self.status("" if article.blocks else "This article is empty")
        self.query_one(StatusLine).removed = commands.removed_summary(visit)
        self.remember_position()

    def remember_position(self) -> None:
        commands.remember(self)

    # -- actions -----------------------------------------------------------------------------

    # the keys whose work is a plain function of this screen (commands, handoff)
    action_removed = commands.show_removed
    action_links = commands.show_links
    action_open = commands.open_article
    action_open_url = commands.ask_source
    action_history = commands.show_history
    action_walk = commands.walk
    action_copy = handoff.copy_paragraph
    action_export = handoff.ask_export
    action_search = commands.ask_search
    action_reading = commands.next_reading
    action_pipe = handoff.ask_pipe

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(help_rows()))

    def action_toggle_summary(self) -> None:
        self.show_summary = not self.show_summary
        if not self.show_summary:
            self.view.focus()

    def action_switch_pane(self) -> None:
        summary = self.query_one(SummaryPane)
        (self.view if summary.has_focus or not self.show_summary else summary).focus()

    def action_step_match(self, step: int) -> None:
        if self.search.current is not None:
            view = self.view
            bottom = view.block_at(round(view.scroll_y) + view.scrollable_content_region.height)
            self.search = self.search.step(step, view=(view.top_block, bottom))
            commands.show_match(self)

    def action_number_links(self) -> None:
        self.view.number_links(not self.view.marks.numbers)

    def action_reload(self) -> None:
        if (visit := self.visit) is not None:
            self.load(visit.source, push=False)

    def action_cancel(self) -> None:
        if not self.cancel_load() and self.search.current is not None:
            self.clear_search()
            self.status("")

    # -- events ------------------------------------------------------------------------------

    @on(ArticleScrolled)
    def _scrolled(self, message: ArticleScrolled) -> None:
        status = next(iter(self.query(StatusLine)), None)
        if status is None:  # closing: the article view reported after the status line went
            return
        status.percent = message.percent
        status.minutes_left = message.minutes_left
        if self.visit is not None:
            self.visit.top_block = message.top_block

    @on(Said)
    def _said(self, message: Said) -> None:
        self.status(message.text, expire=True)

    @on(ModelAnswered)
    def _model_answered(self, message: ModelAnswered) -> None:
        visit = message.visit
        visit.llm_tried = True
        if message.summary is not None:
            visit.reading = replace(visit.reading, summary=message.summary)
        if visit is self.visit:
            self.query_one(SummaryPane).show_visit(visit)

    @on(OptionList.OptionSelected, "#summary")
    def _point_chosen(self, event: OptionList.OptionSelected) -> None:
        """Scroll to the paragraph the chosen summary point came from and highlight it."""
        number, visit = self.query_one(SummaryPane).point_index(event.option), self.visit
        if visit is not None and number is not None:
            self.view.jump_to(visit.shown_index(visit.reading.summary.points[number].block))

    def clear_search(self) -> None:
        self.search = Search()
        self.view.set_matches((), None)

    def on_unmount(self) -> None:
        self.remember_position()
