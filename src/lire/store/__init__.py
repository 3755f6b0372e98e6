"""lire's local stores: the reading history and the site memory, SQLite files that never make
reading fail (``sqlite``: WAL, busy timeout, a damaged file moved aside, an unwritable place
reported rather than raised).

``open_stores`` is the one place they are opened: a context manager holding the history
(``history``: what was read, and where the reader stopped) and the site memory
(``site_memory``: fingerprints of blocks seen per site, and what the user restored).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lire.store.history import History, Visit
from lire.store.site_memory import SiteMemoryStore

__all__ = ["History", "SiteMemoryStore", "Stores", "Visit", "open_stores"]

HISTORY_FILE = "history.sqlite3"
MEMORY_FILE = "learned.sqlite3"


@dataclass(frozen=True, slots=True)
class Stores:
    """The stores one use of lire opened; a store not asked for is None."""

    history: History | None = None
    memory: SiteMemoryStore | None = None


@contextmanager
def open_stores(
    directory: Path, *, history: bool = False, memory: bool = False
) -> Iterator[Stores]:
    """Open the stores asked for in ``directory``, and close them on the way out.

    An SQLite connection belongs to the thread that uses it: a worker thread opens its own.
    """
    stores = Stores(
        history=History(directory / HISTORY_FILE) if history else None,
        memory=SiteMemoryStore(directory / MEMORY_FILE) if memory else None,
    )
    try:
        yield stores
    finally:
        if stores.history is not None:
            stores.history.close()
        if stores.memory is not None:
            stores.memory.close()
