"""textblocks: plain text split into typed blocks, with a title when the first line is one."""

from __future__ import annotations

import pytest

from lire.extract.text_blocks import text_blocks
from lire.model import Block, BlockKind
from paths import SHARED

NUMERAMA = SHARED / "samples" / "numerama-plaintext.txt"

LONG_A = (
    "The harbour authority said on Tuesday that the new quay would open next spring, after "
    "three years of works that closed the old fish market."
)
LONG_B = (
    "Passengers waited in temporary sheds through two winters, and the ferry company said it "
    "would keep the sheds until the last of the works are finished."
)


def kinds(blocks: tuple[Block, ...]) -> list[str]:
    return [block.kind.value for block in blocks]


def test_blank_lines_separate_paragraphs() -> None:
    title, blocks = text_blocks(f"{LONG_A}\n\n{LONG_B}\n")
    assert title is None
    assert blocks == (Block(BlockKind.PARAGRAPH, LONG_A), Block(BlockKind.PARAGRAPH, LONG_B))


def test_one_paragraph_per_line_is_split_by_lines() -> None:
    _title, blocks = text_blocks(f"{LONG_A}\n{LONG_B}\nShort closing line.")
    assert [block.text for block in blocks] == [LONG_A, LONG_B, "Short closing line."]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "The harbour authority said on Tuesday that the\n"
        "new quay would open next spring, after three\n"
        "years of works that closed the fish market.\n"
        "\n"
        "Passengers waited in temporary sheds through\n"
        "two winters."
    )
    _title, blocks = text_blocks(wrapped)
    assert [block.text for block in blocks] == [
        "The harbour authority said on Tuesday that the new quay would open next spring, "
        "after three years of works that closed the fish market.",
        "Passengers waited in temporary sheds through two winters.",
    ]


def test_sentences_broken_across_lines_are_joined_without_blank_lines() -> None:
    # A post written with hard line breaks and pasted with no blank line between paragraphs:
    # the chunk as a whole is no wrapped paragraph, its broken sentences still go together.
    text = (
        "Argentina retains the title\n"
        "La selección Argentina se consagró bicampeón de América tras\n"
        "vencer por 1 a 0 a Colombia en una intensa final disputada en\n"
        "el estadio de Miami.\n"
        "Argentina y Colombia igualaron sin goles al término de los\n"
        "noventa minutos reglamentarios de la final de la Copa América.\n"
        "Read more"
    )
    title, blocks = text_blocks(text)
    assert title == "Argentina retains the title"
    assert [block.text for block in blocks] == [
        "La selección Argentina se consagró bicampeón de América tras vencer por 1 a 0 a "
        "Colombia en una intensa final disputada en el estadio de Miami.",
        "Argentina y Colombia igualaron sin goles al término de los noventa minutos "
        "reglamentarios de la final de la Copa América.",
        "Read more",
    ]


def test_text_wrapped_at_a_width_is_joined_across_capitals_and_hyphens() -> None:
    # Wrapped at 60 columns with no blank lines: the lines a proper noun, a German noun or a
    # compound's hyphen starts go on from the full line above; a line ending a sentence ends
    # its block; the title above a capital stays the title.
    text = (
        "Die Oberland-Zeitung gewinnt erstmals mehr Digital-Abos\n"
        "Die Oberland-Zeitung hat im dritten Quartal erstmals mehr\n"
        "digitale Abonnements hinzugewonnen, als ihr gedruckte Abos\n"
        "verloren gingen, sagte die Chefredakteurin Miriam Haas am\n"
        "Dienstag in Weilheim. Seit März stehen die lokalen Berichte\n"
        "aus den Gemeinden hinter einer Bezahlschranke, die Nutzer\n"
        "nach drei freien Texten im Monat sehen. Der Verlag nennt das\n"
        "Modell einen Erfolg, der Betriebsrat spricht von einem Test-\n"
        "lauf auf Kosten der Lokalredaktion.\n"
        "Kommentare"
    )
    title, blocks = text_blocks(text)
    assert title == "Die Oberland-Zeitung gewinnt erstmals mehr Digital-Abos"
    assert [block.text for block in blocks] == [
        "Die Oberland-Zeitung hat im dritten Quartal erstmals mehr digitale Abonnements "
        "hinzugewonnen, als ihr gedruckte Abos verloren gingen, sagte die Chefredakteurin "
        "Miriam Haas am Dienstag in Weilheim. Seit März stehen die lokalen Berichte aus den "
        "Gemeinden hinter einer Bezahlschranke, die Nutzer nach drei freien Texten im Monat "
        "sehen. Der Verlag nennt das Modell einen Erfolg, der Betriebsrat spricht von einem "
        "Test-lauf auf Kosten der Lokalredaktion.",
        "Kommentare",
    ]


def test_a_text_broken_anywhere_reads_as_its_sentences() -> None:
    # Lines broken wherever the author (or a PDF) pleased, of every length, no blank lines:
    # most breaks fall inside sentences, so a lower-case line goes on from any line that ends
    # no sentence, and a capital goes on inside a sentence already broken.
    text = (
        "Il Museo festeggia i suoi vent'anni\n"
        "Il\n"
        "museo apre il 3 dicembre, con una bella giornata di cose\n"
        "da non perdere. Sarà\n"
        "aperto dalle ore 10 alle 22, con\n"
        "ingresso\n"
        "libero e gratuito e senza l'obbligo della visita\n"
        "guidata. Aperte sia le collezioni che la\n"
        "mostra\n"
        "Vittorio Corcos. Poi\n"
        "tanti piccoli eventi, a cominciare dal\n"
        "ricordo del presidente, a cui\n"
        "si deve il museo.\n"
        "Alle ore 18 una conferenza del professor Natale illustrerà\n"
        "le opere della collezione\n"
        "medievale e i trittici trecenteschi.\n"
        "Alle ore 19 l'inaugurazione dell'installazione nel cortile\n"
        "del museo, con le tavole di Natale e i servizi di porcellana."
    )
    title, blocks = text_blocks(text)
    assert title == "Il Museo festeggia i suoi vent'anni"
    assert [block.text for block in blocks] == [
        "Il museo apre il 3 dicembre, con una bella giornata di cose da non perdere. Sarà aperto "
        "dalle ore 10 alle 22, con ingresso libero e gratuito e senza l'obbligo della visita "
        "guidata. Aperte sia le collezioni che la mostra Vittorio Corcos. Poi tanti piccoli "
        "eventi, a cominciare dal ricordo del presidente, a cui si deve il museo.",
        "Alle ore 18 una conferenza del professor Natale illustrerà le opere della collezione "
        "medievale e i trittici trecenteschi.",
        "Alle ore 19 l'inaugurazione dell'installazione nel cortile del museo, con le tavole di "
        "Natale e i servizi di porcellana.",
    ]


def test_a_wrapped_list_item_takes_its_continuation_line() -> None:
    text = (
        "Three things surprised me:\n"
        "\n"
        "- The laptops draw about 9 watts each at idle, less than the router\n"
        "  they replaced.\n"
        "- Nobody noticed the change, which is exactly what I wanted.\n"
    )
    _title, blocks = text_blocks(text)
    items = [block.text for block in blocks if block.kind is BlockKind.LIST_ITEM]
    assert items == [
        "The laptops draw about 9 watts each at idle, less than the router they replaced.",
        "Nobody noticed the change, which is exactly what I wanted.",
    ]


def test_lines_of_a_copied_page_are_not_taken_for_a_wrap() -> None:
    # One paragraph per line, of every length: no wrap width, so a line with no final stop
    # followed by a capital stays apart (a headline, a menu entry).
    text = f"Menu\nHarbour news from the north coast\nShips and ferries\n{LONG_A}\n{LONG_B}\n"
    _title, blocks = text_blocks(text)
    assert [block.text for block in blocks][-3:] == ["Ships and ferries", LONG_A, LONG_B]


@pytest.mark.parametrize(
    "text",
    [
        # a headline and its lower-case byline
        "Why the harbour works are running two years late this time\nby Ann Lee",
        # a line that ends a sentence, then one that starts in lower case
        f"{LONG_A}\niPhone owners will get the update first, the company said today.",
        # a long menu line, a short lower-case one without a final point
        "Home News Sport Weather Business Culture Travel Podcasts\nmore",
        # a list item goes on in no paragraph
        "- the first point of the list, which is long enough\nand then a paragraph line.",
        # list items copied without their bullets: no line ends a sentence
        "meta titles that are too short or too long for search\nmeta tags that stop indexing",
        # a page's "previous" and "next" links under a long line
        "Tags: Apps Babbel Busuu Duolingo Language learning\nprevious Motivation Through Nudging",
    ],
)
def test_lines_that_do_not_continue_a_sentence_stay_apart(text: str) -> None:
    title, blocks = text_blocks(text)
    assert len(blocks) + (title is not None) == 2


@pytest.mark.parametrize(
    ("line", "text", "level", "ordinal"),
    [
        ("- first point", "first point", 1, None),
        ("* second point", "second point", 1, None),
        ("• third point", "third point", 1, None),
        ("1. numbered", "numbered", 1, 1),
        ("12) numbered again", "numbered again", 1, 12),
        ("    - nested point", "nested point", 3, None),
    ],
)
def test_list_markers_start_list_items(
    line: str, text: str, level: int, ordinal: int | None
) -> None:
    _title, blocks = text_blocks(f"{LONG_A}\n{line}\n{LONG_B}")
    assert blocks[1] == Block(BlockKind.LIST_ITEM, text, level, ordinal=ordinal)


def test_quote_lines_become_quotes() -> None:
    _title, blocks = text_blocks(f"{LONG_A}\n> We will be ready by April.\n{LONG_B}")
    assert blocks[1] == Block(BlockKind.QUOTE, "We will be ready by April.")


def test_markdown_headings_keep_their_level() -> None:
    _title, blocks = text_blocks(f"{LONG_A}\n\n## The north pier\n\n{LONG_B}")
    assert blocks[1] == Block(BlockKind.HEADING, "The north pier", 2)


def test_a_short_first_line_followed_by_text_is_the_title() -> None:
    title, blocks = text_blocks(f"New quay opens in spring\n\n{LONG_A}\n{LONG_B}")
    assert title == "New quay opens in spring"
    assert kinds(blocks) == ["paragraph", "paragraph"]


def test_the_title_may_follow_short_notices_pasted_above_it() -> None:
    text = f"You have read 4 of 5 free articles.\nSubscribe now.\n\nNew quay opens\n\n{LONG_A}"
    title, blocks = text_blocks(text)
    assert title == "New quay opens"
    assert [block.text for block in blocks] == [
        "You have read 4 of 5 free articles.",
        "Subscribe now.",
        LONG_A,
    ]


def test_a_title_is_not_sought_after_a_long_first_paragraph() -> None:
    title, blocks = text_blocks(f"{LONG_A}\nWhat the ferries do now\n{LONG_B}")
    assert title is None
    assert len(blocks) == 3


@pytest.mark.parametrize(
    "first", ["Why do sites ask you to « follow » them", "Is the quay ready?", "Quay (update)"]
)
def test_a_title_may_end_with_a_question_mark_quote_or_bracket(first: str) -> None:
    title, _blocks = text_blocks(f"{first}\n\n{LONG_A}")
    assert title == first


def test_a_first_line_ending_with_a_period_is_not_a_title() -> None:
    title, blocks = text_blocks(f"The quay opens in spring.\n\n{LONG_A}")
    assert title is None
    assert blocks[0].text == "The quay opens in spring."


def test_a_markdown_first_heading_is_the_title() -> None:
    title, blocks = text_blocks(f"# New quay\n\n{LONG_A}")
    assert title == "New quay"
    assert blocks == (Block(BlockKind.PARAGRAPH, LONG_A),)


def test_a_short_unpunctuated_line_between_paragraphs_is_a_subheading() -> None:
    _title, blocks = text_blocks(f"{LONG_A}\nWhat the ferries do now\n{LONG_B}")
    assert blocks[1] == Block(BlockKind.HEADING, "What the ferries do now", 2)


@pytest.mark.parametrize(
    "line",
    [
        "But if you can,",  # ends with punctuation
        "and then the ferries came back",  # starts in lower case
        "+ faster, + simpler",  # not a capital
    ],
)
def test_subheadings_are_conservative(line: str) -> None:
    _title, blocks = text_blocks(f"{LONG_A}\n{line}\n{LONG_B}")
    assert blocks[1] == Block(BlockKind.PARAGRAPH, line)


def test_every_character_of_text_is_kept_and_sanitised() -> None:
    text = f"Title line here\n\n{LONG_A}\x1b[2J\n\u202e{LONG_B}\r\n- item"
    title, blocks = text_blocks(text)
    kept = " ".join([title or "", *(block.text for block in blocks)])
    assert "\x1b" not in kept and "\u202e" not in kept
    for word in f"Title line here {LONG_A} {LONG_B} item".split():
        assert word in kept


@pytest.mark.parametrize("text", ["a\n\n> \n\nb", ">\nText", "Title\n\n>\n\nA paragraph."])
def test_a_line_holding_only_a_quote_marker_gives_no_block(text: str) -> None:
    _title, blocks = text_blocks(text)
    assert blocks and all(block.text for block in blocks)


def test_empty_text_has_no_blocks() -> None:
    assert text_blocks("") == (None, ())
    assert text_blocks("\n \n\t\n") == (None, ())


@pytest.mark.shared
def test_numerama_sample_splits_into_paragraphs_subheadings_and_list_items() -> None:
    if not NUMERAMA.is_file():
        pytest.skip(f"shared sample not found at {NUMERAMA}")
    text = NUMERAMA.read_text(encoding="utf-8")
    title, blocks = text_blocks(text)
    lines = [line for line in text.splitlines() if line.strip()]
    assert title is None  # the first line is a long paragraph
    assert len(blocks) == len(lines)
    assert blocks[0].text.startswith("Ce mercredi 4 décembre")
    headings = [block.text for block in blocks if block.kind is BlockKind.HEADING]
    assert "Pourquoi Elon Musk en veut à Sam Altman" in headings
    items = [block.text for block in blocks if block.kind is BlockKind.LIST_ITEM]
    assert [item[:2] for item in items] == ["1 ", "2 ", "3 "]
    assert blocks[-1].text.startswith("Si vous avez aimé cet article")
    pitch = [block for block in blocks if block.text == "+ rapide, + pratique, + exclusif"]
    assert pitch and pitch[0].kind is BlockKind.PARAGRAPH
