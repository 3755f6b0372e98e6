"""Search as a plain value: hits in order, the first from a block, next and previous."""

from __future__ import annotations

from lire.model import Block, BlockKind
from lire.ui.search import Match, Search, find_matches

BLOCKS = (
    Block(BlockKind.HEADING, "Harbour news", level=2),
    Block(BlockKind.PARAGRAPH, "The harbour reopens; the HARBOUR master is glad."),
    Block(BlockKind.PARAGRAPH, "Nothing here."),
    Block(BlockKind.PARAGRAPH, "A harbour again."),
)


def test_hits_are_found_case_insensitively_in_order_with_their_spans() -> None:
    assert find_matches(BLOCKS, "harbour") == [
        Match(0, 0, 7),
        Match(1, 4, 11),
        Match(1, 25, 32),
        Match(3, 2, 9),
    ]
    assert find_matches(BLOCKS, "") == []


def test_the_current_hit_is_the_first_at_or_after_the_block_in_view() -> None:
    search = Search.run(BLOCKS, "harbour", from_block=2)
    assert search.current == Match(3, 2, 9)
    assert search.describe() == "Match 4/4"
    assert Search.run(BLOCKS, "harbour").describe() == "Match 1/4"


def test_next_and_previous_go_round_the_ends() -> None:
    search = Search.run(BLOCKS, "harbour", from_block=3)
    assert search.step(1).current == Match(0, 0, 7)
    assert search.step(-1).current == Match(1, 25, 32)
    assert search.step(1).step(-1) == search


def test_a_query_without_hits_has_no_current_hit_and_steps_nowhere() -> None:
    search = Search.run(BLOCKS, "lighthouse")
    assert search.current is None
    assert search.step(1) == search
    assert search.describe() == ""
