"""The site memory: fingerprints per site and article, bounded, shared, and never a failure."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lire.store import SiteMemoryStore
from lire.text.fingerprint import fingerprint

SITE = "gazette.example"
FOOTER = "The Harbour Gazette is owned by the Harbour Media Group."


def rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM seen").fetchone()[0])


def test_fingerprint_ignores_case_spacing_and_punctuation() -> None:
    assert fingerprint("Read  more: THE story!") == fingerprint("read more the story")
    assert fingerprint("read more") != fingerprint("read less")
    assert fingerprint(" -- ") == ""


def test_a_block_is_boilerplate_once_seen_in_two_other_articles(tmp_path: Path) -> None:
    with SiteMemoryStore(tmp_path / "learn.sqlite3") as store:
        store.observe(SITE, "a", [FOOTER, "Story A."])
        assert not store.seen_elsewhere(SITE, "c", FOOTER)
        store.observe(SITE, "a", [FOOTER])  # the same article again does not count twice
        assert not store.seen_elsewhere(SITE, "c", FOOTER)
        store.observe(SITE, "b", [FOOTER, "Story B."])
        assert store.seen_elsewhere(SITE, "c", FOOTER)
        assert not store.seen_elsewhere(SITE, "a", FOOTER)  # only one *other* article
        assert not store.seen_elsewhere("other.example", "c", FOOTER)
        assert not store.seen_elsewhere(SITE, "c", "Story A.")


def test_what_was_learned_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "learn.sqlite3"
    with SiteMemoryStore(path) as store:
        store.observe(SITE, "a", [FOOTER])
        store.observe(SITE, "b", [FOOTER])
    with SiteMemoryStore(path) as store:
        assert store.seen_elsewhere(SITE, "c", FOOTER)


def test_a_kept_block_is_never_learned_nor_reported(tmp_path: Path) -> None:
    path = tmp_path / "learn.sqlite3"
    with SiteMemoryStore(path) as store:
        store.observe(SITE, "a", [FOOTER])
        store.observe(SITE, "b", [FOOTER])
        store.keep(SITE, FOOTER)
        assert store.is_kept(SITE, FOOTER)
        assert not store.is_kept("other.example", FOOTER)
        assert not store.seen_elsewhere(SITE, "c", FOOTER)
        store.observe(SITE, "d", [FOOTER])
        store.observe(SITE, "e", [FOOTER])
        assert not store.seen_elsewhere(SITE, "c", FOOTER)
    assert rows(path) == 0


def test_the_store_is_bounded_and_forgets_the_oldest_first(tmp_path: Path) -> None:
    path = tmp_path / "learn.sqlite3"
    with SiteMemoryStore(path, max_rows=10) as store:
        for article in range(4):
            store.observe(SITE, f"article-{article}", [f"block {article}-{n}" for n in range(5)])
        store.observe(SITE, "x", ["block 3-0"])
        store.observe(SITE, "y", ["block 3-0"])
        assert store.seen_elsewhere(SITE, "z", "block 3-0")
    assert rows(path) == 10
    with sqlite3.connect(path) as db:
        fps = {row[0] for row in db.execute("SELECT fp FROM seen")}
    assert fingerprint("block 0-0") not in fps
    assert fingerprint("block 3-4") in fps


def test_a_corrupt_file_is_moved_aside_and_recreated(tmp_path: Path) -> None:
    path = tmp_path / "learn.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with SiteMemoryStore(path) as store:
        assert store.enabled
        store.observe(SITE, "a", [FOOTER])
        store.observe(SITE, "b", [FOOTER])
        assert store.seen_elsewhere(SITE, "c", FOOTER)
        assert store.problem is not None and "moved to" in store.problem
    aside = [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert aside
    assert (tmp_path / aside[0]).read_bytes().startswith(b"this is not a database")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_read_only_location_means_no_learning_and_no_failure(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with SiteMemoryStore(folder / "learn.sqlite3") as store:
            assert not store.enabled
            store.observe(SITE, "a", [FOOTER])
            store.observe(SITE, "b", [FOOTER])
            store.keep(SITE, "kept")
            assert not store.seen_elsewhere(SITE, "c", FOOTER)
            assert not store.is_kept(SITE, "kept")
    finally:
        folder.chmod(0o700)


def test_a_location_that_cannot_be_created_means_no_learning(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with SiteMemoryStore(blocker / "learn.sqlite3") as store:
        assert not store.enabled
        assert store.problem is not None and "learning is off" in store.problem
        store.observe(SITE, "a", [FOOTER])
        store.observe(SITE, "b", [FOOTER])
        assert not store.seen_elsewhere(SITE, "c", FOOTER)


def test_a_missing_parent_folder_is_created(tmp_path: Path) -> None:
    with SiteMemoryStore(tmp_path / "data" / "lire" / "learn.sqlite3") as store:
        assert store.enabled
        assert store.problem is None


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from lire.store.site_memory import SiteMemoryStore

    path, name = Path(sys.argv[1]), sys.argv[2]
    store = SiteMemoryStore(path)
    assert store.enabled
    for n in range(150):
        store.observe("gazette.example", f"{name}-{n}", [f"{name} story {n}", "Shared footer."])
    store.close()
    print("done")
    """
)


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "learn.sqlite3"
    SiteMemoryStore(path).close()  # create the schema once, as the first run of lire would
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    with SiteMemoryStore(path) as store:
        assert store.seen_elsewhere(SITE, "new", "Shared footer.")
        assert not store.seen_elsewhere(SITE, "new", "left story 3")
    # 150 stories each, plus the shared footer once per article.
    assert rows(path) == 2 * 150 * 2
