"""toc: a table of contents pasted above the article goes; the headings it lists stay."""

from __future__ import annotations

import lire
from lire.clean.toc import TOC_RULE, table_of_contents
from lire.model import Block, BlockKind

P, L, H = BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING
BODY = (
    "Ad blockers hide a page's advertisements, and a publisher that lives from them loses the "
    "income of every reader who runs one, which is why so many sites now ask readers to switch "
    "them off."
)


def blocks(*lines: tuple[BlockKind, str]) -> list[Block]:
    return [Block(kind, text) for kind, text in lines]


def test_a_labelled_list_of_the_headings_below_is_a_table_of_contents() -> None:
    found = table_of_contents(
        blocks(
            (P, "Why ad blockers cost publishers"),
            (P, "Table of Contents"),
            (L, "How ad blockers work"),
            (L, "1. What publishers can do"),
            (P, BODY),
            (H, "How Ad Blockers Work"),
            (P, BODY),
            (H, "What publishers can do?"),
            (P, BODY),
        )
    )
    assert found == {1, 2, 3}


def test_without_a_label_it_takes_three_items_and_their_order() -> None:
    two = blocks((L, "Inleiding"), (L, "Ontwikkelingen"), (P, BODY), (H, "Inleiding"))
    shuffled = blocks(
        (L, "Inleiding"),
        (L, "Ontwikkelingen"),
        (L, "Conclusie"),
        (P, BODY),
        (H, "Conclusie"),
        (H, "Inleiding"),
        (H, "Ontwikkelingen"),
    )
    assert table_of_contents(two) == set()
    assert table_of_contents(shuffled) == set()


def test_items_whose_headings_the_text_never_reached_go_with_the_ones_it_did() -> None:
    # a stored page's first screens: the list's first heading comes back, the text stops
    # before the others; list items found nowhere else go on the list, a paragraph ends it
    cut = blocks(
        (P, "Bevoegdheden en taakverdeling in de mondzorg"),
        (L, "Inleiding"),
        (L, "Ontwikkelingen in de tandheelkunde"),
        (L, "De Wet BIG"),
        (P, "Samenvatting"),
        (P, BODY),
        (H, "Inleiding"),
        (P, BODY),
    )
    said_again = blocks(
        (L, "Inleiding"),
        (L, "Ontwikkelingen"),
        (L, "Samenvatting"),
        (P, "Samenvatting"),
        (P, BODY),
        (H, "Inleiding"),
    )
    two = blocks((L, "Inleiding"), (L, "Ontwikkelingen"), (P, BODY), (H, "Inleiding"))
    assert table_of_contents(cut) == {1, 2, 3}
    assert table_of_contents(said_again) == set()  # "Samenvatting" is said elsewhere
    assert table_of_contents(two) == set()  # three items at least, without a label


def test_a_long_list_or_a_page_that_is_no_article_takes_no_cut_off_items() -> None:
    specs = [(L, f"Spec {name}: value") for name in "abcdefghijklmn"]  # 14 items
    long_list = blocks((L, "Body: Alder"), *specs, (P, BODY), (H, "Body: Alder"))
    cut = blocks(
        (L, "Inleiding"), (L, "Ontwikkelingen"), (L, "De Wet BIG"), (P, BODY), (H, "Inleiding")
    )
    assert table_of_contents(long_list) == set()
    assert table_of_contents(cut) == {0, 1, 2}
    assert table_of_contents(cut, cut_off=False) == set()


def test_lines_said_once_or_a_long_paragraph_said_twice_are_no_table() -> None:
    once = blocks((P, "Home"), (P, "News"), (P, "Sport"), (P, BODY))
    twice = blocks((P, BODY), (P, BODY), (P, BODY), (P, "Next"), (P, BODY))
    assert table_of_contents(once) == set()
    assert table_of_contents(twice) == set()


def test_pasted_text_loses_its_table_of_contents_and_keeps_its_sections() -> None:
    text = "\n".join(
        [
            "Why ad blockers cost publishers",
            "Sommaire",
            "Comment fonctionnent les bloqueurs",
            "Ce que les éditeurs peuvent faire",
            "Conclusion",
            BODY,
            "Comment fonctionnent les bloqueurs",
            BODY,
            "Ce que les éditeurs peuvent faire",
            BODY,
            "Conclusion",
            BODY,
        ]
    )
    reading = lire.read_text(text)
    gone = [removal.text for removal in reading.article.removed if removal.rule == TOC_RULE]
    assert gone == [
        "Sommaire",
        "Comment fonctionnent les bloqueurs",
        "Ce que les éditeurs peuvent faire",
        "Conclusion",
    ]
    assert reading.article.text.count("Ce que les éditeurs peuvent faire") == 1
