"""The reading history: a local SQLite store that never makes reading fail."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from lire.store.history import History


def test_records_and_returns_the_position_of_each_location(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    history.record("https://a.example/1", title="One", site="A", url="https://a.example/1")
    history.record("notes.txt", title=None, position=7)
    assert history.position("https://a.example/1") == 0
    assert history.position("notes.txt") == 7
    assert history.position("never-read") is None
    assert history.problem is None
    history.close()


def test_reading_again_updates_the_visit_instead_of_adding_one(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    history.record("a", title="Old title", position=3)
    history.record("b", title="B")
    history.record("a", title="New title", position=9)
    visits = history.recent()
    assert [visit.location for visit in visits] == ["a", "b"]
    assert visits[0].title == "New title"
    assert visits[0].position == 9
    history.close()


def test_the_history_survives_reopening_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "data" / "lire" / "history.sqlite3"
    history = History(path)
    history.record("a", title="A", site="Site", position=4)
    history.close()
    reopened = History(path)
    [visit] = reopened.recent()
    assert (visit.location, visit.title, visit.site, visit.position) == ("a", "A", "Site", 4)
    assert visit.read_at[:2] == "20"
    reopened.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_corrupt_file_is_moved_aside_and_recreated(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, just garbage " * 200)
    history = History(path)
    assert history.problem is not None and "moved to" in history.problem
    history.record("a", title="A")
    assert history.position("a") == 0
    history.close()
    [aside] = tmp_path.glob("history.sqlite3.corrupt-*")
    assert aside.read_bytes().startswith(b"this is not a database")


def test_damage_twice_in_a_second_keeps_both_damaged_copies(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    for attempt in (b"first", b"second"):
        path.write_bytes(attempt + b" garbage, not a database " * 200)
        history = History(path)
        assert history.problem is not None and "moved to" in history.problem
        history.record("a", title="A")
        history.close()
    copies = sorted(p.read_bytes()[:6] for p in tmp_path.glob("history.sqlite3.corrupt-*"))
    assert copies == [b"first ", b"second"]  # the second did not overwrite the first
    assert History(path).position("a") == 0  # the new file works


def test_a_directory_that_cannot_be_created_degrades_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the data directory should be", encoding="utf-8")
    history = History(blocker / "lire" / "history.sqlite3")
    assert history.problem is not None and "kept in memory" in history.problem
    history.record("a", position=2)
    assert history.position("a") == 2
    history.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_a_read_only_directory_degrades_without_failing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        history = History(folder / "history.sqlite3")
        history.record("a", position=1)
        assert history.position("a") == 1
        assert history.problem is not None
        history.close()
    finally:
        folder.chmod(0o700)


def test_a_read_only_database_file_keeps_the_session_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    history = History(path)
    history._db.execute("PRAGMA query_only = ON")  # what a read-only file looks like to writes
    history.record("a", title="A", position=5)
    assert history.position("a") == 5
    assert history.problem is not None and "not saved" in history.problem
    history.close()


def test_no_path_keeps_the_history_in_memory() -> None:
    history = History(None)
    history.record("a")
    assert [visit.location for visit in history.recent()] == ["a"]
    history.close()
