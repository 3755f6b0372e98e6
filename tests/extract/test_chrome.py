"""chrome: the link lines of a page's frame, dropped from a wide reading."""

from __future__ import annotations

from lire.extract.chrome import without_link_lines
from lire.model import Block, BlockKind, Link

PROSE = Block(
    BlockKind.PARAGRAPH,
    "The harbour authority said on Tuesday that the new quay would open next spring.",
)


def linked(pieces: list[str], sep: str = " - ") -> Block:
    links = tuple(Link(piece, f"https://example.org/{n}") for n, piece in enumerate(pieces))
    return Block(BlockKind.PARAGRAPH, sep.join(pieces), links=links)


def test_a_short_line_of_short_links_goes() -> None:
    line = linked(["Book a demo", "Contact us"], sep=" ")
    assert without_link_lines((PROSE, line))[0] == (PROSE,)


def test_prose_with_a_few_links_and_a_bar_of_links_stay() -> None:
    # A bar of many links is a footer's, or a listing's items (Wikipedia's category pages,
    # arXiv's authors): measured on WCXB's tuning part, dropping bars cost more than it gained.
    sentence = Block(
        BlockKind.PARAGRAPH,
        "The port's plan, the council's vote and the union's reply are online.",
        links=(Link("plan", "https://example.org/a"), Link("vote", "https://example.org/b")),
    )
    titles = linked([f"Harbour story {n}" for n in range(6)])
    assert without_link_lines((PROSE, sentence, titles))[0] == (PROSE, sentence, titles)
