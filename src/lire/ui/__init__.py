"""The terminal app (Textual). Only this package imports Textual; the core never imports it.

``run_app`` is what the CLI calls when stdout is a terminal; ``create_app`` builds the same app
for the tests and benchmarks, with the loader (``str -> Reading``) passed in.

The pipeline (lxml, readability, httpx, the cleaner) is imported by the loader, in the worker
thread, so the app shell and its loading state are painted before that import starts.
"""

from __future__ import annotations

from lire.config import Config, default_data_dir
from lire.history import History
from lire.model import Page, Reading
from lire.ui.app import LireApp
from lire.ui.base import KeepStore, Loader, Opener

__all__ = ["LireApp", "create_app", "pipeline_loader", "run_app"]


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
    """The app, reading ``source`` with ``loader`` (default: the pipeline with ``config``).

    ``history`` remembers what was read and where (None: nothing is remembered); ``learn``
    keeps the removals the user restores, per site; ``sample`` is offered when there is no
    source; ``opener`` opens a URL in the browser (default ``webbrowser.open``).
    """
    config = config or Config()
    return LireApp(
        source=source,
        loader=loader or pipeline_loader(config),
        theme=config.app.theme,
        show_summary=config.app.show_summary,
        history=history,
        learn=learn,
        sample=sample,
        opener=opener,
        llm=config.llm if config.summary.summarizer == "llm" else None,
        points=config.summary.points,
    )


def pipeline_loader(config: Config, page: Page | None = None) -> Loader:
    """Read a location with the real pipeline; ``page`` (stdin, already read) stands for its own
    location. Runs in the worker thread, so the learning store is opened there for each read
    (an SQLite connection stays in the thread that made it)."""

    def load(location: str) -> Reading:
        from lire.pipeline import open_learn_store, read, read_page  # heavy: off the main thread

        store = open_learn_store(config)
        try:
            if page is not None and location == page.location:
                return read_page(page, config=config, store=store)
            return read(location, config=config, store=store)
        finally:
            if store is not None:
                store.close()

    return load


def run_app(
    *, source: str | None, config: Config, page: Page | None = None, sample: str | None = None
) -> int:
    """Run the reader in the terminal; ``page`` is stdin already read by the CLI."""
    from lire.pipeline import open_learn_store  # the CLI has imported the pipeline already

    history = History(default_data_dir() / "history.sqlite3")
    learn = open_learn_store(config)
    if page is not None and source is None:
        source = page.location
    app = create_app(
        source=source,
        config=config,
        loader=pipeline_loader(config, page),
        history=history,
        learn=learn,
        sample=sample,
    )
    try:
        return app.run() or 0
    finally:
        history.close()
        if learn is not None:
            learn.close()
