"""Lists are read whole: the lines of a list written on one pattern stay with its first lines."""

from __future__ import annotations

import pytest

import lire
from lire.clean.lists import pattern

STAGE = (
    "The race came down to a sprint on the last climb of the day, as it so often does on the "
    "hilly stages of the first week, and the world champion timed his effort best of all.",
    "The breakaway of six riders had built a lead of almost five minutes by the halfway point, "
    "but the teams of the favourites shared the work and caught them with eight kilometres to go.",
    "On the final ramp the puncheurs moved up, and it was the Slovak who won the sprint, just "
    "ahead of the young Frenchman, who keeps the white jersey.",
)
RESULTS = (
    *("1 Peter SAGAN SVK TNK 04:20:51", "2 Julian ALAPHILIPPE FRA EQS 0"),
    *("3 Alejandro VALVERDE ESP MOV 0", "4 Daniel MARTIN IRL EQS 0"),
    *("5 Michael MATTHEWS AUS OBE 0", "6 Wilco KELDERMAN NED TLJ 0", "7 Tony GALLOPIN FRA LTS 0"),
    *("8 Greg VAN AVERMAET BEL BMC 0", "9 Bauke MOLLEMA NED TFS 0"),
    "10 Christopher FROOME GBR SKY 0",
)
FESTIVAL = (
    "Entre os dias 20 e 23 de setembro, a música e a poesia de diversos estados do país tomam "
    "conta do Pelourinho, com shows gratuitos ao ar livre todas as noites do festival.",
    "A curadoria reuniu artistas veteranos e nomes novos da cena independente, e a organização "
    "espera receber mais de dez mil pessoas ao longo dos quatro dias de programação.",
    "Confira os artistas da primeira noite.",
)
LINEUP = (
    *("Grupo Sertanília – BA", "Celo Costa – BA", "João Sereno – BA", "Xangai – BA"),
    *("Flavia Wenceslau – PB", "Maviael Melo – PE", "Socorro Lira – PB", "Paulo Matricó – DF"),
)
MENU = ("Home", "News", "Sport", "Business", "Weather", "Opinion", "Contact us")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3 Alejandro VALVERDE ESP MOV 0", "dCUd"),
        ("Celo Costa – BA", "C–U"),
        ("200 g de farine", "dl"),
        ("Menu", "C"),
        ("images audio video", "l"),
    ],
)
def test_a_line_s_pattern_is_its_words_forms_and_marks(line: str, expected: str) -> None:
    assert pattern(line) == expected


def test_a_results_table_after_a_stage_report_stays_whole() -> None:
    # The model keeps the first rows, next to the report, and took the rest for a menu.
    reading = lire.read_text("\n\n".join([*STAGE, *RESULTS]))
    assert reading.article.removed == ()
    assert [block.text for block in reading.article.blocks][-len(RESULTS) :] == list(RESULTS)


def test_a_festival_line_up_stays_whole() -> None:
    reading = lire.read_text("\n\n".join([*FESTIVAL, *LINEUP]))
    kept = {block.text for block in reading.article.blocks}
    assert set(LINEUP) <= kept


def test_a_menu_after_the_article_is_no_list_of_the_article() -> None:
    # One word, or words in lower case only: too little of a pattern to make a list of lines.
    reading = lire.read_text("\n\n".join([*STAGE, *MENU]))
    removed = {removal.text for removal in reading.article.removed}
    assert set(MENU) <= removed
