"""The terminal app (Textual). Only this package imports Textual; the core never imports it.

``run_app`` is what the CLI calls when stdout is a terminal; ``create_app`` builds the same app
for the tests and benchmarks, with the loader (``str -> Reading``) passed in.

The pipeline (lxml, readability, httpx, the cleaner) is imported by the loader, in the worker
thread, so the app shell and its loading state are painted before that import starts.
"""

from __future__ import annotations

from pathlib import Path

from lire.config import Config
from lire.model import Page, Reading
from lire.store import History
from lire.ui.app import LireApp
from lire.ui.prefs import default_prefs_path
from lire.ui.services import KeepStore, Loader, Opener, Services

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
    prefs: Path | None = None,
) -> LireApp:
    """The app, reading ``source`` with ``loader`` (default: the pipeline with ``config``).

    ``history`` remembers what was read and where (None: nothing is remembered); ``learn``
    keeps the removals the user restores, per site; ``sample`` is offered when there is no
    source; ``opener`` opens a URL in the browser (default ``webbrowser.open``); ``prefs`` is
    where the theme and width chosen in the app are kept (None: they are not).
    """
    config = config or Config()
    services = Services(
        loader=loader or pipeline_loader(config),
        history=history,
        learn=learn,
        sample=sample,
        opener=opener,
        llm=config.llm if config.summary.summarizer == "llm" else None,
        points=config.summary.points,
    )
    return LireApp(
        services,
        source=source,
        theme=config.app.theme,
        width=config.app.width,
        show_summary=config.app.show_summary,
        prefs_path=prefs,
    )


def pipeline_loader(config: Config, page: Page | None = None) -> Loader:
    """Read a location with the real pipeline; ``page`` (stdin, already read) stands for its own
    location. Runs in the worker thread, so the learning store is opened there for each read
    (an SQLite connection stays in the thread that made it)."""

    def load(location: str) -> Reading:
        from lire.pipeline import open_stores, read, read_page  # heavy: off the main thread

        with open_stores(config) as stores:
            if page is not None and location == page.location:
                return read_page(page, config=config, memory=stores.memory)
            return read(location, config=config, memory=stores.memory)

    return load


def run_app(
    *, source: str | None, config: Config, page: Page | None = None, sample: str | None = None
) -> int:
    """Run the reader in the terminal; ``page`` is stdin already read by the CLI."""
    from lire.pipeline import open_stores  # the CLI has imported the pipeline already

    if page is not None and source is None:
        source = page.location
    with open_stores(config, history=True) as stores:
        app = create_app(
            source=source,
            config=config,
            loader=pipeline_loader(config, page),
            history=stores.history,
            learn=stores.memory,
            sample=sample,
            prefs=default_prefs_path(),
        )
        app.run()
    return app.return_code or 0  # 1 after a crash, which the app reports without page text
