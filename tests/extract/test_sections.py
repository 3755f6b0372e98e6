"""without_empty_sections: headings the cleaning left without their section go, recorded."""

from __future__ import annotations

from lire.extract.sections import EMPTY_SECTION_RULE, without_empty_sections
from lire.model import Article, Block, BlockKind, Removal

H, P = BlockKind.HEADING, BlockKind.PARAGRAPH


def article(*blocks: tuple[BlockKind, str, int], removed: tuple[Removal, ...] = ()) -> Article:
    return Article(
        blocks=tuple(Block(kind, text, level) for kind, text, level in blocks), removed=removed
    )


def test_a_heading_at_the_end_and_a_label_before_its_peer_go_with_their_positions() -> None:
    # Before cleaning: 0 h2, 1 p, 2 teaser (removed), 3 h2 "Lees ook", 4 h2, 5 p, 6 form, 7 h3
    cleaned = article(
        (H, "De nieuwe kade", 2), (P, "De kade gaat in het voorjaar open.", 0),
        (H, "Lees ook", 2), (H, "De pier", 2), (P, "De veerboten varen vanaf de pier.", 0),
        (H, "Schrijf je in voor de nieuwsbrief", 3),
        removed=(Removal("related/x", "Teaser", index=2), Removal("newsletter/x", "Form", index=6)),
    )  # fmt: skip
    trimmed = without_empty_sections(cleaned)
    assert [b.text for b in trimmed.blocks] == [
        "De nieuwe kade", "De kade gaat in het voorjaar open.", "De pier",
        "De veerboten varen vanaf de pier.",
    ]  # fmt: skip
    assert trimmed.removed[2:] == (
        Removal(EMPTY_SECTION_RULE, "Lees ook", index=3, kind=H),
        Removal(EMPTY_SECTION_RULE, "Schrijf je in voor de nieuwsbrief", index=7, kind=H),
    )


def test_a_heading_over_a_subsection_and_long_headings_keep_their_place() -> None:
    kept = article(
        (H, "Unsere Leistungen", 2), (H, "Beratung", 3), (P, "Wir beraten Sie.", 0),
        (H, "“Der beste Lebenslauf, den mein Gesprächspartner je gesehen hatte.”", 4),
        (H, "Sie hat uns in drei Wochen zu einem neuen Auftritt verholfen, danke!", 4),
        (P, "Kontakt", 0),
    )  # fmt: skip
    assert without_empty_sections(kept) == kept
