"""The trail of visits as a plain value: back, forward, reload, and the article a visit shows."""

from __future__ import annotations

from lire.model import Article, Block, BlockKind, Reading, Removal
from lire.ui.trail import Trail, Visit


def visit(source: str) -> Visit:
    return Visit(source, Reading(article=Article(blocks=(Block(BlockKind.PARAGRAPH, source),))))


def test_an_empty_trail_has_no_current_visit_and_goes_nowhere() -> None:
    trail = Trail()
    assert trail.current is None
    assert not trail.can_go(-1) and not trail.can_go(1)
    assert trail.go(-1) is None
    assert len(trail) == 0


def test_back_and_forward_walk_the_visits_and_stop_at_the_ends() -> None:
    trail = Trail()
    for source in "abc":
        trail.push(visit(source))
    assert trail.current is not None and trail.current.source == "c"
    assert trail.go(1) is None
    assert [trail.go(-1), trail.go(-1)] == [trail[1], trail[0]]
    assert trail.go(-1) is None
    assert trail.current is trail[0]
    assert trail.go(1) is trail[1]


def test_reading_something_new_drops_the_visits_ahead() -> None:
    trail = Trail()
    for source in "abc":
        trail.push(visit(source))
    trail.go(-1)
    trail.go(-1)
    trail.push(visit("d"))
    assert [v.source for v in trail] == ["a", "d"]
    assert not trail.can_go(1)


def test_a_reload_replaces_the_current_visit_in_place() -> None:
    trail = Trail()
    trail.replace(visit("first"))  # nothing to replace yet: it is pushed
    trail.push(visit("b"))
    trail.go(-1)
    trail.replace(visit("again"))
    assert [v.source for v in trail] == ["again", "b"]
    assert trail.can_go(1)


def test_a_visit_shows_its_restored_removals_and_maps_block_positions() -> None:
    article = Article(
        blocks=(Block(BlockKind.PARAGRAPH, "one"), Block(BlockKind.PARAGRAPH, "three")),
        removed=(Removal("share/bar", "two", index=1),),
    )
    shown = Visit("a", Reading(article=article))
    assert shown.article is article
    assert shown.shown_index(1) == 1
    shown.restored = frozenset({0})
    assert [b.text for b in shown.article.blocks] == ["one", "two", "three"]
    assert shown.shown_index(1) == 2
