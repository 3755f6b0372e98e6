"""The terminal app (Textual). Only this package imports Textual; the core never imports it.

``run_app`` is what the CLI calls when stdout is a terminal; ``create_app`` builds the same app
for the tests and benchmarks, with the loader (``str -> Reading``) passed in.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import platformdirs

from lire.config import Config
from lire.history import History
from lire.model import Page, Reading
from lire.pipeline import read, read_page
from lire.ui.app import LireApp
from lire.ui.base import KeepStore, Loader, Opener

__all__ = ["LireApp", "create_app", "run_app"]


def create_app(
    *,
    source: str | None,
    config: Config | None = None,
    loader: Loader | None = None,
    history: History | None = None,
    learn: KeepStore | None = None,
    sample: str | None = None,
    opener: Opener | None = None,
) -> LireApp:
    """The app, reading ``source`` with ``loader`` (default: ``lire.read`` with ``config``)."""
    config = config or Config()

    def read_source(location: str) -> Reading:
        return read(location, config=config)

    return LireApp(
        source=source,
        loader=loader or read_source,
        theme=config.app.theme,
        show_summary=config.app.show_summary,
        history=history,
        learn=learn,
        sample=sample,
        opener=opener,
    )


def run_app(*, source: str | None, config: Config, page: Page | None = None) -> int:
    """Run the reader in the terminal; ``page`` is stdin already read by the CLI."""
    data = Path(platformdirs.user_data_dir("lire", appauthor=False))
    history = History(data / "history.sqlite3")
    learn = _learn_store(data / "learn.sqlite3") if config.clean.learn else None
    loader: Loader | None = None
    if page is not None:
        stdin_page = page

        def loader(location: str) -> Reading:
            return read_page(stdin_page, config=config)

        source = source or page.location
    app = create_app(source=source, config=config, loader=loader, history=history, learn=learn)
    try:
        return app.run() or 0
    finally:
        history.close()


def _learn_store(path: Path) -> KeepStore | None:
    """``lire.learn.LearnStore`` when that module is there (it is built alongside the app)."""
    try:
        learn = importlib.import_module("lire.learn")
    except ImportError:
        return None
    store: KeepStore = learn.LearnStore(path)
    return store
