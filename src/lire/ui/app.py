"""LireApp: the application shell. It owns the preferences (theme, reading width: the config's
defaults, then what the reader chose, kept in the state dir) and hands its services to the
reader screen, which owns everything else; the command palette lists the reader's actions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from lire.ui.article import ArticleView
from lire.ui.crash import crash_report
from lire.ui.prefs import Prefs, clamp_width, load_prefs, save_prefs
from lire.ui.screen import ReaderScreen
from lire.ui.services import Services

__all__ = ["APP_KEYS", "LireApp"]

_WIDTH_STEP = 10

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
