"""LireApp: the application shell. It owns the theme and hands its services to the reader
screen, which owns everything else; the command palette lists the reader's actions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from lire.ui.article import ArticleView
from lire.ui.screen import ReaderScreen
from lire.ui.services import Services

__all__ = ["LireApp"]


class LireApp(App[int]):
    """The reader. Build it with ``lire.ui.create_app``."""

    CSS_PATH = "app.tcss"
    TITLE = "lire"

    def __init__(
        self,
        services: Services,
        *,
        source: str | None,
        theme: str = "textual-dark",
        show_summary: bool = True,
    ) -> None:
        super().__init__()
        self.services = services
        self.source = source
        self.show_summary = show_summary
        self._wanted_theme = theme

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen (the app's default screen)."""
        screen = self.screen_stack[0] if self.screen_stack else None
        assert isinstance(screen, ReaderScreen)
        return screen

    def get_default_screen(self) -> ReaderScreen:
        return ReaderScreen(self.services, source=self.source, show_summary=self.show_summary)

    def on_mount(self) -> None:
        if self._wanted_theme in self.available_themes:
            self.theme = self._wanted_theme
        else:
            self.notify(f"unknown theme {self._wanted_theme!r}", severity="warning", markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReaderScreen):
            return
        owners: list[tuple[DOMNode, list[Binding]]] = [
            (screen, [b for b in screen.BINDINGS if isinstance(b, Binding)]),
            (screen.view, [b for b in ArticleView.BINDINGS if isinstance(b, Binding)]),
        ]
        for owner, bindings in owners:
            for binding in bindings:
                if binding.action != "app.quit":
                    key = binding.key_display or binding.key
                    yield SystemCommand(
                        binding.description, f"key: {key}", _runner(self, owner, binding.action)
                    )


def _runner(app: LireApp, owner: DOMNode, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await app.run_action(action, owner)

    return run
