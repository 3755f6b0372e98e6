"""The reader screen's key bindings, and how a binding's keys are written for the user.

The keys that move in the article (lines, pages, ends, headings) are the article view's own
(``ArticleView.BINDINGS``); help and the command palette list both.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

__all__ = ["NEEDS_ARTICLE", "READER_KEYS", "key_names"]

READER_KEYS: list[BindingType] = [
    Binding("q", "app.quit", "Quit"),
    Binding("question_mark", "help", "Help", key_display="?"),
    Binding("s", "toggle_summary", "Summary"),
    Binding("tab", "switch_pane", "Switch pane", show=False),
    Binding("slash", "search", "Search", key_display="/"),
    Binding("n", "step_match(1)", "Next match", show=False),
    Binding("N", "step_match(-1)", "Previous match", show=False),
    Binding("x", "removed", "Removed"),
    Binding("l", "links", "Links"),
    Binding("number_sign", "number_links", "Link numbers", show=False, key_display="#"),
    Binding("c", "reading(1)", "Next reading of the page", show=False),
    Binding("C", "reading(-1)", "Previous reading of the page", show=False),
    Binding("o", "open", "Browser", show=False),
    Binding("h,backspace", "walk(-1)", "Back", show=False),
    Binding("L", "walk(1)", "Forward", show=False),
    Binding("colon,ctrl+l", "open_url", "Open URL", key_display=":"),
    Binding("r", "reload", "Reload", show=False),
    Binding("y", "copy", "Copy paragraph", show=False),
    Binding("e", "export", "Export Markdown", show=False),
    Binding("vertical_line", "pipe", "Pipe to a command", show=False, key_display="|"),
    Binding("H", "history", "History", show=False),
    Binding("escape", "cancel", "Cancel load or search", show=False, key_display="esc"),
]

# the actions that act on the article shown: disabled (dim in the key bar) without one
NEEDS_ARTICLE = {
    "search", "step_match", "removed", "links", "open", "copy", "export",
    "reload", "number_links", "reading", "pipe",
}  # fmt: skip

_KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "slash": "/",
    "colon": ":",
    "escape": "esc",
    "number_sign": "#",
    "vertical_line": "|",
    "less_than_sign": "<",
    "greater_than_sign": ">",
}


def key_names(keys: str) -> str:
    """``"colon,ctrl+l"`` as the user types it: ``": ctrl+l"``."""
    return " ".join(_KEY_NAMES.get(key, key) for key in keys.split(","))


def help_rows() -> list[tuple[str, str]]:
    """Every key the reader answers, as the user types it, and what it does."""
    from lire.ui.app import APP_KEYS  # the app's keys: theme, width
    from lire.ui.article import ArticleView  # the view's keys: moving in the article

    rows = [
        (key_names(binding.key), binding.description)
        for binding in [*READER_KEYS[:2], *ArticleView.BINDINGS, *READER_KEYS[2:], *APP_KEYS]
        if isinstance(binding, Binding)
    ]
    rows.append(("enter", "In the summary: jump to the point's paragraph"))
    rows.append(("ctrl+p", "Command palette: every action"))
    return rows
