"""LireApp: the reader's keys, moving, searching and help.

Layout and loading are in base.py; the other actions in commands.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import ClassVar

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from lire.sanitize import sanitize_line
from lire.ui.commands import ReaderCommands
from lire.ui.dialogs import HelpScreen, PromptScreen
from lire.ui.document import find_matches

__all__ = ["LireApp"]

_NEEDS_ARTICLE = {
    "search", "next_match", "previous_match", "next_heading", "previous_heading", "removed",
    "links", "open", "copy", "export", "reload",
}  # fmt: skip


class LireApp(ReaderCommands):
    """The reader. Build it with ``lire.ui.create_app``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("j,down", "scroll_lines(1)", "Line down", show=False),
        Binding("k,up", "scroll_lines(-1)", "Line up", show=False),
        Binding("space,pagedown", "scroll_pages(1)", "Page down", show=False),
        Binding("b,pageup", "scroll_pages(-1)", "Page up", show=False),
        Binding("d", "scroll_half(1)", "Half page down", show=False),
        Binding("u", "scroll_half(-1)", "Half page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding(
            "right_square_bracket", "next_heading", "Next heading", show=False, key_display="]"
        ),
        Binding(
            "left_square_bracket",
            "previous_heading",
            "Previous heading",
            show=False,
            key_display="[",
        ),
        Binding("s", "toggle_summary", "Summary"),
        Binding("tab", "switch_pane", "Switch pane", show=False),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("n", "next_match", "Next match", show=False),
        Binding("N", "previous_match", "Previous match", show=False),
        Binding("x", "removed", "Removed"),
        Binding("l", "links", "Links"),
        Binding("o", "open", "Browser", show=False),
        Binding("h,backspace", "go_back", "Back", show=False),
        Binding("L", "go_forward", "Forward", show=False),
        Binding("colon,ctrl+l", "open_url", "Open URL", key_display=":"),
        Binding("r", "reload", "Reload", show=False),
        Binding("y", "copy", "Copy paragraph", show=False),
        Binding("e", "export", "Export Markdown", show=False),
        Binding("H", "history", "History", show=False),
        Binding("escape", "cancel", "Cancel load or search", show=False, key_display="esc"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _NEEDS_ARTICLE and self.visit is None:
            return None
        return True

    # -- moving ------------------------------------------------------------------------------

    def action_scroll_lines(self, lines: int) -> None:
        self._view().scroll_relative(y=lines, animate=False)

    def action_scroll_pages(self, pages: int) -> None:
        view = self._view()
        view.scroll_relative(
            y=pages * max(1, view.scrollable_content_region.height - 1), animate=False
        )

    def action_scroll_half(self, halves: int) -> None:
        view = self._view()
        view.scroll_relative(
            y=halves * max(1, view.scrollable_content_region.height // 2), animate=False
        )

    def action_top(self) -> None:
        self._view().scroll_home(animate=False)

    def action_bottom(self) -> None:
        self._view().scroll_to_end()

    def action_next_heading(self) -> None:
        self._heading(1)

    def action_previous_heading(self) -> None:
        self._heading(-1)

    def _heading(self, step: int) -> None:
        view = self._view()
        top = round(view.scroll_y)
        lines = [
            view.block_line(i) for i, b in enumerate(view.article.blocks) if b.kind == "heading"
        ]
        ahead = [y for y in lines if y > top] if step > 0 else [y for y in lines if y < top]
        if not ahead:
            self.status("No heading " + ("below" if step > 0 else "above"))
            return
        view.scroll_to(y=ahead[0] if step > 0 else ahead[-1], animate=False)

    def action_toggle_summary(self) -> None:
        self.show_summary = not self.show_summary
        if not self.show_summary:
            self._view().focus()

    def action_switch_pane(self) -> None:
        summary = self.query_one("#summary")
        target = self._view() if summary.has_focus or not self.show_summary else summary
        target.focus()

    # -- search ------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.push_screen(PromptScreen("Search", placeholder="words to find"), self._searched)

    def _searched(self, query: str | None) -> None:
        view = self._view()
        self.matches = find_matches(view.article.blocks, query or "")
        if not self.matches:
            self.match_at = -1
            view.set_matches((), None)
            self.status(f"Not found: {sanitize_line(query or '')}" if query else "")
            return
        top = view.top_block
        self.match_at = next((i for i, m in enumerate(self.matches) if m.block >= top), 0)
        self._show_match()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        if self.matches:
            self.match_at = (self.match_at + step) % len(self.matches)
            self._show_match()

    def _show_match(self) -> None:
        view, match = self._view(), self.matches[self.match_at]
        view.set_matches(self.matches, match)
        view.scroll_to(y=max(0, view.block_line(match.block) - 2), animate=False)
        self.status(f"Match {self.match_at + 1}/{len(self.matches)}")

    # -- help, palette ---------------------------------------------------------------------

    def action_help(self) -> None:
        keys = [
            (_key_names(binding.key), binding.description)
            for binding in self.BINDINGS
            if isinstance(binding, Binding)
        ]
        keys.append(("enter", "In the summary: jump to the point's paragraph"))
        keys.append(("ctrl+p", "Command palette: every action"))
        self.push_screen(HelpScreen(keys))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.action != "quit":
                key = binding.key_display or binding.key
                yield SystemCommand(
                    binding.description, f"key: {key}", _runner(self, binding.action)
                )


def _runner(app: LireApp, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await app.run_action(action)

    return run


_KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "slash": "/",
    "colon": ":",
    "escape": "esc",
}


def _key_names(keys: str) -> str:
    """``"colon,ctrl+l"`` as the user types it: ``": ctrl+l"``."""
    return " ".join(_KEY_NAMES.get(key, key) for key in keys.split(","))
