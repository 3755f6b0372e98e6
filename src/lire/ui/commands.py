"""ReaderCommands: what the reader does beyond moving and searching.

The removed view and restoring, links and the browser, opening a URL, the history, the trail
(back and forward), reload, cancel, copying a paragraph and exporting the article.
"""

from __future__ import annotations

import webbrowser
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from lire.model import site_key
from lire.render import export_markdown, quote_markdown, suggested_name
from lire.sanitize import sanitize_line
from lire.ui.article import ArticleView
from lire.ui.dialogs import ConfirmScreen, PromptScreen
from lire.ui.lists import HistoryScreen, LinkChoice, LinksScreen, RemovedScreen
from lire.ui.streaming import SummaryStreaming

__all__ = ["ReaderCommands"]


class ReaderCommands(SummaryStreaming):
    """The actions that open dialogs, walk the trail or write something out."""

    def _view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def action_removed(self) -> None:
        visit = self.visit
        if visit is not None:
            screen = RemovedScreen(visit.reading.article.removed, set(visit.restored))
            self.push_screen(screen, self._restore)

    def _restore(self, number: int | None) -> None:
        visit = self.visit
        if visit is None or number is None:
            return
        visit.top_block = self._view().top_block
        visit.restored = visit.restored | {number}
        removal = visit.reading.article.removed[number]
        article = visit.reading.article
        site = site_key(article.url, site=article.site)
        if self.learn is not None and site:
            self.learn.keep(site, removal.text)
        self.present(visit)
        self.status(f"Restored: {sanitize_line(removal.rule)}")

    def action_links(self) -> None:
        links = [link for block in self._view().article.blocks for link in block.links]
        self.push_screen(LinksScreen(links), self._link_chosen)

    def _link_chosen(self, choice: LinkChoice | None) -> None:
        if choice is None:
            return
        what, link = choice
        if not _is_web(link.url):
            self.notify(
                f"not followed (only http and https): {sanitize_line(link.url)}",
                severity="warning",
                markup=False,
            )
        elif what == "follow":
            self.load(link.url)
        else:
            self._confirm_open(link.url)

    def action_open(self) -> None:
        visit = self.visit
        url = visit.reading.article.url if visit else None
        if url is None or not _is_web(url):
            self.notify("this article has no web address to open", severity="warning", markup=False)
            return
        self._confirm_open(url)

    def _confirm_open(self, url: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                (self.opener or webbrowser.open)(url)
                self.status(f"Opened {sanitize_line(url)}")

        self.push_screen(ConfirmScreen("Open in the browser?", sanitize_line(url)), answered)

    def action_open_url(self) -> None:
        prompt = PromptScreen("Open a URL or file", placeholder="https://…")
        self.push_screen(prompt, self._source_chosen)

    def _source_chosen(self, source: str | None) -> None:
        if source:
            self.load(source)

    def action_history(self) -> None:
        visits = self.history.recent() if self.history is not None else []
        self.push_screen(HistoryScreen(visits, sample=self.sample), self._history_chosen)

    def _history_chosen(self, location: str | None) -> None:
        if location == ":":
            self.action_open_url()
        elif location is not None:
            self.load(location)

    # -- trail, reload, cancel ---------------------------------------------------------------

    def action_go_back(self) -> None:
        self._walk(-1)

    def action_go_forward(self) -> None:
        self._walk(1)

    def _walk(self, step: int) -> None:
        if not 0 <= self.at + step < len(self.trail):
            self.status("Nothing " + ("back" if step < 0 else "forward"))
            return
        self.remember_position()
        self.at += step
        self.present(self.trail[self.at])

    def action_reload(self) -> None:
        visit = self.visit
        if visit is not None:
            self.load(visit.source, push=False)

    def action_cancel(self) -> None:
        if not self.cancel_load() and self.matches:
            self.clear_search()
            self.status("")

    # -- copy, export ------------------------------------------------------------------------

    def action_copy(self) -> None:
        visit = self.visit
        view = self._view()
        if visit is None or not view.article.blocks:
            return
        block = view.article.blocks[self._current_block()]
        self.copy_to_clipboard(quote_markdown(block.text, view.article))
        self.status("Copied the paragraph as a Markdown quote")

    def _current_block(self) -> int:
        if self.matches and self.match_at >= 0:
            return self.matches[self.match_at].block
        return self._view().top_block

    def action_export(self) -> None:
        visit = self.visit
        if visit is not None:
            name = suggested_name(visit.reading.article)
            self.push_screen(PromptScreen("Export Markdown to", value=name), self._export)

    def _export(self, name: str | None) -> None:
        visit = self.visit
        if visit is None or name is None:
            return
        try:
            shown = replace(visit.reading, article=self.shown_article(visit))
            path = export_markdown(shown, Path(name).expanduser())
        except OSError as error:
            self.notify(f"cannot write {name}: {error.strerror}", severity="error", markup=False)
        else:
            self.status(f"Saved {path}")


def _is_web(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")
