"""What the reader screen's keys do beyond moving: search, the removed view and restoring,
links, opening a source, the history, the other readings of a page.

Plain functions over the reader screen's values, called by its actions; the screen stays the
one owner of the trail, the search and the status line. Handing the article on (browser,
copy, export, pipe) is in ``handoff``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from lire.model import site_key
from lire.sanitize import sanitize_line
from lire.ui.dialogs import PromptScreen
from lire.ui.handoff import confirm_open, is_web
from lire.ui.lists import HistoryScreen, LinkChoice, LinksScreen, RemovedScreen
from lire.ui.search import Search
from lire.ui.trail import Visit

if TYPE_CHECKING:
    from lire.ui.screen import ReaderScreen

__all__ = [
    "ask_search",
    "ask_source",
    "next_reading",
    "open_article",
    "remember",
    "removed_summary",
    "search_for",
    "show_history",
    "show_links",
    "show_match",
    "show_removed",
    "source_of",
    "walk",
]

_FILE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".md", ".markdown"}
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)+(:\d+)?(/\S*)?$")


def remember(reader: ReaderScreen) -> None:
    """Record the visit shown in the history: what it is and the block the reader is at."""
    visit, history = reader.visit, reader.services.history
    if visit is not None and history is not None and visit.source != "-":  # stdin: no
        article = visit.reading.article
        history.record(
            visit.source,
            title=article.title,
            site=article.site,
            url=article.url,
            position=visit.top_block,
        )


def walk(reader: ReaderScreen, step: int) -> None:
    """Go back (-1) or forward (1) on the trail."""
    if not reader.trail.can_go(step):
        reader.status("Nothing " + ("back" if step < 0 else "forward"), expire=True)
        return
    remember(reader)
    visit = reader.trail.go(step)
    assert visit is not None
    reader.present(visit)


def search_for(reader: ReaderScreen, query: str) -> None:
    """Search the article shown (title included) for ``query`` from the top of the view."""
    view = reader.view
    blocks = view.article.blocks
    reader.search = Search.run(blocks, query, from_block=view.top_block, title=view.article.title)
    if reader.search.current is None:
        view.set_matches((), None)
        reader.status(f"Not found: {sanitize_line(query)}" if query else "", expire=True)
    else:
        show_match(reader)


def ask_search(reader: ReaderScreen) -> None:
    """Ask for a query, the last one offered again."""
    prompt = PromptScreen("Search", value=reader.search.query, placeholder="words to find")
    reader.app.push_screen(prompt, lambda query: search_for(reader, query or ""))


def show_match(reader: ReaderScreen) -> None:
    """Mark the search's hits, scroll to the current one and say which it is."""
    view, search, match = reader.view, reader.search, reader.search.current
    assert match is not None
    hits = [(m.block, (m.start, m.end)) for m in search.matches if m.block >= 0]
    current = (match.block, (match.start, match.end))
    view.set_matches(hits, current if match.block >= 0 else None)
    view.scroll_to(y=0 if match.block < 0 else max(0, view.block_line(match.block) - 2))
    reader.status(search.describe())


def show_removed(reader: ReaderScreen) -> None:
    """List what the cleaner removed; the one chosen is restored, or put away again."""
    if (visit := reader.visit) is not None and visit.candidate == 0:
        screen = RemovedScreen(visit.reading.article.removed, set(visit.restored))
        reader.app.push_screen(screen, lambda number: _toggle(reader, number))


def _toggle(reader: ReaderScreen, number: int | None) -> None:
    """Put removal ``number`` back (kept for the site), or take a restored one out again."""
    visit = reader.visit
    if visit is None or number is None:
        return
    visit.top_block = reader.view.top_block
    article = visit.reading.article
    removal = article.removed[number]
    site = site_key(article.url, site=article.site)
    learn = reader.services.learn
    undo = number in visit.restored
    visit.restored = visit.restored - {number} if undo else visit.restored | {number}
    if learn is not None and site:
        (learn.forget if undo else learn.keep)(site, removal.text)
    reader.present(visit)
    what = "Removed again" if undo else "Restored"
    reader.status(f"{what}: {sanitize_line(removal.rule)}", expire=True)


def removed_summary(visit: Visit) -> str:
    """How much the cleaner removed, and how much of it site learning did, for the status."""
    removed = visit.reading.article.removed
    if not removed:
        return "nothing removed"
    learned = sum(1 for removal in removed if removal.rule.startswith("learned/"))
    text = f"{len(removed)} removed (x)"
    return f"{text}, {learned} learned on this site" if learned else text


def show_links(reader: ReaderScreen) -> None:
    """List the article's links; the one chosen is followed or opened."""
    links = [link for block in reader.view.article.blocks for link in block.links]
    reader.app.push_screen(LinksScreen(links), lambda choice: _choose_link(reader, choice))


def _choose_link(reader: ReaderScreen, choice: LinkChoice | None) -> None:
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
    """Offer to open the address lire read in the browser (never the one the page claims)."""
    url = reader.visit.reading.article.url if reader.visit is not None else None
    if not is_web(url):
        reader.notify("this article has no web address to open", severity="warning", markup=False)
    else:
        assert url is not None
        confirm_open(reader, url)


def source_of(typed: str) -> str:
    """What the reader typed as a source: ``~`` and ``$HOME`` expanded in a path, a bare
    domain (``example.org/page``) read as ``https://``."""
    typed = typed.strip()
    if "://" in typed or typed == "-":
        return typed
    path = os.path.expandvars(str(Path(typed).expanduser()))
    if Path(path).exists() or typed.startswith(("/", ".", "~", "$")):
        return path
    if Path(typed).suffix.lower() in _FILE_SUFFIXES:  # notes.txt is a file that is not there
        return path
    return f"https://{typed}" if _DOMAIN.match(typed) else path


def ask_source(reader: ReaderScreen) -> None:
    """Ask for a URL or a file to read."""
    prompt = PromptScreen("Open a URL or file", placeholder="https://… or a file (~ works)")
    reader.app.push_screen(prompt, lambda typed: reader.load(source_of(typed)) if typed else None)


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


def next_reading(reader: ReaderScreen, step: int) -> None:
    """Show the page's next (1) or previous (-1) reading: the chosen one, then its candidates."""
    visit = reader.visit
    if visit is None:
        return
    count = 1 + len(visit.reading.candidates)
    if count == 1:
        reader.status("This page has no other reading", expire=True)
        return
    visit.candidate = (visit.candidate + step) % count
    visit.top_block = 0
    reader.present(visit)
    name = (
        "the chosen one"
        if visit.candidate == 0
        else visit.reading.candidates[visit.candidate - 1].name
    )
    reader.status(f"Reading {visit.candidate + 1} of {count}: {sanitize_line(name)}", expire=True)
