"""The reading history: articles read and where the reader stopped, in a local SQLite file.

Headless (no Textual). The path is passed in. The store never makes reading fail: a corrupt
file is moved aside and recreated; a directory that cannot be written gives a history kept in
memory for the session, with ``problem`` saying why.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

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
            with self._db:
                self._db.execute(sql, values)
        except sqlite3.OperationalError as error:  # read-only file or full disk: keep going
            self._degrade(f"history not saved: {error}")
            with self._db:
                self._db.execute(sql, values)

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return _connect(":memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return _connect(str(self.path))
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                self.problem = f"history kept in memory: cannot open {self.path}: {error}"
                return _connect(":memory:")
        except OSError as error:
            self.problem = f"history kept in memory: cannot open {self.path}: {error.strerror}"
            return _connect(":memory:")
        return self._recreate()

    def _recreate(self) -> sqlite3.Connection:
        assert self.path is not None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        self.path.replace(aside)
        for suffix in ("-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        self.problem = f"history file was damaged and moved to {aside}"
        return _connect(str(self.path))

    def _degrade(self, problem: str) -> None:
        self.problem = problem
        memory = _connect(":memory:")
        self._db.backup(memory)
        self._db.close()
        self._db = memory


def _connect(target: str) -> sqlite3.Connection:
    db = sqlite3.connect(target, timeout=5.0, check_same_thread=False)
    try:
        db.execute("PRAGMA busy_timeout = 5000")
        if target != ":memory:":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute(_SCHEMA)
        db.commit()
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    return not isinstance(error, sqlite3.OperationalError)
