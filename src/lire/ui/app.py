"""LireApp: the application shell. It owns the preferences (theme, reading width: the config's
defaults, then what the reader chose, kept in the state dir) and hands its services to the
reader screen, which owns everything else; the command palette lists the reader's actions."""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from lire.ui.article import ArticleView
from lire.ui.crash import crash_report
from lire.ui.messages import ArticleLaidOut
from lire.ui.prefs import Prefs, clamp_width, load_prefs, save_prefs
from lire.ui.screen import ReaderScreen
from lire.ui.services import Services
from lire.ui.typeahead import Dialog

__all__ = ["APP_KEYS", "LireApp"]

_WIDTH_STEP = 10
_TYPED_AHEAD = 64  # keys read remembered, with the screen each was sent to

APP_KEYS: list[BindingType] = [
    Binding("t", "toggle_theme", "Dark or light theme", show=False),
    Binding("less_than_sign", "width(-1)", "Narrower column", show=False, key_display="<"),
    Binding("greater_than_sign", "width(1)", "Wider column", show=False, key_display=">"),
]


class LireApp(App[int]):
    """The reader. Build it with ``lire.ui.create_app``."""

    CSS_PATH = "app.tcss"
    TITLE = "lire"
    BINDINGS: ClassVar[list[BindingType]] = APP_KEYS

    def __init__(
        self,
        services: Services,
        *,
        source: str | None,
        theme: str = "textual-dark",
        width: int = 80,
        show_summary: bool = True,
        prefs_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.source = source
        self.show_summary = show_summary
        self.prefs_path = prefs_path  # None: choices are not kept
        self.prefs = load_prefs(prefs_path) if prefs_path is not None else Prefs()
        self._wanted_theme = self.prefs.theme or theme
        self._choosing = False
        self._sent_to: list[tuple[events.Key, Screen[object]]] = []  # the last keys read
        self.freeze_garbage = False  # gc.freeze() once an article is laid out (the real app)
        self.width = self.prefs.width if self.prefs.width is not None else clamp_width(width)

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen (the app's default screen)."""
        screen = self.screen_stack[0] if self.screen_stack else None
        assert isinstance(screen, ReaderScreen)
        return screen

    def get_default_screen(self) -> ReaderScreen:
        return ReaderScreen(
            self.services, source=self.source, show_summary=self.show_summary, width=self.width
        )

    def on_mount(self) -> None:
        if self._wanted_theme in self.available_themes:
            self.theme = self._wanted_theme
        else:
            self.notify(f"unknown theme {self._wanted_theme!r}", severity="warning", markup=False)
        self._choosing = True  # from now on a theme set is the reader's choice

    async def on_event(self, event: events.Event) -> None:
        """Keys typed ahead of a dialog go to the dialog: a key sent to one screen that comes
        back to the app (unhandled) once a dialog has opened over that screen was typed for
        the dialog, in the same read from the terminal as the key that opened it."""
        if isinstance(event, events.Key):
            if not event.is_forwarded:  # from the terminal: note the screen it is sent to
                self._sent_to.append((event, self.screen))
                del self._sent_to[:-_TYPED_AHEAD]
                if isinstance(dialog := self.screen, Dialog) and dialog.collecting(event):
                    dialog.take(event)  # behind the keys typed ahead of the dialog
                    return
            elif isinstance(dialog := self.screen, Dialog):
                sent = next((s for e, s in self._sent_to if e is event), dialog)
                if sent is not dialog:
                    dialog.take(event)
                    return
        await super().on_event(event)

    def on_article_laid_out(self, _message: ArticleLaidOut) -> None:
        """An article is laid out: what lives as long as it is read (its lines, the app's
        widgets, the modules) need not be walked by Python's garbage collector again. Its full
        collections paused the app for 50-250 ms on a 100,000-word article; ``freeze_garbage``
        (set by ``run_app``: tests build many apps in one process) freezes what is there."""
        if self.freeze_garbage:
            gc.freeze()

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme (the choice is kept)."""
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_width(self, step: int) -> None:
        """Narrow (-1) or widen (1) the reading column, and keep the choice."""
        width = self.width or self.reader.view.size.width
        self.width = clamp_width(width + step * _WIDTH_STEP)
        self.reader.view.set_column(self.width)
        self.reader.status(f"Reading width: {self.width} columns", expire=True)
        self._keep(replace(self.prefs, width=self.width))

    def watch_theme(self, theme: str) -> None:
        if self._choosing and theme != self.prefs.theme:  # a key, or the palette's picker
            self._keep(replace(self.prefs, theme=theme))

    def _keep(self, prefs: Prefs) -> None:
        self.prefs = prefs
        if self.prefs_path is not None:
            save_prefs(self.prefs_path, prefs)

    def _handle_exception(self, error: Exception) -> None:
        """A bug: exit with 1 and a report that names where, never page text or locals.

        (Textual's own report is a traceback with locals, and its exception messages can quote
        the page.) Overrides a private hook of ``App``, the one every crash goes through.
        """
        self._return_code = 1
        if self._exception is None:  # as App does: run_test re-raises it in the tests
            self._exception = error
            self._exception_event.set()
        self.panic(Text(crash_report(error)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReaderScreen):
            return
        owners: list[tuple[DOMNode, list[BindingType]]] = [
            (self, APP_KEYS),
            (screen, screen.BINDINGS),
            (screen.view, ArticleView.BINDINGS),
        ]
        for owner, bindings in owners:
            for binding in bindings:
                if isinstance(binding, Binding) and binding.action != "app.quit":
                    key = binding.key_display or binding.key
                    yield SystemCommand(
                        binding.description, f"key: {key}", _runner(self, owner, binding.action)
                    )


def _runner(app: LireApp, owner: DOMNode, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await app.run_action(action, owner)

    return run
