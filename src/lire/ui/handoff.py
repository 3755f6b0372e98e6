"""Handing the article on: open it (or a link) in the browser, copy a paragraph with its
citation, export it as Markdown, pipe it to a command.

Only the address lire read is opened or cited, and only when it is http(s); a page's title
goes into a citation escaped, so it cannot forge a Markdown link. A terminal browser or a
pager runs with the app suspended, and the app comes back after.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from textual.app import SuspendNotSupported

from lire.markdown import escape_inline
from lire.model import Article, BlockKind
from lire.render import render_markdown, suggested_name
from lire.sanitize import sanitize, sanitize_line
from lire.ui.dialogs import ConfirmScreen, PromptScreen

if TYPE_CHECKING:
    from lire.ui.screen import ReaderScreen

__all__ = ["ask_export", "ask_pipe", "cite", "confirm_open", "copy_paragraph", "is_web"]

TERMINAL_BROWSERS = {"w3m", "lynx", "links", "elinks", "browsh", "carbonyl", "www-browser"}


def is_web(url: str | None) -> bool:
    """Whether ``url`` is an http(s) address (the only kind lire opens, follows or cites)."""
    try:
        return url is not None and urlsplit(url).scheme in ("http", "https")
    except ValueError:
        return False


def cite(text: str, article: Article) -> str:
    """``text`` as a Markdown quote, then its source: the title and site, linked to the address
    lire read when that is http(s); page text escaped so it stays text."""
    lines = sanitize(text).strip().splitlines() or [""]
    quote = "\n".join(f"> {escape_inline(line)}".rstrip() for line in lines)
    source = [sanitize_line(part) for part in (article.title, article.site) if part]
    credit = escape_inline(", ".join(source) or "Untitled")
    if is_web(article.url):
        assert article.url is not None
        target = sanitize_line(article.url).replace(">", "%3E").replace(" ", "%20")
        credit = f"[{credit}](<{target}>)"
    return f"{quote}\n\n— {credit}\n"


def copy_paragraph(reader: ReaderScreen) -> None:
    """Copy the first paragraph in view (not a heading) with its citation, over OSC 52."""
    view = reader.view
    blocks = view.article.blocks
    if reader.visit is None or not blocks:
        return
    top, first = round(view.scroll_y), view.top_block
    starts_in_view = [i for i in range(first, len(blocks)) if view.block_line(i) >= top]
    candidates = [first, *starts_in_view] if view.block_line(first) >= top else starts_in_view
    chosen = next((i for i in candidates if blocks[i].kind is not BlockKind.HEADING), first)
    reader.app.copy_to_clipboard(cite(blocks[chosen].text, view.article))
    reader.status("Copied the paragraph and its source (sent over OSC 52)", expire=True)


def confirm_open(reader: ReaderScreen, url: str) -> None:
    """Show ``url`` and open it in the browser once the reader says yes."""

    def answered(yes: bool | None) -> None:
        if yes:
            with _suspended(reader, terminal=_terminal_browser()):
                (reader.services.opener or webbrowser.open)(url)
            reader.status(f"Opened {sanitize_line(url)}", expire=True)

    reader.app.push_screen(ConfirmScreen("Open in the browser?", sanitize_line(url)), answered)


def ask_export(reader: ReaderScreen) -> None:
    """Ask where to export the article shown (a full path), then write it there."""
    if (visit := reader.visit) is not None:
        name = str(Path.cwd() / suggested_name(visit.reading.article))
        prompt = PromptScreen("Export Markdown to", value=name)
        reader.app.push_screen(prompt, lambda path: _export(reader, path, overwrite=False))


def _export(reader: ReaderScreen, name: str | None, *, overwrite: bool) -> None:
    visit = reader.visit
    if visit is None or not name:
        return
    path = Path(os.path.expandvars(name)).expanduser().absolute()
    markdown = render_markdown(replace(visit.reading, article=visit.article))
    try:
        with path.open("w" if overwrite else "x", encoding="utf-8") as file:
            file.write(markdown)
    except FileExistsError:
        ask = ConfirmScreen("Replace the file that is there?", str(path))
        reader.app.push_screen(
            ask, lambda yes: _export(reader, name, overwrite=True) if yes else None
        )
    except OSError as error:
        reader.notify(f"cannot write {path}: {error.strerror}", severity="error", markup=False)
    else:
        reader.status(f"Saved {path}", expire=True)


def ask_pipe(reader: ReaderScreen, run: Callable[[list[str], str], object] | None = None) -> None:
    """Ask for a command (default ``$PAGER``) and pipe the clean article to it as Markdown."""
    if (visit := reader.visit) is None:
        return
    default = os.environ.get("PAGER") or "less"
    markdown = render_markdown(replace(visit.reading, article=visit.article))

    def chosen(command: str | None) -> None:
        if not command:
            return
        try:
            argv = shlex.split(command)
        except ValueError as error:
            reader.notify(f"cannot run that: {error}", severity="error", markup=False)
            return
        with _suspended(reader, terminal=True):
            try:
                subprocess.run(argv, input=markdown, text=True, check=False)
            except OSError as error:
                reader.notify(
                    f"cannot run {argv[0]}: {error.strerror}", severity="error", markup=False
                )

    reader.app.push_screen(PromptScreen("Pipe the article to", value=default), chosen)


@contextmanager
def _suspended(reader: ReaderScreen, *, terminal: bool) -> Iterator[None]:
    """Give the terminal to a program that draws in it, and take it back after."""
    if not terminal:
        yield
        return
    try:
        with reader.app.suspend():
            yield
    except SuspendNotSupported:  # headless (tests) or a terminal that cannot hand over
        yield


def _terminal_browser() -> bool:
    """Whether the browser runs in this terminal: ``$BROWSER`` names one, or no display."""
    browser = os.environ.get("BROWSER", "").split(":")[0].split()
    if browser and Path(browser[0]).name in TERMINAL_BROWSERS:
        return True
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
