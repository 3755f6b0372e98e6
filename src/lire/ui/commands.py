"""What the reader screen's keys do beyond moving: search, the removed view and restoring,
links and the browser, opening a source, the history, copying a paragraph, exporting.

Plain functions over the reader screen's values, called by its actions; the screen stays the
one owner of the trail, the search and the status line.
"""

from __future__ import annotations

import webbrowser
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from lire.model import site_key
from lire.render import export_markdown, quote_markdown, suggested_name
from lire.sanitize import sanitize_line
from lire.ui.dialogs import ConfirmScreen, PromptScreen
from lire.ui.lists import HistoryScreen, LinkChoice, LinksScreen, RemovedScreen
from lire.ui.search import Search

if TYPE_CHECKING:
    from lire.ui.screen import ReaderScreen

__all__ = [
    "ask_export",
    "ask_source",
    "confirm_open",
    "copy_paragraph",
    "is_web",
    "open_article",
    "search_for",
    "show_history",
    "show_links",
    "show_match",
    "show_removed",
]


def is_web(url: str) -> bool:
    """Whether ``url`` is an http(s) address (the only kind lire opens or follows)."""
    try:
        return urlsplit(url).scheme in ("http", "https")
    except ValueError:
        return False


def search_for(reader: ReaderScreen, query: str) -> None:
    """Search the article shown for ``query`` from the block at the top of the view."""
    view = reader.view
    reader.search = Search.run(view.article.blocks, query, from_block=view.top_block)
    if reader.search.current is None:
        view.set_matches((), None)
        reader.status(f"Not found: {sanitize_line(query)}" if query else "")
    else:
        show_match(reader)


def show_match(reader: ReaderScreen) -> None:
    """Mark the search's hits, scroll to the current one and say which it is."""
    view, search, match = reader.view, reader.search, reader.search.current
    assert match is not None
    hits = [(m.block, (m.start, m.end)) for m in search.matches]
    view.set_matches(hits, (match.block, (match.start, match.end)))
    view.scroll_to(y=max(0, view.block_line(match.block) - 2), animate=False)
    reader.status(search.describe())


def show_removed(reader: ReaderScreen) -> None:
    """List what the cleaner removed; the one chosen is restored."""
    if (visit := reader.visit) is not None:
        screen = RemovedScreen(visit.reading.article.removed, set(visit.restored))
        reader.app.push_screen(screen, lambda number: _restore(reader, number))


def _restore(reader: ReaderScreen, number: int | None) -> None:
    """Put removal ``number`` back into the article shown, and keep it for the site."""
    visit = reader.visit
    if visit is None or number is None:
        return
    visit.top_block = reader.view.top_block
    visit.restored = visit.restored | {number}
    article = visit.reading.article
    removal = article.removed[number]
    site = site_key(article.url, site=article.site)
    learn = reader.services.learn
    if learn is not None and site:
        learn.keep(site, removal.text)
    reader.present(visit)
    reader.status(f"Restored: {sanitize_line(removal.rule)}")


def show_links(reader: ReaderScreen) -> None:
    """List the article's links; the one chosen is followed or opened."""
    links = [link for block in reader.view.article.blocks for link in block.links]
    reader.app.push_screen(LinksScreen(links), lambda choice: _choose_link(reader, choice))


def _choose_link(reader: ReaderScreen, choice: LinkChoice | None) -> None:
    """Follow the chosen link in lire, or open it in the browser (http and https only)."""
    if choice is None:
        return
    what, link = choice
    if not is_web(link.url):
        reader.notify(
            f"not followed (only http and https): {sanitize_line(link.url)}",
            severity="warning",
            markup=False,
        )
    elif what == "follow":
        reader.load(link.url)
    else:
        confirm_open(reader, link.url)


def open_article(reader: ReaderScreen) -> None:
    """Offer to open the article's address in the browser."""
    url = reader.visit.reading.article.url if reader.visit is not None else None
    if url is None or not is_web(url):
        reader.notify("this article has no web address to open", severity="warning", markup=False)
    else:
        confirm_open(reader, url)


def confirm_open(reader: ReaderScreen, url: str) -> None:
    """Show ``url`` and open it in the browser once the reader says yes."""

    def answered(yes: bool | None) -> None:
        if yes:
            (reader.services.opener or webbrowser.open)(url)
            reader.status(f"Opened {sanitize_line(url)}")

    reader.app.push_screen(ConfirmScreen("Open in the browser?", sanitize_line(url)), answered)


def ask_source(reader: ReaderScreen) -> None:
    """Ask for a URL or a file to read."""
    prompt = PromptScreen("Open a URL or file", placeholder="https://…")
    reader.app.push_screen(prompt, lambda source: reader.load(source) if source else None)


def show_history(reader: ReaderScreen) -> None:
    """List what was read; the one chosen is read again (``:`` asks for a source)."""
    history, sample = reader.services.history, reader.services.sample
    screen = HistoryScreen(history.recent() if history is not None else [], sample=sample)

    def chosen(location: str | None) -> None:
        if location == ":":
            ask_source(reader)
        elif location is not None:
            reader.load(location)

    reader.app.push_screen(screen, chosen)


def copy_paragraph(reader: ReaderScreen) -> None:
    """Copy the current paragraph (the current match's, else the one at the top) as a quote."""
    view = reader.view
    if reader.visit is None or not view.article.blocks:
        return
    match = reader.search.current
    block = view.article.blocks[match.block if match is not None else view.top_block]
    reader.app.copy_to_clipboard(quote_markdown(block.text, view.article))
    reader.status("Copied the paragraph as a Markdown quote")


def ask_export(reader: ReaderScreen) -> None:
    """Ask where to export the article shown as Markdown."""
    if (visit := reader.visit) is not None:
        prompt = PromptScreen("Export Markdown to", value=suggested_name(visit.reading.article))
        reader.app.push_screen(prompt, lambda name: _export_to(reader, name))


def _export_to(reader: ReaderScreen, name: str | None) -> None:
    """Write the article shown as Markdown to the file ``name``."""
    visit = reader.visit
    if visit is None or name is None:
        return
    try:
        shown = replace(visit.reading, article=visit.article)
        path = export_markdown(shown, Path(name).expanduser())
    except OSError as error:
        reader.notify(f"cannot write {name}: {error.strerror}", severity="error", markup=False)
    else:
        reader.status(f"Saved {path}")
