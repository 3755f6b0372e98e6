"""The user's own choices in the site memory: blocks restored (kept) and blocks marked as the
site's boilerplate undo each other; the learned removals the reader was told of."""

from __future__ import annotations

from pathlib import Path

from lire.store import SiteMemoryStore
from lire.text.fingerprint import fingerprint

SITE = "news.example"


def test_a_mark_and_a_restore_undo_each_other_in_the_store(tmp_path: Path) -> None:
    footer = "The Harbour Gazette is owned by the Harbour Media Group since 1998."
    with SiteMemoryStore(tmp_path / "learned.sqlite3") as store:
        store.keep(SITE, footer)
        store.mark(SITE, footer)
        assert store.is_marked(SITE, footer) and not store.is_kept(SITE, footer)
        memory = store.recall(SITE, "a", [footer])
        assert memory.marked == {fingerprint(footer)} and not memory.kept
        store.keep(SITE, footer)
        assert not store.is_marked(SITE, footer) and store.is_kept(SITE, footer)
        store.mark(SITE, footer)
        store.unmark(SITE, footer)
        assert not store.is_marked(SITE, footer)
        assert store.recall("other.example", "a", [footer]).marked == frozenset()


def test_the_store_tells_which_learned_removals_the_reader_has_not_been_told_of(
    tmp_path: Path,
) -> None:
    with SiteMemoryStore(tmp_path / "learned.sqlite3") as store:
        assert store.announce(SITE, ["Footer one.", "Footer two."]) == 2
        assert store.announce(SITE, ["footer ONE", "Footer three."]) == 1
        assert store.announce(SITE, []) == 0
        assert store.announce("other.example", ["Footer one."]) == 1
