"""The site memory: blocks that recur across articles of one site are its boilerplate.

The store is a small SQLite file (in the user data dir; the caller passes its path). It keeps
only fingerprints (a hash of the normalised text), never text. A block seen in two or more
*other* articles of the same site is boilerplate there; a block the user restored is never
learned from nor removed on that site again.

Learning is a convenience, never a reason to fail: the store is safe with several processes
(WAL, a busy timeout, short transactions), bounded (the oldest rows go first), moves a corrupt
file aside and starts afresh, and degrades to "knows nothing" where it cannot write (the file
is opened by ``lire.store.sqlite``, as the history's is).

The cleaner never touches it: the pipeline asks it for a ``SiteMemory`` snapshot before cleaning
(``recall``) and gives it the cleaner's ``Observation`` after (``remember``).
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from lire.model import Observation, SiteMemory
from lire.store.sqlite import Opened, open_file, replace_damaged
from lire.text.fingerprint import fingerprint

__all__ = ["SiteMemoryStore"]

_T = TypeVar("_T")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    site TEXT NOT NULL, fp TEXT NOT NULL, article TEXT NOT NULL, at INTEGER NOT NULL,
    PRIMARY KEY (site, fp, article)
);
CREATE INDEX IF NOT EXISTS seen_at ON seen (at);
CREATE TABLE IF NOT EXISTS kept (site TEXT NOT NULL, fp TEXT NOT NULL, PRIMARY KEY (site, fp));
"""
_SEEN_ELSEWHERE = (
    "SELECT count(*) FROM (SELECT 1 FROM seen WHERE site = ? AND fp = ? AND article <> ? LIMIT 2)"
)
_IS_KEPT = "SELECT 1 FROM kept WHERE site = ? AND fp = ?"


class SiteMemoryStore:
    """Fingerprints of blocks per site and article, in SQLite at ``path``."""

    def __init__(self, path: Path, *, max_rows: int = 50_000) -> None:
        self.path = path
        self.max_rows = max_rows
        self.problem: str | None = None  # what went wrong with the file, for a warning
        self._db: sqlite3.Connection | None = self._open()

    @property
    def enabled(self) -> bool:
        """False when the store could not be opened for writing: it then learns nothing."""
        return self._db is not None

    def recall(self, site: str, article_key: str, texts: Iterable[str]) -> SiteMemory:
        """What the store knows that concerns the article ``article_key`` of ``site`` whose
        blocks are ``texts``: what the user kept on the site, and which of these blocks two
        or more other articles of the site had."""
        prints = {fp for text in texts if (fp := fingerprint(text))}
        article = _digest(article_key)

        def read(db: sqlite3.Connection) -> SiteMemory:
            kept = self._kept(db, site)
            seen = {
                fp
                for fp in prints - kept
                if db.execute(_SEEN_ELSEWHERE, (site, fp, article)).fetchone()[0] >= 2
            }
            return SiteMemory(site, article_key, frozenset(kept), frozenset(seen))

        return self._run(read, SiteMemory(site, article_key))

    def kept(self, site: str) -> frozenset[str]:
        """The fingerprints of the text the user restored on ``site``."""
        return self._run(lambda db: frozenset(self._kept(db, site)), frozenset())

    def remember(self, observation: Observation) -> None:
        """Write down what the cleaner observed in one article."""
        self._write_seen(observation.site, observation.article, set(observation.fingerprints))

    def observe(self, site: str, article_key: str, texts: Sequence[str]) -> None:
        """Remember that ``texts`` appeared in the article ``article_key`` of ``site``."""
        self._write_seen(site, article_key, {fp for text in texts if (fp := fingerprint(text))})

    def _write_seen(self, site: str, article_key: str, prints: set[str]) -> None:
        article = _digest(article_key)
        now = time.time_ns()
        prints.discard("")

        def write(db: sqlite3.Connection) -> None:
            kept = self._kept(db, site)
            db.executemany(
                "INSERT INTO seen VALUES (?, ?, ?, ?)"
                " ON CONFLICT (site, fp, article) DO UPDATE SET at = excluded.at",
                [(site, fp, article, now) for fp in sorted(prints - kept)],
            )
            db.execute(
                "DELETE FROM seen WHERE rowid IN (SELECT rowid FROM seen ORDER BY at, rowid"
                " LIMIT max(0, (SELECT count(*) FROM seen) - ?))",
                (self.max_rows,),
            )

        if prints:
            self._transaction(write, None)

    def seen_elsewhere(self, site: str, article_key: str, text: str) -> bool:
        """Whether ``text`` was seen in two or more other articles of ``site`` (and not kept)."""
        fp = fingerprint(text)
        if not fp:
            return False
        params = (site, fp, _digest(article_key))

        def seen(db: sqlite3.Connection) -> bool:
            kept = db.execute(_IS_KEPT, (site, fp)).fetchone() is not None
            return not kept and int(db.execute(_SEEN_ELSEWHERE, params).fetchone()[0]) >= 2

        return self._run(seen, False)

    def keep(self, site: str, text: str) -> None:
        """The user restored this block on ``site``: never learn from it nor remove it there."""
        fp = fingerprint(text)

        def write(db: sqlite3.Connection) -> None:
            db.execute("INSERT OR IGNORE INTO kept VALUES (?, ?)", (site, fp))
            db.execute("DELETE FROM seen WHERE site = ? AND fp = ?", (site, fp))

        if fp:
            self._transaction(write, None)

    def forget(self, site: str, text: str) -> None:
        """The user undid a restore on ``site``: the block may be learned and removed again."""
        fp = fingerprint(text)
        if fp:
            self._transaction(
                lambda db: db.execute("DELETE FROM kept WHERE site = ? AND fp = ?", (site, fp)),
                None,
            )

    def is_kept(self, site: str, text: str) -> bool:
        """Whether the user restored this block on ``site``."""
        fp = fingerprint(text)
        return bool(fp) and self._run(
            lambda db: db.execute(_IS_KEPT, (site, fp)).fetchone() is not None, False
        )

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> SiteMemoryStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @staticmethod
    def _kept(db: sqlite3.Connection, site: str) -> set[str]:
        return {row[0] for row in db.execute("SELECT fp FROM kept WHERE site = ?", (site,))}

    def _open(self) -> sqlite3.Connection | None:
        return self._take(open_file(self.path, _SCHEMA))

    def _take(self, opened: Opened) -> sqlite3.Connection | None:
        """The connection, after putting what went wrong with the file in ``problem``."""
        if opened.db is None and opened.damaged:
            self.problem = (
                f"the learning store {self.path} is damaged ({opened.error}): learning is off"
            )
        elif opened.db is None:
            self.problem = (
                f"cannot write the learning store {self.path} ({opened.error}): learning is off"
            )
        elif opened.aside is not None:
            self.problem = f"the learning store was damaged and moved to {opened.aside}"
        return opened.db

    def _transaction(self, work: Callable[[sqlite3.Connection], _T], default: _T) -> _T:
        def run(db: sqlite3.Connection) -> _T:
            db.execute("BEGIN IMMEDIATE")
            try:
                result = work(db)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
            return result

        return self._run(run, default)

    def _run(self, work: Callable[[sqlite3.Connection], _T], default: _T) -> _T:
        if self._db is None:
            return default
        try:
            return work(self._db)
        except sqlite3.OperationalError:  # locked past the timeout, or read-only: skip this once
            return default
        except sqlite3.DatabaseError:  # corrupted while in use: start afresh
            self.close()
            self._db = self._take(replace_damaged(self.path, _SCHEMA))
            return default


def _digest(key: str) -> str:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
