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
from lire.ui import commands
from lire.ui.article import ArticleView
from lire.ui.dialogs import HelpScreen, PromptScreen
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

    def __init__(self, services: Services, *, source: str | None, show_summary: bool = True):
        super().__init__()
        self.services = services
        self.source = source
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

    def status(self, state: str) -> None:
        self.query_one(StatusLine).state = state

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
        self.view.loading = True
        self.status(f"Loading {sanitize_line(source)} …")
        self._read(self._token, source)

    @work(thread=True, exclusive=True, group="load")
    def _read(self, token: int, source: str) -> None:
        try:
            reading = self.services.loader(source)
        except LireError as error:
            self.post_message(LoadFailed(token, source, str(error)))
        except NotImplementedError as error:  # a pipeline stage not built yet: say so, go on
            self.post_message(LoadFailed(token, source, f"cannot read yet: {error or 'todo'}"))
        else:
            self.post_message(ReadingLoaded(token, source, reading))

    def cancel_load(self) -> bool:
        """Forget the load in flight; ``True`` if there was one."""
        if not self.view.loading:
            return False
        self._token += 1
        self.workers.cancel_group(self, "load")
        self.view.loading = False
        self.status("Cancelled")
        return True

    @on(ReadingLoaded)
    def _loaded(self, message: ReadingLoaded) -> None:
        if message.token != self._token:
            return
        self.view.loading = False
        self.view.focus()  # the loading indicator took the focus away
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
        self.view.loading = False
        self.view.focus()
        if self.visit is None:
            self.view.show_note(
                "Nothing to read. Press : to open a URL or file, H for the history."
            )
        self.status("Could not read the article" if self.visit is None else "")
        self.notify(sanitize_line(message.error), severity="error", markup=False, timeout=8)

    def present(self, visit: Visit) -> None:
        """Show a visit: article, summary, position, and record it in the history."""
        article = visit.article
        self.view.show(article, palette_for(self.app.current_theme), top_block=visit.top_block)
        self.query_one(SummaryPane).show_visit(visit)
        self.clear_search()
        self.app.title = sanitize_line(article.title or visit.source)
        self.status("" if article.blocks else "This article is empty")
        self.remember_position()

    def remember_position(self) -> None:
        visit, history = self.visit, self.services.history
        if visit is not None and history is not None and visit.source != "-":  # stdin: no
            article = visit.reading.article
            history.record(
                visit.source,
                title=article.title,
                site=article.site,
                url=article.url,
                position=visit.top_block,
            )

    # -- actions -----------------------------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(help_rows()))

    def action_toggle_summary(self) -> None:
        self.show_summary = not self.show_summary
        if not self.show_summary:
            self.view.focus()

    def action_switch_pane(self) -> None:
        summary = self.query_one(SummaryPane)
        (self.view if summary.has_focus or not self.show_summary else summary).focus()

    def action_search(self) -> None:
        prompt = PromptScreen("Search", placeholder="words to find")
        self.app.push_screen(prompt, lambda query: commands.search_for(self, query or ""))

    def action_step_match(self, step: int) -> None:
        if self.search.current is not None:
            self.search = self.search.step(step)
            commands.show_match(self)

    def action_removed(self) -> None:
        commands.show_removed(self)

    def action_links(self) -> None:
        commands.show_links(self)

    def action_open(self) -> None:
        commands.open_article(self)

    def action_open_url(self) -> None:
        commands.ask_source(self)

    def action_history(self) -> None:
        commands.show_history(self)

    def action_walk(self, step: int) -> None:
        """Go back (-1) or forward (1) on the trail."""
        if not self.trail.can_go(step):
            self.status("Nothing " + ("back" if step < 0 else "forward"))
            return
        self.remember_position()
        visit = self.trail.go(step)
        assert visit is not None
        self.present(visit)

    def action_reload(self) -> None:
        if (visit := self.visit) is not None:
            self.load(visit.source, push=False)

    def action_cancel(self) -> None:
        if not self.cancel_load() and self.search.current is not None:
            self.clear_search()
            self.status("")

    def action_copy(self) -> None:
        commands.copy_paragraph(self)

    def action_export(self) -> None:
        commands.ask_export(self)

    # -- events ------------------------------------------------------------------------------

    @on(ArticleScrolled)
    def _scrolled(self, message: ArticleScrolled) -> None:
        status = next(iter(self.query(StatusLine)), None)
        if status is None:  # closing: the article view reported after the status line went
            return
        status.percent = message.percent
        status.minutes_left = message.minutes_left
        if self.visit is not None and not self.view.loading:
            self.visit.top_block = message.top_block

    @on(Said)
    def _said(self, message: Said) -> None:
        self.status(message.text)

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
