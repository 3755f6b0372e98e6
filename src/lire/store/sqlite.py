"""Local SQLite files that never make reading fail: how lire opens its stores, in one place.

The reading history (``lire.store.history``) and the site memory (``lire.store.site_memory``)
share it:

- WAL and a busy timeout, so several lire processes can use one file at a time;
- a file that is not a database, or a damaged one, is moved aside with its ``-wal`` and ``-shm``
  as ``<name>.corrupt-<stamp>`` and a new one is made in its place;
- a place that cannot be written is reported in ``Opened``, never raised: each store decides how
  to go on (the history keeps the session in memory, the learning store turns itself off).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BUSY_TIMEOUT", "Opened", "connect", "move_aside", "open_file", "replace_damaged"]

BUSY_TIMEOUT = 5.0  # seconds a writer waits for another process's transaction


@dataclass(frozen=True, slots=True)
class Opened:
    """What opening a store's file gave: a connection, or ``None`` and the reason.

    ``aside`` is where a damaged file was moved; ``damaged`` says the file was not a usable
    database (whether or not it could be moved and replaced).
    """

    db: sqlite3.Connection | None
    error: str | None = None
    aside: Path | None = None
    damaged: bool = False


def connect(path: Path | None, schema: str) -> sqlite3.Connection:
    """A connection in autocommit mode with the schema applied (``None``: in memory).

    Raises ``sqlite3.OperationalError`` when the place cannot be created or written and
    ``sqlite3.DatabaseError`` when the file is not a database.
    """
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise sqlite3.OperationalError(f"{error.strerror}: {path.parent}") from error
    db = sqlite3.connect(
        ":memory:" if path is None else path,
        timeout=BUSY_TIMEOUT,
        isolation_level=None,
        check_same_thread=False,  # each store serialises its own use; the UI hands it over
    )
    try:
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        if path is not None:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        db.executescript(schema)
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def open_file(path: Path, schema: str) -> Opened:
    """Open ``path``; a damaged file is replaced (``replace_damaged``); errors are reported."""
    try:
        return Opened(connect(path, schema))
    except sqlite3.OperationalError as error:  # cannot create or write there
        return Opened(None, error=str(error))
    except sqlite3.DatabaseError:  # not a database, or a corrupt one
        return replace_damaged(path, schema)


def replace_damaged(path: Path, schema: str) -> Opened:
    """Move a damaged ``path`` aside and start a new file there."""
    try:
        aside = move_aside(path)
        return Opened(connect(path, schema), aside=aside, damaged=True)
    except (OSError, sqlite3.DatabaseError) as error:
        return Opened(None, error=str(error), damaged=True)


def move_aside(path: Path) -> Path:
    """Rename ``path`` and its ``-wal``/``-shm`` to ``<name>.corrupt-<stamp>`` (never over an
    earlier one); returns the new path of the main file."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
        number += 1
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            part.replace(aside.with_name(aside.name + suffix))
    return aside
