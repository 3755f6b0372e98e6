"""The reading history: articles read and where the reader stopped, in a local SQLite file.

Headless (no Textual). The path is passed in. The store never makes reading fail (the file is
opened by ``lire.store.sqlite``): a corrupt file is moved aside and recreated; a place that cannot
be written gives a history kept in memory for the session, with ``problem`` saying why.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lire.store.sqlite import connect, open_file

__all__ = ["History", "Visit"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    location TEXT PRIMARY KEY,
    title TEXT,
    site TEXT,
    url TEXT,
    read_at TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
)
"""


@dataclass(frozen=True, slots=True)
class Visit:
    """One article read: where it came from, when, and the block the reader was at."""

    location: str
    title: str | None
    site: str | None
    url: str | None
    read_at: str
    position: int = 0


class History:
    """Visits keyed by location (the URL or path the user gave)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.problem: str | None = None
        self._db = self._open()

    def record(
        self,
        location: str,
        *,
        title: str | None = None,
        site: str | None = None,
        url: str | None = None,
        position: int = 0,
    ) -> None:
        """Remember that ``location`` was read now, at block ``position``."""
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        self._write(
            "INSERT INTO visits (location, title, site, url, read_at, position)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(location) DO UPDATE SET"
            " title=excluded.title, site=excluded.site, url=excluded.url,"
            " read_at=excluded.read_at, position=excluded.position",
            (location, title, site, url, now, max(0, position)),
        )

    def position(self, location: str) -> int | None:
        """The block the reader was at in ``location``, or ``None`` if it was never read."""
        row = self._db.execute(
            "SELECT position FROM visits WHERE location = ?", (location,)
        ).fetchone()
        return None if row is None else int(row[0])

    def recent(self, limit: int = 200) -> list[Visit]:
        """Visits, most recent first."""
        rows = self._db.execute(
            "SELECT location, title, site, url, read_at, position FROM visits"
            " ORDER BY read_at DESC, rowid DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [Visit(*row) for row in rows]

    def close(self) -> None:
        self._db.close()

    def _write(self, sql: str, values: tuple[object, ...]) -> None:
        try:
            self._db.execute(sql, values)
        except sqlite3.OperationalError as error:  # read-only file or full disk: keep going
            self._degrade(f"history not saved: {error}")
            self._db.execute(sql, values)

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return connect(None, _SCHEMA)
        opened = open_file(self.path, _SCHEMA)
        if opened.db is not None:
            if opened.aside is not None:
                self.problem = f"history file was damaged and moved to {opened.aside}"
            return opened.db
        self.problem = f"history kept in memory: cannot open {self.path}: {opened.error}"
        return connect(None, _SCHEMA)

    def _degrade(self, problem: str) -> None:
        """Go on in memory with what the file held so far."""
        self.problem = problem
        memory = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        self._db.backup(memory)
        self._db.close()
        self._db = memory
